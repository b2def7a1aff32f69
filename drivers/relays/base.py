"""Pulse, latch and fault logic shared by every relay driver (reference/protocols.md §E.2).

A board only has to say how to switch (`_send`) and how to let go (`_release`). Fail-secure by
construction: off at construction, off when a pulse's monotonic deadline passes (in `finally`,
on a timer thread that owns nothing else), off on close and on `__exit__`.
Nothing from kiosk/ or sync/.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from abc import ABC, abstractmethod
from types import TracebackType
from typing import Final, Self

from drivers.types import RelayFault

log = logging.getLogger(__name__)

_JOIN_S: Final = 2.0


class BaseRelay(ABC):
    """A `MonitoredRelay`: `is_on` is the last state the board accepted, `fault` the last error.

    Subclasses open their device in `__init__` and then call `self._start()`, which switches
    off: a board keeps its last state through a crash of the process that drove it. A board
    that cannot be reached then does not stop construction; it shows in `fault` and every
    command retries it (the kiosk starts "out of order" and recovers on replug).
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._lock = threading.RLock()
        self._wake = threading.Condition(self._lock)
        self._is_on = False
        self._fault: str | None = None
        self._deadline: float | None = None
        self._timer: threading.Thread | None = None
        self._closed = False

    # -- what a board implements -------------------------------------------------------------

    @abstractmethod
    def _send(self, on: bool) -> None:
        """Command the board; raise RelayFault if it did not take the command."""

    def _release(self) -> None:  # noqa: B027 - optional hook, most boards hold nothing extra
        """Let go of the device after the final off."""

    # -- the Relay role ----------------------------------------------------------------------

    @property
    def is_on(self) -> bool:
        return self._is_on

    @property
    def fault(self) -> str | None:
        return self._fault

    def on(self) -> None:
        """Switch on until `off()`; prefer `pulse()`, which cannot be forgotten."""
        with self._lock:
            self._check_open()
            self._deadline = None
            self._wake.notify_all()
            self._apply(True)

    def off(self) -> None:
        with self._lock:
            self._deadline = None
            self._wake.notify_all()
            self._apply(False)

    def pulse(self, seconds: float) -> None:
        """Switch on now and off `seconds` later; a pulse while one runs extends the deadline.

        If switching on fails the relay is switched off again before RelayFault propagates.
        """
        if not math.isfinite(seconds) or seconds <= 0:
            raise ValueError(f"pulse length must be a positive number of seconds, got {seconds!r}")
        with self._lock:
            self._check_open()
            deadline = time.monotonic() + seconds
            self._deadline = max(deadline, self._deadline or deadline)
            switched = False
            try:
                self._apply(True)
                switched = True
            finally:
                if not switched:
                    self._deadline = None
                    self._off_quietly()
            log.info("relay %s pulse %.2f s", self.name, seconds)
            self._ensure_timer()
            self._wake.notify_all()

    def close(self) -> None:
        """Switch off and release the device. Never raises RelayFault: see `fault`."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._deadline = None
            self._wake.notify_all()
            timer = self._timer
        if timer is not None and timer is not threading.current_thread():
            timer.join(_JOIN_S)
        with self._lock:
            try:
                self._off_quietly()
            finally:
                self._release()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- internals ---------------------------------------------------------------------------

    def _start(self) -> None:
        """Switch off at construction, whatever state the board was left in."""
        self._off_quietly()

    def _check_open(self) -> None:
        if self._closed:
            raise RelayFault(f"relay {self.name} is closed")

    def _apply(self, on: bool) -> None:
        try:
            self._send(on)
        except RelayFault as err:
            self._record_fault(err)
            raise
        if self._fault is not None:
            log.info("relay %s recovered", self.name)
        self._fault = None
        if on != self._is_on:
            log.info("relay %s %s", self.name, "on" if on else "off")
        self._is_on = on

    def _off_quietly(self) -> None:
        """Off, recording a failure in `fault` instead of raising (exit and cleanup paths)."""
        try:
            self._apply(False)
        except RelayFault:
            self._record_fault(None)

    def _record_fault(self, err: RelayFault | None) -> None:
        # Expected hardware trouble: one line with the reason, no traceback; once per fault.
        if err is None:
            log.error("relay %s: could not switch off (%s)", self.name, self._fault)
            return
        if self._fault is None:
            log.error("relay %s failed: %s", self.name, err)
        self._fault = str(err)

    def _ensure_timer(self) -> None:
        if self._timer is not None and self._timer.is_alive():
            return
        self._timer = threading.Thread(
            target=self._run_timer, name=f"relay-pulse:{self.name}", daemon=True
        )
        self._timer.start()

    def _run_timer(self) -> None:
        with self._lock:
            try:
                while self._deadline is not None:
                    remaining = self._deadline - time.monotonic()
                    if remaining <= 0:
                        break
                    self._wake.wait(remaining)
            finally:
                # Deadline passed, or this thread is dying for any reason: the door locks.
                # A cleared deadline means off()/close() already switched off.
                if self._deadline is not None:
                    self._deadline = None
                    self._off_quietly()
                self._timer = None

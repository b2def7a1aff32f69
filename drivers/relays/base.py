"""Pulse, latch, retry and fault logic shared by every relay driver (reference/protocols.md §E.2).

A board only says how to switch (`_send`) and how to let go (`_release`). The rest is here, and
it treats the relay's state as a fact to establish, not a hope:
- a *target* (off; on until a pulse's monotonic deadline; on while held) and what the board
  last *took*. One keeper thread per relay brings the board to its target: it ends a pulse at
  its deadline, retries a command the board did not take with bounded backoff for as long as
  it takes (not until a patron's next pulse), and re-sends the current state every `probe_s`
  while nothing else happens, so an unplugged board is a fault before the next patron comes.
- a fault (`DeviceFault`: part, message, since) is set when a command is not taken and clears
  by itself with the first command that is; fault listeners hear of both transitions.
Fail-secure: off at construction, at the deadline, on close and on `__exit__`.
Nothing from kiosk/ or sync/.
"""

from __future__ import annotations

import contextlib
import logging
import math
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from types import TracebackType
from typing import Final, Self

from drivers.types import DeviceFault, OnFault, RelayFault

log = logging.getLogger(__name__)

RETRY_FIRST_S: Final = 0.05
RETRY_MAX_S: Final = 1.0
"""A board that did not take OFF is tried again at least once a second, for as long as it takes."""
DEFAULT_PROBE_S: Final = 5.0
"""Idle re-send of the current state: an unplugged board shows as a fault within this."""
CLOSE_RETRY_S: Final = 2.0
"""How long close() keeps trying OFF before the process may go (systemd stops us at 10 s)."""
_JOIN_S: Final = 2.0
PART: Final = "relay"


class BaseRelay(ABC):
    """A `MonitoredRelay`: `is_on` is the last state the board took, `fault_state` why not.

    Subclasses open their device in `__init__` and then call `self._start()`, which switches
    off (a board keeps its last state through a crash of the process that drove it) and starts
    the keeper. A board that cannot be reached does not stop construction: it shows in `fault`
    and the keeper retries until it answers (the kiosk starts "out of order" and recovers).
    """

    def __init__(self, name: str, probe_s: float | None = DEFAULT_PROBE_S) -> None:
        if probe_s is not None and not (math.isfinite(probe_s) and probe_s > 0):
            raise ValueError(f"probe_s must be a positive number of seconds, got {probe_s!r}")
        self.name = name
        self.probe_s = probe_s
        self._lock = threading.RLock()
        self._wake = threading.Condition(self._lock)
        self._is_on = False
        self._confirmed = False
        """The board is known to be in `_is_on`; False after any command it did not take."""
        self._hold = False
        self._deadline: float | None = None
        self._fault: DeviceFault | None = None
        self._retry_at: float | None = None
        self._retry_delay = RETRY_FIRST_S
        self._probe_at: float | None = None
        self._listeners: list[OnFault] = []
        self._notes: list[DeviceFault | None] = []
        self._keeper: threading.Thread | None = None
        self._closed = False
        self._closed_done = threading.Event()

    # -- what a board implements -------------------------------------------------------------

    @abstractmethod
    def _send(self, on: bool) -> None:
        """Command the board; raise RelayFault if it did not take the command."""

    def _release(self) -> None:  # noqa: B027 - optional hook, most boards hold nothing extra
        """Let go of the device after the final off."""

    # -- the Relay role ----------------------------------------------------------------------

    @property
    def is_on(self) -> bool:
        """The last state the board took (ON while an OFF it did not take is being retried)."""
        return self._is_on

    @property
    def fault(self) -> str | None:
        """Why the last command was not taken, or None once one is."""
        fault = self._fault
        return fault.message if fault is not None else None

    @property
    def fault_state(self) -> DeviceFault | None:
        return self._fault

    @property
    def settled_off(self) -> bool:
        """Off, and the board took that OFF: nothing is pending."""
        with self._lock:
            return self._confirmed and not self._is_on and not self._wants_on(time.monotonic())

    def add_fault_listener(self, listener: OnFault) -> Callable[[], None]:
        """Call `listener(fault)` when a fault starts and `listener(None)` when it clears.

        Called from whichever thread saw the change, never with the relay's lock held; it
        must not block. Returns a function that removes the listener.
        """
        with self._lock:
            self._listeners.append(listener)

        def remove() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return remove

    def on(self) -> None:
        """Hold on until `off()` (the fire release); prefer `pulse()`, which cannot be forgotten.

        Raises RelayFault if the board did not take it now; the hold stays, and the keeper
        keeps trying until the board takes it or `off()` is called.
        """
        try:
            with self._lock:
                self._check_open()
                self._hold = True
                self._wake.notify_all()
                try:
                    self._switch(True)
                except RelayFault:
                    raise  # the hold stays: the keeper keeps trying
                except BaseException:
                    self._hold = False  # cut short (the process is leaving): no ON later
                    raise
        finally:
            self._flush_notes()

    def off(self) -> None:
        """Off now. Raises RelayFault if the board did not take it; the keeper keeps trying."""
        try:
            with self._lock:
                self._hold = False
                self._deadline = None
                self._wake.notify_all()
                self._switch(False)
        finally:
            self._flush_notes()

    def pulse(self, seconds: float) -> None:
        """Switch on now and off `seconds` later; a pulse while one runs extends the deadline.

        Returns only once the board took ON. If it did not, the pulse is cancelled, OFF is
        sent (and retried by the keeper if need be) and RelayFault propagates: the caller must
        not call it a grant.
        """
        if not math.isfinite(seconds) or seconds <= 0:
            raise ValueError(f"pulse length must be a positive number of seconds, got {seconds!r}")
        try:
            with self._lock:
                self._check_open()
                deadline = time.monotonic() + seconds
                self._deadline = max(deadline, self._deadline or deadline)
                try:
                    self._switch(True)
                except BaseException as err:
                    # Not taken, or cut short by a stop signal: the keeper must not send this
                    # ON later (it did, before the close's OFF).
                    self._deadline = None
                    if isinstance(err, RelayFault) and not self._hold:
                        self._off_quietly()
                    raise
                finally:
                    self._wake.notify_all()
                log.info("relay %s pulse %.2f s", self.name, seconds)
        finally:
            self._flush_notes()

    def close(self) -> None:
        """Switch off (trying for up to CLOSE_RETRY_S) and release. Never raises RelayFault.

        OFF comes first, before the keeper is joined. A second caller (the signal watcher and
        the signal handler both close) returns only once the first caller's OFF is done, so
        nobody lets the process die before the OFF went out.
        """
        with self._lock:
            first = not self._closed
            self._closed = True
            if first:
                try:
                    self._hold = False
                    self._deadline = None
                    self._wake.notify_all()
                    self._off_until(time.monotonic() + CLOSE_RETRY_S)
                except BaseException:
                    self._closed_done.set()
                    raise
        if not first:
            self._closed_done.wait(CLOSE_RETRY_S + _JOIN_S + 1.0)
            return
        try:
            keeper = self._keeper
            if keeper is not None and keeper is not threading.current_thread():
                keeper.join(_JOIN_S)
        finally:
            with self._lock:
                self._release()
            self._closed_done.set()
            self._flush_notes()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- internals: commands and faults (called with the lock held) --------------------------

    def _start(self) -> None:
        """Switch off at construction, whatever state the board was left in; start the keeper."""
        with self._lock:
            self._off_quietly()
            if self.probe_s is not None:
                self._probe_at = time.monotonic() + self.probe_s
            self._keeper = threading.Thread(
                target=self._run_keeper, name=f"relay-keeper:{self.name}", daemon=True
            )
            self._keeper.start()
        self._flush_notes()

    def _check_open(self) -> None:
        if self._closed:
            raise RelayFault(f"relay {self.name} is closed")

    def _switch(self, on: bool) -> None:
        """Send `on`; on success the board's state is a fact, on failure the keeper retries."""
        try:
            self._send(on)
        except RelayFault as err:
            self._confirmed = False
            self._set_fault(str(err))
            self._retry_at = time.monotonic() + self._retry_delay
            self._retry_delay = min(self._retry_delay * 2, RETRY_MAX_S)
            raise
        except BaseException:
            # Cut short mid-command (a signal's handler raised): what the board took is not
            # known, so the keeper sends the target again.
            self._confirmed = False
            raise
        if on != self._is_on:
            log.info("relay %s %s", self.name, "on" if on else "off")
        self._is_on = on
        self._confirmed = True
        self._retry_at = None
        self._retry_delay = RETRY_FIRST_S
        if self.probe_s is not None:
            self._probe_at = time.monotonic() + self.probe_s
        self._set_fault(None)

    def _off_quietly(self) -> bool:
        """Off, recording a failure in `fault` instead of raising; True if the board took it."""
        try:
            self._switch(False)
        except RelayFault:
            return False
        return True

    def _off_until(self, give_up_at: float) -> None:
        """The final OFF of close(): retried with backoff until taken or `give_up_at`."""
        delay = RETRY_FIRST_S
        while not self._off_quietly():
            if time.monotonic() + delay > give_up_at:
                log.error("relay %s: OFF not taken before exit: %s", self.name, self.fault)
                return
            self._wake.wait(delay)
            delay = min(delay * 2, RETRY_MAX_S)

    def _set_fault(self, message: str | None) -> None:
        # Expected hardware trouble: one line with the reason, no traceback; once per change.
        current = self._fault
        if message is None:
            if current is None:
                return
            log.warning("relay %s recovered after %.1f s: the board takes commands again",
                        self.name, time.monotonic() - current.since)
            self._fault = None
            self._notes.append(None)
            return
        if current is None:
            log.error("relay %s failed: %s", self.name, message)
            self._fault = DeviceFault(PART, message, time.monotonic())
            self._notes.append(self._fault)
        elif current.message != message:
            self._fault = DeviceFault(PART, message, current.since)

    def _flush_notes(self) -> None:
        with self._lock:
            notes, self._notes = self._notes, []
            listeners = list(self._listeners)
        for note in notes:
            for listener in listeners:
                try:
                    listener(note)
                except Exception:
                    log.exception("fault listener of relay %s failed", self.name)

    # -- the keeper thread -------------------------------------------------------------------

    def _wants_on(self, now: float) -> bool:
        return self._hold or (self._deadline is not None and now < self._deadline)

    def _run_keeper(self) -> None:
        try:
            while True:
                with self._lock:
                    if self._closed:
                        return
                    if not self._keep(time.monotonic()):
                        self._wake.wait(self._sleep_for(time.monotonic()))
                self._flush_notes()
        finally:
            # Dying for any reason (even one that should not exist): the door locks.
            with self._lock:
                if not self._closed:
                    log.error("relay %s keeper stopped; switching off", self.name)
                    self._hold = False
                    self._deadline = None
                    self._off_quietly()

    def _keep(self, now: float) -> bool:
        """One step towards the target; True if a command was sent (look again at once)."""
        if self._deadline is not None and now >= self._deadline:
            self._deadline = None  # the pulse is over
        want = self._wants_on(now)
        if not self._confirmed or self._is_on != want:
            if self._retry_at is not None and now < self._retry_at:
                return False
        elif self._probe_at is None or now < self._probe_at or self._deadline is not None:
            return False  # nothing due; a pulse (at most 30 s) is not probed, its end is
        with contextlib.suppress(RelayFault):  # recorded as the fault; retried after backoff
            self._switch(want)
        return True

    def _sleep_for(self, now: float) -> float | None:
        moments = [self._deadline]
        if not self._confirmed or self._is_on != self._wants_on(now):
            moments.append(self._retry_at if self._retry_at is not None else now)
        elif self._deadline is None:
            moments.append(self._probe_at)
        due = [m for m in moments if m is not None]
        return max(min(due) - now, 0.0) if due else None

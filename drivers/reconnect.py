"""The thread shell every card reader shares: open, read until error, report, back off, reopen.

Subclasses supply one `_session()` (open the device and pump it until it fails or stop is
requested); this module keeps the state reporting (once per change, masked), the interruptible
bounded backoff and the delivery of reads: the reader thread only parses and puts into a bounded
ReadQueue (drivers/delivery.py: unreadable bursts coalesced), a second thread hands reads on,
so a slow taker never stalls the port and a flood never grows memory. Nothing from kiosk/ or
sync/.
"""

from __future__ import annotations

import errno
import logging
import re
import threading
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Final

from drivers.cardparse import compile_patterns, parse_card
from drivers.delivery import Coalescer, ReadQueue
from drivers.types import OnRead, OnStatus, ReaderState, ReaderStatus

log = logging.getLogger(__name__)

try:
    from termios import error as _TermiosError  # POSIX: tcflush/tcsetattr on a dead tty
except ImportError:  # pragma: no cover - Windows
    _TermiosError = OSError  # type: ignore[assignment,misc]

# What a device that went away raises: pyserial's SerialException is an OSError, but termios
# calls (reset_input_buffer, reconfiguring) raise termios.error, which is not.
DEVICE_ERRORS: Final[tuple[type[Exception], ...]] = (OSError, _TermiosError)

# Not "unplugged" but "someone else has it / we may not": worth a different word on the status
# screen (a udev rule or a second kiosk process), still retried.
_ERROR_ERRNOS: Final = frozenset({errno.EACCES, errno.EPERM, errno.EBUSY})
DEFAULT_MAX_BACKOFF_S: Final = 1.5


class Backoff:
    """Retry delays: `first`, doubling, never more than `maximum` (replug found within 2 s)."""

    def __init__(self, first: float, maximum: float = DEFAULT_MAX_BACKOFF_S) -> None:
        if first <= 0:
            raise ValueError(f"reconnect delay must be > 0, got {first!r}")
        self._first = first
        self._maximum = max(first, maximum)
        self._next = first

    def next(self) -> float:
        delay = self._next
        self._next = min(self._next * 2, self._maximum)
        return delay

    def reset(self) -> None:
        self._next = self._first


def state_for(err: BaseException) -> ReaderState:
    """DISCONNECTED for a device that is gone, ERROR for one we may not or cannot use."""
    if isinstance(err, OSError) and err.errno in _ERROR_ERRNOS:
        return ReaderState.ERROR
    if isinstance(err, DEVICE_ERRORS):
        return ReaderState.DISCONNECTED
    return ReaderState.ERROR


class ReconnectingReader(ABC):
    """A `CardReader` whose device may come and go; one daemon thread per started reader."""

    def __init__(
        self,
        name: str,
        card_patterns: Sequence[str] = (),
        reconnect_s: float = 0.5,
        max_backoff_s: float = DEFAULT_MAX_BACKOFF_S,
    ) -> None:
        self.name = name
        self._patterns: tuple[re.Pattern[str], ...] = compile_patterns(card_patterns)
        self._backoff = Backoff(reconnect_s, max_backoff_s)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._on_read: OnRead | None = None
        self._on_status: OnStatus | None = None
        self._state: ReaderState | None = None
        self._queue = ReadQueue(Coalescer())
        self._delivery: threading.Thread | None = None

    @property
    def state(self) -> ReaderState | None:
        """The last reported state (None before the first attempt)."""
        return self._state

    def start(self, on_read: OnRead, on_status: OnStatus) -> None:
        if self._thread is not None:
            raise RuntimeError(f"reader {self.name!r} already started")
        self._on_read, self._on_status = on_read, on_status
        self._stop.clear()
        self._queue = ReadQueue(Coalescer())
        self._delivery = threading.Thread(target=self._hand_on, name=f"drivers:{self.name}:reads",
                                          daemon=True)
        self._delivery.start()
        self._thread = threading.Thread(target=self._run, name=f"drivers:{self.name}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop the thread and wait for it; the device is closed when this returns."""
        self._stop.set()
        self._queue.close()
        thread, self._thread = self._thread, None
        delivery, self._delivery = self._delivery, None
        for t in (thread, delivery):
            if t is not None:
                t.join(timeout)
                if t.is_alive():
                    log.error("reader %s did not stop within %.1f s", self.name, timeout)

    @abstractmethod
    def _session(self) -> None:
        """Open the device, call `_connected()`, pump reads until stop; raise OSError if lost."""

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._session()
            except Exception as err:  # noqa: BLE001 - a reader thread must never die
                self._failed(err)
            if self._stop.wait(self._backoff.next()):
                break

    def _connected(self) -> None:
        self._backoff.reset()
        self._set_state(ReaderState.CONNECTED, "")

    def _failed(self, err: Exception) -> None:
        state = state_for(err)
        unexpected = not isinstance(err, DEVICE_ERRORS)
        if unexpected and self._state is not ReaderState.ERROR:
            log.error("reader %s failed unexpectedly", self.name, exc_info=err)
        self._set_state(state, str(err) or type(err).__name__)

    def _set_state(self, state: ReaderState, detail: str) -> None:
        if state is self._state:
            return
        previous, self._state = self._state, state
        if state is ReaderState.CONNECTED:
            log.info("reader %s connected", self.name)
        elif previous is not None or state is ReaderState.ERROR:
            log.warning("reader %s %s: %s", self.name, state, detail)
        else:
            log.info("reader %s not available yet: %s", self.name, detail)
        self._notify(ReaderStatus(self.name, state, detail))

    def _notify(self, status: ReaderStatus) -> None:
        if self._on_status is None:
            return
        try:
            self._on_status(status)
        except Exception:
            log.exception("status callback of reader %s failed", self.name)

    def _deliver(self, raw: str) -> None:
        """Parse one complete raw read and queue it; never lets the raw text reach a log."""
        read = parse_card(raw, self.name, self._patterns)
        log.debug("reader %s read %s %s", self.name, read.kind, read.masked)
        self._queue.put(read)

    def _hand_on(self) -> None:
        """The delivery thread: one read at a time to `on_read`, however slow it is."""
        dropped = 0
        while (read := self._queue.get()) is not None:
            if self._queue.dropped != dropped:
                dropped = self._queue.dropped
                log.warning("reader %s: %d reads dropped, nobody took them in time",
                            self.name, dropped)
            if self._on_read is None:
                continue
            try:
                self._on_read(read)
            except Exception:
                log.exception("read callback of reader %s failed", self.name)

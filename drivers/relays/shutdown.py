"""OFF first when the process is told to stop (SIGTERM, SIGINT, SIGHUP, SIGABRT) or exits.

Python runs a signal handler only in the main thread and only between bytecodes: a main thread
inside a long C call (a Qt event loop between its timers, an SQLite integrity check, a join)
would switch the relay off seconds late. So the handlers are also wired to a wakeup pipe
(`signal.set_wakeup_fd`) that a watcher thread reads: the C-level handler writes the signal
number at once, the watcher closes the relay (OFF, and no command after it), and the Python
handler then does the rest in the main thread (quit the event loop, exit). SIGKILL and power
loss cannot be caught: start-up switches off again. Nothing from kiosk/ or sync/.

Only the watcher switches off. The Python handler runs in the main thread wherever it was
interrupted, which may be inside the relay's own write with the serial link's lock held: an
OFF from there waited for that lock for ever, and so did the watcher's (CI: the board heard
nothing more after ON). The handler only makes the main thread leave, which lets go of the
locks; the watcher's OFF goes out then, and every `finally` closes the relay again.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable
from types import FrameType
from typing import Final, Protocol

log = logging.getLogger(__name__)

DEFAULT_SIGNALS: Final = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGABRT)
"""Stop requests, and SIGABRT: systemd's watchdog kills a frozen event loop with it (the
watcher thread still runs when the main thread is stuck)."""
_STOP_WATCHER: Final = b"\x00"
_MAIN_GRACE_S: Final = 1.0
"""How long the watcher lets the main thread run the handler before it sends it the signal.
A verb's main thread wakes at least every 20-200 ms and runs the handler by itself; only one
blocked for good needs the wake-up. Sooner, it landed inside the verbs' timed waits, where the
handler's SystemExit broke a threading lock (exit 1, not 130; 1 run in 12 under libfaketime)."""

_Handler = Callable[[int, FrameType | None], object] | int | signal.Handlers | None
Then = Callable[[int], None]
"""What to do in the main thread after the relay is off (e.g. quit the event loop)."""


class Closable(Protocol):
    def close(self) -> None:
        """Switch off and release; never raises for hardware trouble; idempotent."""
        ...


def _close(relay: Closable, why: str) -> None:
    try:
        relay.close()
    except Exception:
        log.exception("could not switch relay off on %s", why)
    else:
        log.info("relay switched off on %s", why)


def exit_by(signum: int) -> None:
    """`then` for command-line verbs: leave through every `finally`, status 128 + signal."""
    raise SystemExit(128 + signum)


class SignalGuard:
    """Installed handlers and watcher for one relay; `watch()` swaps the relay it guards.

    Install from the main thread, before other threads start if possible. `uninstall()`
    restores the previous handlers and wakeup fd.
    """

    def __init__(
        self, relay: Closable, signals: Iterable[int] = DEFAULT_SIGNALS, then: Then | None = None
    ) -> None:
        self._relay = relay
        self.then = then
        self._lock = threading.Lock()
        self._wake_lock = threading.Lock()
        """Held while the handlers are put back, so the watcher's wake-up never meets the
        previous handler (SIG_DFL would kill the process with the signal, not exit 128+n)."""
        self._wakes: dict[int, int] = {}
        """Signals the watcher sent the main thread, not yet seen again by the handler."""
        self._previous: dict[int, _Handler] = {}
        self.received: list[int] = []
        self._die_by: int | None = None
        """A signal whose default action ends the process: done at exit, after the OFF."""
        self._signals = frozenset(signals)
        self._installed = threading.current_thread() is threading.main_thread()
        if not self._installed:
            # Python lets only the main thread set handlers (a test or an embedding calling
            # a verb from a worker thread): exit and `finally` still switch off.
            log.debug("signal guard not installed: not the main thread")
            return
        self._read_fd, self._write_fd = os.pipe()
        os.set_blocking(self._write_fd, False)
        self._old_wakeup = signal.set_wakeup_fd(self._write_fd, warn_on_full_buffer=False)
        for signum in self._signals:
            previous = signal.getsignal(signum)
            if previous == signal.SIG_IGN:
                continue  # e.g. SIGHUP under nohup stays ignored
            self._previous[signum] = previous
            signal.signal(signum, self._handler)
        self._watcher = threading.Thread(target=self._watch, name="relay-signal-watcher",
                                         daemon=True)
        self._watcher.start()
        atexit.register(self._at_exit)

    def watch(self, relay: Closable) -> None:
        """Guard `relay` from now on (the configured relay replaced the start-up one)."""
        with self._lock:
            self._relay = relay

    def uninstall(self) -> None:
        if not self._installed:
            return
        with self._wake_lock:
            self._installed = False
            if self._die_by is None:  # else the process still ends by that signal, at exit
                atexit.unregister(self._at_exit)
            for signum, previous in self._previous.items():
                if signal.getsignal(signum) == self._handler:
                    signal.signal(signum, previous if previous is not None else signal.SIG_DFL)
            signal.set_wakeup_fd(self._old_wakeup)
        with contextlib.suppress(OSError):
            os.write(self._write_fd, _STOP_WATCHER)
        self._watcher.join(2.0)
        for fd in (self._read_fd, self._write_fd):
            with contextlib.suppress(OSError):
                os.close(fd)

    def _current(self) -> Closable:
        with self._lock:
            return self._relay

    def _watch(self) -> None:
        while True:
            try:
                data = os.read(self._read_fd, 64)
            except OSError:
                return
            if not data or _STOP_WATCHER in data:
                return
            mine = [s for s in data if s in self._previous]
            if mine:
                _close(self._current(), signal.Signals(mine[0]).name)
                self._wake_main(mine[0])

    def _wake_main(self, signum: int) -> None:
        """Make sure the main thread runs the Python handler. The kernel may hand a
        process-directed signal to any thread: given to this one, the C handler ran here and
        the main thread slept on in pause() or another blocking call, the process never
        exiting (CI: the relay OFF, then no exit in 30 s). Sent to the main thread itself, the
        signal ends that call; if the handler ran just before, it ignores this second one."""
        deadline = time.monotonic() + _MAIN_GRACE_S
        while signum not in self.received and time.monotonic() < deadline:
            time.sleep(0.01)  # usually the main thread got it, and handles it now
        with self._wake_lock, contextlib.suppress(OSError):  # OSError: the main thread ended
            if self._installed and signum not in self.received:
                self._wakes[signum] = self._wakes.get(signum, 0) + 1
                signal.pthread_kill(threading.main_thread().ident or 0, signum)

    def _handler(self, signum: int, frame: FrameType | None) -> None:
        if signum in self.received and self._wakes.get(signum, 0) > 0:
            self._wakes[signum] -= 1
            return  # the watcher's wake-up came after the main thread handled the signal
        self.received.append(signum)
        # No OFF here, and nothing else that takes a lock: see the module's docstring.
        if self.then is not None:
            self.then(signum)
            return
        previous = self._previous.get(signum)
        if callable(previous):
            previous(signum, frame)  # e.g. SIGINT's KeyboardInterrupt, which unwinds too
            return
        # Die the way the signal would have killed us, so a supervisor sees the real cause,
        # but only at exit: first unwind (letting go of the relay) and switch off.
        self._die_by = signum
        raise SystemExit(128 + signum)

    def _at_exit(self) -> None:
        _close(self._current(), "exit")
        if self._die_by is not None:
            signal.signal(self._die_by, signal.SIG_DFL)
            os.kill(os.getpid(), self._die_by)


def switch_off_on_exit(
    relay: Closable, signals: Iterable[int] = DEFAULT_SIGNALS, then: Then | None = None
) -> Callable[[], None]:
    """Install a SignalGuard for `relay`; return the function that uninstalls it."""
    return SignalGuard(relay, signals, then).uninstall

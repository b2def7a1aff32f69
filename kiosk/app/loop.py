"""The Qt loop's companions for `kiosk run` and the demo: the systemd watchdog pinged from the
event loop, and stop signals that end the loop normally (after the relay's guard switched it
off). Qt is imported inside functions, so importing this module does not load it.
"""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager

from drivers.relays.shutdown import SignalGuard, exit_by
from kiosk.system.watchdog import Notifier

log = logging.getLogger(__name__)


def restart_to_repair(problem: str) -> None:
    """The open cache file was found damaged: stop the way `systemctl stop` does (the relay
    off, exit 143). systemd's Restart=always starts the kiosk again, and that start moves the
    file aside by the marker the check left, and rebuilds (kiosk/cache/integrity.py)."""
    log.error("cache file damaged (%s): stopping, so that the restart moves it aside", problem)
    os.kill(os.getpid(), signal.SIGTERM)


@contextmanager
def systemd_watchdog(final: bool = True) -> Iterator[None]:
    """READY=1 now, WATCHDOG=1 from the GUI event loop: a frozen loop stops the pings.
    `final`: say STOPPING=1 at the end (not after the out-of-order wait at start-up, which the
    kiosk's own loop follows)."""
    from PySide6.QtCore import QTimer

    notifier = Notifier()
    notifier.ready()
    timer = QTimer()
    every = notifier.ping_every_s
    if every is not None:
        timer.timeout.connect(notifier.ping)
        timer.start(int(every * 1000))
    try:
        yield
    finally:
        timer.stop()
        if final:
            notifier.stopping()


@contextmanager
def quit_on_signals(guard: SignalGuard | None = None) -> Iterator[list[int]]:
    """While the Qt loop runs, a stop signal (after the guard switched the relay off) ends the
    loop normally, so every `finally` runs. Yields the list of signals received. Without a
    guard (the demo, whose relay is on screen) one is installed for the loop's duration."""
    from PySide6.QtCore import QCoreApplication, QTimer

    if guard is None:
        with _own_guard() as own, quit_on_signals(own) as seen:
            yield seen
        return
    # A signal that came during start-up and whose exit was lost (an exception raised in a
    # Qt override is printed and dropped by PySide) still ends the loop.
    received: list[int] = list(guard.received)

    def quit_now(signum: int) -> None:
        received.append(signum)
        # quit() before exec() runs does nothing: a queued quit ends the loop either way.
        QTimer.singleShot(0, QCoreApplication.quit)

    guard.then = quit_now
    if received:
        QTimer.singleShot(0, QCoreApplication.quit)
    # Python runs the guard's handler only between bytecodes: wake the interpreter now and
    # then. (The relay does not wait for this: the guard's watcher thread switched it off.)
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(200)
    try:
        yield received
    finally:
        wake.stop()
        guard.then = exit_by


class _Nothing:
    def close(self) -> None:
        return None


@contextmanager
def _own_guard() -> Iterator[SignalGuard]:
    guard = SignalGuard(_Nothing())
    try:
        yield guard
    finally:
        guard.uninstall()

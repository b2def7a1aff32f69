"""A stop signal always ends `kiosk run`'s event loop (kiosk/app/loop.py), whenever it comes.

QCoreApplication.quit() before exec() runs does nothing, and an exception raised inside a Qt
override (a resizeEvent while the window is first shown) is printed and dropped by PySide: a
SIGTERM in either window used to leave `kiosk run` running with its relay closed until systemd
killed it (seen as "kiosk run did not end within 30 s" under load). Real signals to this
process; the relay's guard switches the relay off first in every case."""

from __future__ import annotations

import os
import signal

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from drivers.fake import RecordingRelay
from drivers.relays.shutdown import SignalGuard
from kiosk.app.loop import quit_on_signals

FAILSAFE_MS = 10_000


def _run_loop(guard: SignalGuard, before_exec: bool) -> tuple[list[int], bool]:
    """Enter the loop as `kiosk run` does; (signals seen, whether the fail-safe ended it)."""
    timed_out: list[bool] = []
    failsafe = QTimer()
    failsafe.setSingleShot(True)
    failsafe.timeout.connect(lambda: (timed_out.append(True), QCoreApplication.quit()))
    failsafe.start(FAILSAFE_MS)
    with quit_on_signals(guard) as received:
        if before_exec:
            os.kill(os.getpid(), signal.SIGTERM)  # handled here, before exec() runs
        QCoreApplication.exec()
    failsafe.stop()
    return list(received), bool(timed_out)


def test_a_signal_between_entering_the_loop_and_exec_ends_it(qapp: QApplication) -> None:
    relay = RecordingRelay()
    guard = SignalGuard(relay)
    try:
        received, timed_out = _run_loop(guard, before_exec=True)
    finally:
        guard.uninstall()
        relay.close()
    assert not timed_out, "the loop ran on after SIGTERM"
    assert received == [signal.SIGTERM]
    assert not relay.latched


def test_a_signal_whose_exit_was_swallowed_before_the_loop_ends_it(qapp: QApplication) -> None:
    relay = RecordingRelay()
    swallowed: list[int] = []
    guard = SignalGuard(relay, then=swallowed.append)  # as if SystemExit died in a Qt override
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        assert swallowed == [signal.SIGTERM]
        received, timed_out = _run_loop(guard, before_exec=False)
    finally:
        guard.uninstall()
        relay.close()
    assert not timed_out, "a stop signal that came during start-up was forgotten"
    assert received == [signal.SIGTERM]
    assert not relay.latched

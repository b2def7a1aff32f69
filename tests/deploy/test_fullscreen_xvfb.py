"""`kiosk run` covers the whole screen on plain X with no window manager (issue 16: it used to
open as a 371×206 window in the corner). Proved under Xvfb by a screenshot of the root window."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from xvfbkit import HEIGHT, WIDTH, uncovered, wait_until_covered, xvfb

SMALL_WINDOW = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication, QWidget
    from kiosk.app.display import show_full_screen

    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(371, 206)  # what the kiosk window asks for by itself
    palette = window.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#102030"))
    window.setPalette(palette)
    window.setAutoFillBackground(True)
    if sys.argv[1] == "helper":
        show_full_screen([window])
    else:
        window.showFullScreen()  # asks a window manager that is not there
    QTimer.singleShot(0, lambda: print("shown", flush=True))
    app.exec()  # until the test, having its screenshot, terminates it
""")


def _small_window(display_env: dict[str, str], how: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", SMALL_WINDOW, how], env=display_env,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "shown"
    return proc


def _end(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    proc.communicate(timeout=10)


def test_show_full_screen_covers_a_screen_without_a_window_manager(tmp_path: Path) -> None:
    with xvfb(tmp_path) as display:
        bare = _small_window(display.env(), "bare")
        try:
            # The bug as it was: showFullScreen() alone leaves most of the root showing.
            shot = display.screenshot(tmp_path / "bare.png")
            left, width, height = uncovered(shot)
            assert (width, height) == (WIDTH, HEIGHT)
            assert left > (width // 2) * (height // 2) * 0.8, "the bare window should not cover"
        finally:
            _end(bare)
        fixed = _small_window(display.env(), "helper")
        try:
            shot = wait_until_covered(display, tmp_path)
            assert uncovered(shot)[0] == 0, f"root still shows in {shot}"
        finally:
            _end(fixed)

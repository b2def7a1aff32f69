"""Putting the kiosk's windows on the screen: full screen with or without a window manager.

`showFullScreen()` only asks the window manager (_NET_WM_STATE_FULLSCREEN); on plain X with no
window manager nobody answers and the window stays at its natural size in the corner (371×206
on a 1280×800 screen). So the window is also given its screen's whole geometry, and follows it
when the screen changes size. Under cage (Wayland) and eglfs the compositor or the platform
makes it full screen anyway; the geometry is then what they would have chosen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


def show_full_screen(windows: Sequence[QWidget]) -> None:
    """Show each window frameless and full screen: the first on the primary screen, the next
    ones on the other screens in turn (mode "both" with two monitors: door and checkout)."""
    primary = QGuiApplication.primaryScreen()
    others = [s for s in QGuiApplication.screens() if s is not primary]
    screens = [primary, *others] if primary is not None else others
    for index, window in enumerate(windows):
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        if screens:
            screen = screens[index % len(screens)]
            window.setScreen(screen)
            window.setGeometry(screen.geometry())
            _follow(window, screen)
        window.showFullScreen()


def _follow(window: QWidget, screen: QScreen) -> None:
    """A monitor switched to another resolution: cover it again (no window manager does)."""

    def cover(geometry: QRect) -> None:
        if window.isVisible():
            window.setGeometry(geometry)

    screen.geometryChanged.connect(cover)

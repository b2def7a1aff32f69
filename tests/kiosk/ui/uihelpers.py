"""Drive the real kiosk window like a patron: present cards, click keys, let time pass.

The window hands every event to its controller worker; each action here waits until the
answers have been rendered (`wait`), so a test reads the screen as the patron would see it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from drivers.cardparse import parse_card
from kiosk.app import Kiosk
from kiosk.clock import FixedClock
from kiosk.flow import CardPresented, Event, Tick
from kiosk.ui import theme
from kiosk.ui.view import ScreenKind
from sync.synthetic import persona


class Driver:
    def __init__(self, kiosk: Kiosk, qtbot: Any, clock: FixedClock) -> None:
        self.kiosk, self.qtbot, self.clock = kiosk, qtbot, clock
        self.window = kiosk.window

    @property
    def kind(self) -> ScreenKind | None:
        return self.window.kind

    def wait(self) -> None:
        """Until the worker has answered every event so far and the window has rendered it."""
        self.qtbot.waitUntil(lambda: self.window.idle, timeout=5000)

    def send(self, event: Event) -> None:
        self.window.dispatch(event)
        self.wait()

    def card(self, raw: str) -> None:
        self.send(CardPresented(parse_card(raw, "test")))

    def persona_card(self, role: str) -> str:
        p = persona(role)
        self.card(p.card)
        return p.pin

    def click(self, button: QAbstractButton) -> None:
        assert button.isVisible(), f"{button.text()!r} is not visible"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.wait()

    def touch(self, button: QAbstractButton) -> None:
        """A click that does not wait for the answer (a patron does not either)."""
        assert button.isVisible(), f"{button.text()!r} is not visible"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def pin(self, digits: str) -> None:
        keys = {k.text(): k for k in self.window.pin_screen.pad.keys}
        for d in digits:
            self.touch(keys[d])
        self.wait()

    def ok(self) -> None:
        self.click(self.window.pin_screen.pad.ok_key)

    def later(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.send(Tick())

    def texts(self) -> list[str]:
        """Every visible label's text on the current screen."""
        screen = self.window.current
        return [w.text() for w in screen.findChildren(QLabel) if w.isVisibleTo(screen)]

    def language_button(self) -> QAbstractButton:
        header = self.window.current.header
        assert header is not None
        return header.language


def clipped_labels(root: QWidget) -> list[str]:
    """Labels whose text needs more room than they have (word wrap taken into account)."""
    bad = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text():
            continue
        room = label.contentsRect()
        flags = int(label.alignment().value)
        if label.wordWrap():
            flags |= Qt.TextFlag.TextWordWrap.value
        need = label.fontMetrics().boundingRect(QRect(0, 0, room.width(), 100_000), flags,
                                                 label.text())
        # 2 px of slack: QLabel's own layout rounds line heights differently; a clipped word
        # or line costs far more than that.
        if need.width() > room.width() + 2 or need.height() > room.height() + 2:
            bad.append(f"{label.text()!r}: needs {need.width()}x{need.height()}, "
                       f"has {room.width()}x{room.height()}")
    return bad


def small_buttons(root: QWidget) -> list[str]:
    """Visible buttons under the 15 mm minimum, or too narrow for their text."""
    bad = []
    for button in root.findChildren(QAbstractButton):
        if not button.isVisibleTo(root):
            continue
        w, h = button.width(), button.height()
        if min(w, h) < theme.MIN_TARGET_PX:
            bad.append(f"{button.text()!r}: {w}x{h} under {theme.MIN_TARGET_PX} px")
        text = button.fontMetrics().horizontalAdvance(button.text())
        if text > w - 8:
            bad.append(f"{button.text()!r}: text {text} px in a {w} px button")
    return bad


def settle() -> None:
    QApplication.processEvents()

"""The demo's card reader: digits typed anywhere in the window, then Enter, make one card read.

Installed as an application event filter, so it works whatever has focus. Only the demo uses
it: a real kiosk reads HID readers through evdev, grabbed, so their keys never reach Qt.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

MAX_TYPED = 128


class KeyboardCardReader(QObject):
    def __init__(self, on_raw: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_raw = on_raw
        self._typed: list[str] = []

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            raw, self._typed = "".join(self._typed), []
            if raw:
                self._on_raw(raw)
            return True
        if event.key() == Qt.Key.Key_Escape:
            self._typed = []
            return True
        text = event.text()
        if text and text.isprintable() and len(self._typed) < MAX_TYPED:
            self._typed.append(text)
            return True
        return False

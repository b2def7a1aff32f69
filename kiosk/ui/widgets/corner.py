"""An unmarked corner that asks for the technician PIN after a long press.

Patrons never need it, so it is not drawn; a press must be held `hold_ms` to count, so a
brushing sleeve does not open it.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget


class LongPressCorner(QWidget):
    held = Signal()
    hold_ms: int = 3000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("technician corner")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.held.emit)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._timer.start(self.hold_ms)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._timer.stop()
        event.accept()

    def stop(self) -> None:
        self._timer.stop()

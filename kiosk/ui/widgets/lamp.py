"""The demo's on-screen relay: a lamp that is green while the door is unlocked."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kiosk.ui import theme
from kiosk.ui.i18n import tr


class RelayLamp(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on = False
        self.setMinimumSize(64, 64)
        self.set_on(False)

    def set_on(self, on: bool) -> None:
        if on == self.on and self.accessibleName():
            return
        self.on = on
        self.setAccessibleName(tr("Door unlocked") if on else tr("Door locked"))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        side = min(self.width(), self.height()) - 6
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(theme.INK), 3))
        painter.setBrush(QColor("#22DD66" if self.on else "#553333"))
        painter.drawEllipse(QRectF((self.width() - side) / 2, (self.height() - side) / 2,
                                   side, side))
        painter.end()

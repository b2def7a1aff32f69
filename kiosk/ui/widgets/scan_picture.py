"""A drawn picture of where to scan: the yellow health card going to the reader below the screen.

Painted with QPainter so it scales with the screen and needs no image files.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui import theme
from kiosk.ui.i18n import tr


class ScanPicture(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.setAccessibleName(tr("Picture: hold the card flat over the reader below the screen"))

    def paintEvent(self, _event: QPaintEvent) -> None:
        side = min(self.width() / 1.3, float(self.height()))
        ox = (self.width() - side * 1.3) / 2
        oy = (self.height() - side) / 2
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(ox, oy)
        painter.scale(side / 100, side / 100)  # draw on a 130×100 canvas
        self._kiosk(painter)
        self._card(painter)
        self._arrow(painter)
        painter.end()

    @staticmethod
    def _kiosk(p: QPainter) -> None:
        p.setPen(QPen(QColor(theme.QUIET), 1.2))
        p.setBrush(QColor(theme.PANEL))
        p.drawRoundedRect(QRectF(8, 4, 52, 36), 3, 3)  # this screen
        p.setBrush(QColor("#0F2D4A"))
        p.drawRoundedRect(QRectF(14, 50, 40, 40), 4, 4)  # the reader below it
        glow = QColor(theme.ACCENT)
        glow.setAlpha(90)
        p.setPen(QPen(QColor(theme.ACCENT), 1.6))
        p.setBrush(glow)
        p.drawRoundedRect(QRectF(20, 56, 28, 22), 3, 3)  # where the card goes
        p.setPen(QPen(QColor(theme.ACCENT), 1.2))
        for r in (4.0, 7.0, 10.0):  # "contact" waves
            p.drawArc(QRectF(34 - r, 67 - r, 2 * r, 2 * r), 30 * 16, 120 * 16)

    @staticmethod
    def _card(p: QPainter) -> None:
        p.save()
        p.translate(96, 36)
        p.rotate(-12)
        card = QRectF(-24, -15, 48, 30)
        p.setPen(QPen(QColor("#5A4A00"), 1.0))
        p.setBrush(QColor(theme.ACCENT))  # the sundhedskort is yellow
        p.drawRoundedRect(card, 3, 3)
        p.setBrush(QColor("#2B2B2B"))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRect(QRectF(-24, 4, 48, 6))  # magnetic stripe
        p.setBrush(QColor("#7A6400"))
        for i in range(5):  # name lines
            p.drawRect(QRectF(-19, -10 + i * 2.6, 22 - i * 3, 1.2))
        p.restore()

    @staticmethod
    def _arrow(p: QPainter) -> None:
        path = QPainterPath(QPointF(92, 56))
        path.cubicTo(QPointF(88, 80), QPointF(70, 88), QPointF(56, 76))
        p.setPen(QPen(QColor(theme.INK), 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        p.setBrush(QColor(theme.INK))
        p.setPen(Qt.PenStyle.NoPen)
        head = QPolygonF([QPointF(50, 71), QPointF(61, 72), QPointF(54, 81)])
        p.drawPolygon(head)

"""Big drawn symbols (tick, cross, moon, wrench, alarm) so every result reads at a glance."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui import theme


class Glyph(QWidget):
    KINDS = ("tick", "cross", "moon", "wrench", "alarm", "lock")

    def __init__(self, kind: str = "tick", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(160, 160)

    def set_kind(self, kind: str) -> None:
        if kind != self.kind:
            self.kind = kind
            self.update()

    def rescale(self, scale: float) -> None:
        side = theme.px(160, scale)
        self.setFixedSize(side, side)

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.scale(self.width() / 100, self.height() / 100)
        p.setPen(QPen(QColor(theme.INK), 5))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QRectF(4, 4, 92, 92))
        pen = QPen(QColor(theme.INK), 9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        getattr(self, f"_{self.kind}")(p)
        p.end()

    @staticmethod
    def _tick(p: QPainter) -> None:
        p.drawPolyline(QPolygonF([QPointF(27, 52), QPointF(43, 68), QPointF(73, 34)]))

    @staticmethod
    def _cross(p: QPainter) -> None:
        p.drawLine(QPointF(32, 32), QPointF(68, 68))
        p.drawLine(QPointF(68, 32), QPointF(32, 68))

    @staticmethod
    def _moon(p: QPainter) -> None:
        path = QPainterPath()
        path.addEllipse(QRectF(24, 22, 54, 54))
        cut = QPainterPath()
        cut.addEllipse(QRectF(38, 14, 50, 50))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(theme.INK))
        p.drawPath(path.subtracted(cut))

    @staticmethod
    def _wrench(p: QPainter) -> None:
        p.drawLine(QPointF(34, 66), QPointF(58, 42))
        p.drawArc(QRectF(52, 22, 26, 26), -60 * 16, 300 * 16)

    @staticmethod
    def _alarm(p: QPainter) -> None:
        p.drawLine(QPointF(50, 24), QPointF(50, 58))
        p.drawPoint(QPointF(50, 74))

    @staticmethod
    def _lock(p: QPainter) -> None:
        p.drawRoundedRect(QRectF(30, 46, 40, 30), 4, 4)
        p.drawArc(QRectF(36, 24, 28, 40), 0, 180 * 16)

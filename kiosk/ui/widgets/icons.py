"""Drawn icons for the header's buttons: a globe (the language, recognised without reading any
language) and a speaker (reading aloud). Drawn, not font glyphs: the kiosk's fonts have no
emoji, and a drawn icon has the theme's colours in both of a toggle button's states."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from kiosk.ui import theme

Draw = Callable[[QPainter, float], None]


def _globe(painter: QPainter, side: float) -> None:
    box = QRectF(side * 0.1, side * 0.1, side * 0.8, side * 0.8)
    painter.drawEllipse(box)
    painter.drawEllipse(box.adjusted(side * 0.22, 0, -side * 0.22, 0))
    middle = side / 2
    painter.drawLine(QPointF(middle, box.top()), QPointF(middle, box.bottom()))
    painter.drawLine(QPointF(box.left(), middle), QPointF(box.right(), middle))
    for y in (side * 0.3, side * 0.7):
        painter.drawLine(QPointF(side * 0.2, y), QPointF(side * 0.8, y))


def _speaker(painter: QPainter, side: float) -> None:
    body = QPolygonF([QPointF(side * 0.1, side * 0.38), QPointF(side * 0.3, side * 0.38),
                      QPointF(side * 0.52, side * 0.15), QPointF(side * 0.52, side * 0.85),
                      QPointF(side * 0.3, side * 0.62), QPointF(side * 0.1, side * 0.62)])
    path = QPainterPath()
    path.addPolygon(body)
    path.closeSubpath()
    painter.fillPath(path, painter.pen().color())
    for radius in (0.18, 0.32):
        arc = QRectF(side * (0.52 - radius), side * (0.5 - radius), side * radius * 2,
                     side * radius * 2)
        painter.drawArc(arc, -50 * 16, 100 * 16)


def _pixmap(draw: Draw, side: int, colour: str) -> QPixmap:
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(colour), max(1.5, side / 14)))
    draw(painter, side)
    painter.end()
    return pixmap


def _icon(draw: Draw, side: int) -> QIcon:
    """White on the dark screen; the screen's blue on a pressed (yellow) toggle."""
    icon = QIcon()
    icon.addPixmap(_pixmap(draw, side, theme.INK), QIcon.Mode.Normal, QIcon.State.Off)
    icon.addPixmap(_pixmap(draw, side, theme.PAPER), QIcon.Mode.Normal, QIcon.State.On)
    return icon


def globe_icon(side: int) -> QIcon:
    return _icon(_globe, side)


def speaker_icon(side: int) -> QIcon:
    return _icon(_speaker, side)

"""The on-screen PIN pad and the masked dots above it. Keys only report; the flow decides."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui import theme
from kiosk.ui.i18n import tr
from kiosk.ui.layout import add_footer

DIGITS: Final = "1234567890"


def _button(text: str, role: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setProperty("role", role)
    button.setAccessibleName(name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard is a card reader in the demo
    button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return button


class PinPad(QWidget):
    """3×4 keys: digits, erase, 0, OK. `arrange()` can shuffle the digits per visit."""

    digit = Signal(str)
    erase = Signal()
    submit = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        # Phone order in every language: a right-to-left screen (Arabic) does not mirror the keys.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.keys: list[QPushButton] = []
        for _ in DIGITS:
            key = _button("", "key", "")
            key.clicked.connect(lambda _=False, k=key: self.digit.emit(k.text()))
            self.keys.append(key)
        self.erase_key = _button("", "keyword", "")
        self.erase_key.clicked.connect(self.erase.emit)
        self.ok_key = _button("", "keyword", "")
        self.ok_key.clicked.connect(self.submit.emit)
        self._scale = 1.0
        self.arrange(DIGITS)
        self.retranslate()

    def arrange(self, order: Sequence[str]) -> None:
        """Put the digits in `order` (9 on the grid, the tenth beside erase and OK)."""
        for key, d in zip(self.keys, order, strict=True):
            key.setText(d)
            key.setAccessibleName(d)
        for index, key in enumerate(self.keys[:9]):
            self._grid.addWidget(key, index // 3, index % 3)
        self._grid.addWidget(self.erase_key, 3, 0)
        self._grid.addWidget(self.keys[9], 3, 1)
        self._grid.addWidget(self.ok_key, 3, 2)

    def retranslate(self) -> None:
        self.erase_key.setText(tr("⌫ Erase"))
        self.erase_key.setAccessibleName(tr("Erase the last digit"))
        self.ok_key.setText(tr("OK"))
        self.ok_key.setAccessibleName(tr("Confirm the PIN"))
        self.fit_words()

    def fit_words(self) -> None:
        """Erase and OK in a smaller type when a language's word is wider than the key (the
        keys stay one size: the eye finds a digit faster on a regular grid)."""
        for key in (self.erase_key, self.ok_key):
            size = theme.px(theme.KEYWORD_PX, self._scale)
            font = QFont(key.font())
            font.setPixelSize(size)
            room = key.width() - theme.px(16, self._scale)
            while size > theme.px(14, self._scale) and \
                    QFontMetrics(font).horizontalAdvance(key.text()) > room:
                size -= 1
                font.setPixelSize(size)
            key.setStyleSheet(f"font-size: {size}px;" if size < theme.px(theme.KEYWORD_PX,
                                                                          self._scale) else "")

    def rescale(self, scale: float) -> None:
        width, height = theme.KEY_PX
        size = QSize(theme.target_px(width, scale), theme.target_px(height, scale))
        gap = theme.px(14, scale)
        self._grid.setSpacing(gap)
        for key in (*self.keys, self.erase_key, self.ok_key):
            key.setFixedSize(size)  # equal keys: the eye finds a digit faster on a regular grid
        self._scale = scale
        self.fit_words()


class PinDots(QWidget):
    """Filled dots for entered digits; `length=None` (technician PIN) hides the total."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.length: int | None = 4
        self.filled = 0
        self._dot = 36
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_digits(self, filled: int, length: int | None) -> None:
        self.filled, self.length = filled, length
        total = length if length is not None else "?"
        self.setAccessibleName(tr("%1 of %2 digits entered", filled, total))
        self.update()

    def rescale(self, scale: float) -> None:
        self._dot = theme.px(36, scale)
        self.setFixedHeight(self._dot + theme.px(16, scale))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        slots = self.length if self.length is not None else max(4, self.filled)
        gap = self._dot // 2
        width = slots * self._dot + (slots - 1) * gap
        x0 = (self.width() - width) / 2 + self._dot / 2
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = self._dot / 2 - 2
        for i in range(slots):
            centre = QPointF(x0 + i * (self._dot + gap), self.height() / 2)
            full = i < self.filled
            painter.setPen(QPen(QColor(theme.INK), 3))
            painter.setBrush(QColor(theme.ACCENT if full else theme.PANEL))
            painter.drawEllipse(centre, radius, radius)
        painter.end()


def pin_entry_layout(
    texts: Sequence[QWidget], countdown: QWidget, cancel: QWidget, dots: QWidget, pad: QWidget
) -> QBoxLayout:
    """The PIN step as the door and the checkout both show it: what to do, the countdown and
    Cancel on one side, the dots over the pad on the other (turned by the caller in portrait)."""
    info = QVBoxLayout()
    for widget in texts:
        info.addWidget(widget)
    info.addStretch(1)
    add_footer(info, countdown, cancel)
    entry = QVBoxLayout()
    entry.addWidget(dots)
    entry.addWidget(pad, 0, Qt.AlignmentFlag.AlignHCenter)
    entry.addStretch(1)
    body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
    body.addLayout(info, 1)
    body.addLayout(entry, 1)
    return body

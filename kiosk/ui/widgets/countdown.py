"""A visible countdown before the screen goes back by itself: words, a shrinking bar and, where
the patron may need longer, a "More time" button (EN 301 549 / WCAG 2.2.1: timing adjustable)."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from kiosk.ui import theme
from kiosk.ui.i18n import tr


class CountdownBar(QWidget):
    more = Signal()
    """The patron asked for more time (only with `extendable`)."""

    def __init__(self, extendable: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("speech", "ticking")  # read, but a new second is not a new text
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setProperty("role", "small")
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setRange(0, 1000)
        column.addWidget(self.label)
        column.addWidget(self.bar)
        row.addLayout(column, 1)
        self.more_button: QPushButton | None = None
        if extendable:
            self.more_button = QPushButton()
            self.more_button.setProperty("role", "quiet")
            self.more_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.more_button.clicked.connect(self.more.emit)
            self.more_button.setVisible(False)
            row.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignBottom)

    def show_remaining(self, remaining: float | None, total: float | None, text: str) -> None:
        """`text` has %1 for the whole seconds left."""
        running = remaining is not None and bool(total)
        if self.more_button is not None:
            self.more_button.setText(tr("More time"))
            self.more_button.setAccessibleName(tr("More time: start the countdown again"))
            self.more_button.setVisible(running)
        if remaining is None or not total:
            self.label.setText("")
            self.bar.setValue(0)
            return
        left = max(0.0, remaining)
        self.label.setText(text.replace("%1", str(math.ceil(left))))
        self.bar.setValue(round(1000 * min(1.0, left / total)))
        self.setAccessibleName(self.label.text())

    def rescale(self, scale: float) -> None:
        if self.more_button is not None:
            self.more_button.setMinimumSize(theme.px(200, scale), theme.target_px(64, scale))

"""A visible countdown before the screen goes back by itself: words and a shrinking bar."""

from __future__ import annotations

import math

from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget


class CountdownBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setProperty("role", "small")
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setRange(0, 1000)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)

    def show_remaining(self, remaining: float | None, total: float | None, text: str) -> None:
        """`text` has %1 for the whole seconds left."""
        if remaining is None or not total:
            self.label.setText("")
            self.bar.setValue(0)
            return
        left = max(0.0, remaining)
        self.label.setText(text.replace("%1", str(math.ceil(left))))
        self.bar.setValue(round(1000 * min(1.0, left / total)))
        self.setAccessibleName(self.label.text())

"""The screen `kiosk run` shows when the kiosk cannot start: "out of order" for the patron (in
Danish and English: the translations need the cache's config to be of use, and this is shown
exactly when something at start failed), and for the technician the one line of what failed and
what to do. Nothing here reads a card or switches the relay (it stays off)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.reasons import Reason, patron_text
from kiosk.ui import theme
from kiosk.ui.layout import centred_column
from kiosk.ui.screens.base import label


class StartupFailedWindow(QWidget):
    def __init__(self, problem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setProperty("tone", "closed")
        self.setWindowTitle("kiosk: out of order")
        text = patron_text(Reason.OUT_OF_SERVICE)
        self.title = label("title", "Ude af drift · Out of order")
        self.lead = label("lead", f"{text['da']}\n{text['en']}")
        self.problem = label("tech")
        self.problem.setAccessibleName("Technician: why the kiosk cannot start")
        layout = QVBoxLayout(self)
        layout.addLayout(centred_column(self.title, self.lead), 1)
        layout.addWidget(self.problem)
        self.show_problem(problem)

    def show_problem(self, problem: str) -> None:
        self.problem.setText(f"Technician: the kiosk cannot start: {problem}. It tries again "
                             "by itself; see journalctl -u kiosk.")

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        self.setStyleSheet(theme.style_sheet(theme.scale_for(size.width(), size.height())))
        super().resizeEvent(event)

"""Idle: who we are, today's hours, and one clear instruction with a picture: scan your card."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.door.view import ScreenView
from kiosk.schedule import Mode
from kiosk.ui import theme
from kiosk.ui.i18n import tr
from kiosk.ui.layout import centred_column, idle_direction, picture_and_words
from kiosk.ui.screens import texts
from kiosk.ui.screens.base import Screen, label
from kiosk.ui.widgets.scan_picture import ScanPicture


class IdleScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        assert self.header is not None
        self.hours = label("hours")
        self.picture = ScanPicture()
        self.instruction = label("lead", accent=True)
        self.next_step = label("body")
        self.status = label("status")
        words = centred_column(self.instruction, 16, self.next_step)
        self.middle = picture_and_words(self.picture, words)
        self.outer = QVBoxLayout(self)
        self.outer.addWidget(self.header)
        self.outer.addWidget(self.hours)
        self.outer.addLayout(self.middle, 1)
        self.outer.addWidget(self.status)

    def show_view(self, view: ScreenView) -> None:
        super().show_view(view)
        ambient = view.ambient
        self.hours.setText(tr("Today: %1", texts.hours_today(ambient.today)))
        self.instruction.setText(tr("Scan your health card or library card"))
        if ambient.mode is Mode.STAFFED:
            self.next_step.setText(tr("The library is staffed now. Welcome in."))
        else:
            self.next_step.setText(tr("Then type your PIN on the screen."))
        self.status.setText(_status(view))
        self.status.setAccessibleName(self.status.text())

    def rescale(self, scale: float, portrait: bool) -> None:
        super().rescale(scale, portrait)
        self.middle.setDirection(idle_direction(portrait))
        margin = theme.px(32, scale)
        self.outer.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.picture.setMinimumSize(theme.px(300, scale), theme.px(230, scale))


def _status(view: ScreenView) -> str:
    """Quiet and only when relevant: the patron may be refused for a reason nobody can see."""
    ambient = view.ambient
    if not ambient.offline:
        return ""
    if ambient.cache_age is None:
        return tr("Offline: no connection to the library system yet")
    return tr("Offline: data from %1 ago", texts.age(ambient.cache_age))

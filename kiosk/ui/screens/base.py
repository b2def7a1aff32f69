"""What every screen shares: the header (branch, clock, "Read aloud", language) and label helpers.

The door screens and the checkout screen both build on `Screen` and `Header`. The language
button opens a chooser over the screen; "Read aloud" is told to the window, which owns speech.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QLabel, QPushButton, QWidget

from kiosk.door.view import ScreenView
from kiosk.events import LanguageChosen
from kiosk.reasons import Lang
from kiosk.ui import layout, theme
from kiosk.ui.i18n import tr
from kiosk.ui.screens import texts
from kiosk.ui.widgets.icons import globe_icon, speaker_icon
from kiosk.ui.widgets.languages import LanguageChooser


def label(role: str, text: str = "", wrap: bool = True, accent: bool = False) -> QLabel:
    widget = QLabel(text)
    widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if accent:
        widget.setProperty("accent", "true")
    return widget


def button(text: str, role: str = "action") -> QPushButton:
    widget = QPushButton(text)
    widget.setProperty("role", role)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard is a card reader in the demo
    return widget


class Screen(QWidget):
    """A full-window screen; `send` carries flow events (PinDigit, Cancelled, …) to the window,
    `speech_toggled` the "Read aloud" button."""

    send = Signal(object)
    speech_toggled = Signal()

    def __init__(self, with_header: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.header = Header(self) if with_header else None
        self.chooser: LanguageChooser | None = None
        if self.header is not None:
            self.header.language.clicked.connect(self.open_chooser)
            self.header.speech.clicked.connect(self.speech_toggled.emit)
        self._lang: Lang = "da"
        self.scale = 1.0

    def show_view(self, view: ScreenView) -> None:
        self.show_header(view.ambient.branch, view.ambient.now, view.lang)

    def show_header(self, branch: str, now: datetime, lang: Lang) -> None:
        """Branch, clock and the header's buttons (`tr()` is already in `lang`)."""
        self._lang = lang
        if self.header is not None:
            self.header.show_place(branch, now)

    def rescale(self, scale: float, portrait: bool) -> None:
        self.scale = scale
        if self.header is not None:
            self.header.rescale(scale, portrait)
        if self.chooser is not None:
            self.chooser.rescale(scale)

    def set_tone(self, tone: str) -> None:
        if self.property("tone") != tone:
            self.setProperty("tone", tone)
            self.style().unpolish(self)
            self.style().polish(self)

    def open_chooser(self) -> None:
        if self.chooser is None:
            self.chooser = LanguageChooser(self)
            self.chooser.chosen.connect(lambda lang: self.send.emit(LanguageChosen(lang)))
            self.chooser.rescale(self.scale)
        self.chooser.open(self._lang)

    def close_chooser(self) -> None:
        if self.chooser is not None:
            self.chooser.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self.chooser is not None:
            self.chooser.setGeometry(self.rect())
        super().resizeEvent(event)

    @staticmethod
    def direction(portrait: bool) -> QBoxLayout.Direction:
        return layout.direction(portrait)


class Header(QWidget):
    """Branch and clock, then "Read aloud" and the language button. Landscape: one row;
    portrait: the buttons on a row of their own (the words of six languages must fit)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("speech", "silent")  # the branch and the clock are not read each time
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.branch = label("branch")  # may wrap: a long branch name must not push the clock out
        self.branch.setStyleSheet("font-weight: bold;")
        self.clock = label("clock", wrap=False)
        self.speech = button("", role="quiet")
        self.speech.setCheckable(True)
        self.speech.setVisible(False)  # until the window says speech is available
        self.language = button("", role="quiet")
        self.portrait: bool | None = None
        self._arrange(portrait=False)

    def _arrange(self, portrait: bool) -> None:
        if portrait == self.portrait:
            return
        self.portrait = portrait
        for widget in (self.branch, self.clock, self.speech, self.language):
            self.grid.removeWidget(widget)
        end = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        self.grid.addWidget(self.branch, 0, 0)
        if portrait:
            self.grid.addWidget(self.clock, 0, 1, 1, 2, end)
            self.grid.addWidget(self.speech, 1, 1)
            self.grid.addWidget(self.language, 1, 2)
        else:
            self.grid.addWidget(self.clock, 0, 1, end)
            self.grid.addWidget(self.speech, 0, 2)
            self.grid.addWidget(self.language, 0, 3)
        self.grid.setColumnStretch(0, 1)

    def show_place(self, branch: str, now: datetime) -> None:
        self.branch.setText(branch)
        self.clock.setText(texts.clock(now))
        # The globe says "language" to a visitor who reads none of the words on screen.
        self.language.setText(tr("Language"))
        self.language.setAccessibleName(tr("Choose another language") + " · Choose language")
        self.speech.setText(tr("Read aloud"))
        self.speech.setAccessibleName(tr("Read aloud: on") if self.speech.isChecked()
                                      else tr("Read aloud: off"))

    def show_speech(self, available: bool, on: bool) -> None:
        self.speech.setVisible(available)
        self.speech.setChecked(on)
        self.speech.setAccessibleName(tr("Read aloud: on") if on else tr("Read aloud: off"))

    def rescale(self, scale: float, portrait: bool = False) -> None:
        self._arrange(portrait)
        self.grid.setHorizontalSpacing(theme.px(16, scale))
        self.grid.setVerticalSpacing(theme.px(8, scale))
        side = theme.px(34, scale)
        self.language.setIcon(globe_icon(side))
        self.speech.setIcon(speaker_icon(side))
        for widget in (self.language, self.speech):
            widget.setIconSize(QSize(side, side))
            widget.setMinimumSize(theme.px(170, scale), theme.target_px(64, scale))

"""What every screen shares: the header (branch, clock, language) and label helpers.

The door screens and the checkout screen both build on `Screen` and `Header`.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.flow import LanguageChosen
from kiosk.reasons import Lang
from kiosk.ui import theme
from kiosk.ui.screens import texts
from kiosk.ui.view import ScreenView

OTHER_LANGUAGE: dict[Lang, Lang] = {"da": "en", "en": "da"}
LANGUAGE_NAME: dict[Lang, str] = {"da": "Dansk", "en": "English"}
"""Each language is offered in its own words: a visitor may not read the current one."""


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
    """A full-window screen; `send` carries flow events (PinDigit, Cancelled, …) to the window."""

    send = Signal(object)

    def __init__(self, with_header: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.header = Header(self) if with_header else None
        if self.header is not None:
            self.header.language.clicked.connect(self._toggle_language)
        self._lang: Lang = "da"
        self.scale = 1.0

    def show_view(self, view: ScreenView) -> None:
        self.show_header(view.ambient.branch, view.ambient.now, view.lang)

    def show_header(self, branch: str, now: datetime, lang: Lang) -> None:
        """Branch, clock and the button for the other language (`tr()` is already in `lang`)."""
        self._lang = lang
        if self.header is not None:
            self.header.show_place(branch, now, lang)

    def rescale(self, scale: float, portrait: bool) -> None:  # noqa: ARG002 - for subclasses
        self.scale = scale
        if self.header is not None:
            self.header.rescale(scale)

    def set_tone(self, tone: str) -> None:
        if self.property("tone") != tone:
            self.setProperty("tone", tone)
            self.style().unpolish(self)
            self.style().polish(self)

    def _toggle_language(self) -> None:
        self.send.emit(LanguageChosen(OTHER_LANGUAGE[self._lang]))

    @staticmethod
    def direction(portrait: bool) -> QBoxLayout.Direction:
        return QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight


class Header(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.branch = label("branch")  # may wrap: a long branch name must not push the clock out
        self.branch.setStyleSheet("font-weight: bold;")
        self.clock = label("clock", wrap=False)
        self.language = button("", role="quiet")
        row.addWidget(self.branch, 1)
        row.addWidget(self.clock)
        row.addSpacing(24)
        row.addWidget(self.language)

    def show_place(self, branch: str, now: datetime, lang: Lang) -> None:
        self.branch.setText(branch)
        self.clock.setText(texts.clock(now))
        other = OTHER_LANGUAGE[lang]
        self.language.setText(LANGUAGE_NAME[other])
        self.language.setAccessibleName(texts.switch_language(other))

    def rescale(self, scale: float) -> None:
        self.language.setMinimumSize(theme.px(170, scale), max(theme.MIN_TARGET_PX,
                                                                 theme.px(64, scale)))

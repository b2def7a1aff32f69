"""The language chooser: one large button per screen language, each in its own words (a visitor
may not read the language on screen now), over the whole screen until one is touched."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.reasons import SCREEN_LANGS, Lang
from kiosk.ui import theme
from kiosk.ui.i18n import tr
from kiosk.ui.layout import left_aligned

LANGUAGE_NAME: Final[dict[Lang, str]] = {
    "da": "Dansk", "en": "English", "de": "Deutsch", "pl": "Polski", "uk": "Українська",
    "ar": "العربية",
}
RIGHT_TO_LEFT: Final[frozenset[Lang]] = frozenset({"ar"})


def direction_of(lang: Lang) -> Qt.LayoutDirection:
    return Qt.LayoutDirection.RightToLeft if lang in RIGHT_TO_LEFT else \
        Qt.LayoutDirection.LeftToRight


def _button(text: str, role: str) -> QPushButton:
    widget = QPushButton(text)
    widget.setProperty("role", role)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard is a card reader in the demo
    return widget


class LanguageChooser(QWidget):
    """Hidden until `open()`; `chosen` carries the language touched."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("chooser")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setProperty("role", "title")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.heading)
        grid = QGridLayout()
        self.buttons: dict[Lang, QPushButton] = {}
        for index, lang in enumerate(SCREEN_LANGS):
            widget = _button(LANGUAGE_NAME[lang], "language")
            widget.setCheckable(True)
            widget.setAccessibleName(LANGUAGE_NAME[lang])
            widget.setLayoutDirection(direction_of(lang))
            widget.clicked.connect(lambda _=False, chosen=lang: self._choose(chosen))
            grid.addWidget(widget, index // 2, index % 2)
            self.buttons[lang] = widget
        outer.addLayout(grid, 1)
        self.cancel = _button("", "quiet")
        self.cancel.clicked.connect(self.hide)
        outer.addLayout(left_aligned(self.cancel))
        self.outer = outer
        self.hide()

    def open(self, current: Lang) -> None:
        heading = tr("Choose your language")
        self.heading.setText(heading if current == "en" else f"{heading} · Choose your language")
        self.cancel.setText(tr("Cancel"))
        self.cancel.setAccessibleName(tr("Keep the language"))
        for lang, widget in self.buttons.items():
            widget.setChecked(lang == current)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def _choose(self, lang: Lang) -> None:
        self.hide()
        self.chosen.emit(lang)

    def rescale(self, scale: float) -> None:
        margin = theme.px(40, scale)
        self.outer.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.outer.setSpacing(theme.px(20, scale))
        for widget in self.buttons.values():
            widget.setMinimumSize(theme.px(300, scale), theme.target_px(96, scale))
        self.cancel.setMinimumSize(theme.px(220, scale), theme.target_px(80, scale))


__all__ = ["LANGUAGE_NAME", "RIGHT_TO_LEFT", "LanguageChooser", "direction_of"]

"""How screens arrange their parts, for the door screens and the checkout pages alike: words in
the middle of the free height, a glyph or picture beside them, a countdown over a button.

One arrangement, built in one place, so the door and the checkout look the same and a change of
layout is made once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QVBoxLayout, QWidget

from kiosk.ui import theme

Part = QWidget | int
"""A widget, or a gap in pixels between two widgets."""


def centred_column(*parts: Part) -> QVBoxLayout:
    """`parts` top to bottom in the middle of the free height (an int is a gap)."""
    column = QVBoxLayout()
    column.addStretch(1)
    for part in parts:
        if isinstance(part, int):
            column.addSpacing(part)
        else:
            column.addWidget(part)
    column.addStretch(1)
    return column


def left_aligned(widget: QWidget) -> QHBoxLayout:
    """One button at the start of its row (the patron's hand finds it where the words begin)."""
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    return row


def add_footer(column: QVBoxLayout, countdown: QWidget, button: QWidget) -> QVBoxLayout:
    """The countdown, then the button that ends the screen early, under `column`'s words."""
    column.addWidget(countdown)
    column.addLayout(left_aligned(button))
    return column


def beside(glyph: QWidget, words: QLayout, parent: QWidget | None = None) -> QBoxLayout:
    """A glyph, centred, then the words taking the rest (the caller turns it in portrait)."""
    middle = QBoxLayout(QBoxLayout.Direction.LeftToRight, parent)
    middle.addWidget(glyph, 0, Qt.AlignmentFlag.AlignCenter)
    middle.addLayout(words, 1)
    return middle


def picture_and_words(picture: QWidget, words: QLayout,
                      parent: QWidget | None = None) -> QBoxLayout:
    """The scan picture and its instruction, five to six (idle screens)."""
    middle = QBoxLayout(QBoxLayout.Direction.LeftToRight, parent)
    middle.addWidget(picture, 5)
    middle.addLayout(words, 6)
    return middle


def direction(portrait: bool) -> QBoxLayout.Direction:
    """Side by side on a landscape screen, stacked on a portrait one."""
    return QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight


def idle_direction(portrait: bool) -> QBoxLayout.Direction:
    """Portrait: the words first, the picture under them, nearer the reader."""
    return QBoxLayout.Direction.BottomToTop if portrait else QBoxLayout.Direction.LeftToRight


def fit(outer: QLayout, body: QBoxLayout, scale: float, portrait: bool, spacing: int,
        margin: int) -> None:
    """A door screen at `scale`: its body turned for the screen, `margin` (design px) round
    the screen, half of it above and below."""
    body.setDirection(direction(portrait))
    body.setSpacing(theme.px(spacing, scale))
    edge = theme.px(margin, scale)
    outer.setContentsMargins(edge, edge // 2, edge, edge // 2)

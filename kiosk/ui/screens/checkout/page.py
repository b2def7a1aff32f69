"""What every page of the checkout screen shares: the page frame, what a page is rendered from
(`PageView`: the snapshot and the language), and the foot of a logged-in page.

A page holds widgets and renders; touches go out through `send` as checkout-flow events.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.checkout.flow import CheckoutState, FinishRequested
from kiosk.checkout.view import CheckoutSnapshot
from kiosk.events import MoreTime
from kiosk.reasons import Lang
from kiosk.ui import theme
from kiosk.ui.i18n import tr
from kiosk.ui.screens.base import button
from kiosk.ui.widgets.countdown import CountdownBar

Emit = Callable[[object], None]


@dataclass(frozen=True, slots=True)
class PageView:
    """What a page renders: the last snapshot, in the language on screen."""

    snapshot: CheckoutSnapshot
    lang: Lang
    relabel: bool = False
    """The language has just changed: rebuild what is built from words."""

    @property
    def state(self) -> CheckoutState:
        return self.snapshot.state


class Page(QWidget):
    """One page of the checkout screen, view for the phases in `phases` (by name)."""

    name: ClassVar[str]

    def __init__(self, emit: Emit) -> None:
        super().__init__()
        self.send = emit
        self.scale = 1.0
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)

    def show_view(self, view: PageView) -> None:
        raise NotImplementedError

    def rescale(self, scale: float, portrait: bool) -> None:  # noqa: ARG002 - for subclasses
        self.scale = scale


def button_px(scale: float) -> int:
    """The height of the page's buttons and fields: never under the 15 mm minimum."""
    return theme.target_px(72, scale)


class LoggedInPage(Page):
    """A page of a logged-in patron (session, account): at its foot the logout countdown, then
    another way on (`quiet`) beside "Done – log out"."""

    def __init__(self, emit: Emit) -> None:
        super().__init__(emit)
        self.countdown = CountdownBar(extendable=True)
        self.countdown.more.connect(lambda: emit(MoreTime()))
        self.countdown.label.setProperty("role", "warning")  # the yellow "look here" band
        self.countdown.setVisible(False)
        self.done = button("")
        self.done.clicked.connect(lambda: emit(FinishRequested()))

    def add_foot(self, quiet: QPushButton) -> None:
        self.quiet = quiet
        self.box.addWidget(self.countdown)
        row = QHBoxLayout()
        row.addWidget(quiet, 1)
        row.addWidget(self.done, 1)
        self.box.addLayout(row)

    def show_foot(self, view: PageView) -> None:
        """The countdown while it runs (the last `warning_total` seconds), else nothing."""
        self.done.setText(tr("Done – log out"))
        snapshot = view.snapshot
        self.countdown.show_remaining(snapshot.warning, snapshot.warning_total, tr(
            "You will be logged out in %1 s – touch the screen to go on"))
        self.countdown.setVisible(snapshot.warning is not None)

    def rescale(self, scale: float, portrait: bool) -> None:
        super().rescale(scale, portrait)
        self.countdown.rescale(scale)
        for pushbutton in (self.quiet, self.done):
            pushbutton.setMinimumHeight(button_px(scale))

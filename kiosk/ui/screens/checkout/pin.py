"""The checkout's PIN page: the same PIN entry as the door (kiosk/ui/widgets/pinpad.py)."""

from __future__ import annotations

from kiosk.checkout.flow import Phase
from kiosk.events import Cancelled, MoreTime, PinDigit, PinErased, PinSubmitted
from kiosk.ui import theme
from kiosk.ui.i18n import tr
from kiosk.ui.layout import direction
from kiosk.ui.screens.base import button, label
from kiosk.ui.screens.checkout.page import Emit, Page, PageView
from kiosk.ui.widgets.countdown import CountdownBar
from kiosk.ui.widgets.pinpad import PinDots, PinPad, pin_entry_layout


class PinPage(Page):
    name = "pin"

    def __init__(self, emit: Emit) -> None:
        super().__init__(emit)
        self.title = label("title")
        self.hint = label("body")
        self.dots = PinDots()
        self.pad = PinPad()
        self.pad.digit.connect(lambda d: emit(PinDigit(d)))
        self.pad.erase.connect(lambda: emit(PinErased()))
        self.pad.submit.connect(lambda: emit(PinSubmitted()))
        self.countdown = CountdownBar(extendable=True)
        self.countdown.more.connect(lambda: emit(MoreTime()))
        self.cancel = button("")
        self.cancel.clicked.connect(lambda: emit(Cancelled()))
        self.body = pin_entry_layout([self.title, self.hint], self.countdown, self.cancel,
                                     self.dots, self.pad)
        self.box.addLayout(self.body, 1)

    def show_view(self, view: PageView) -> None:
        self.title.setText(tr("Type your PIN"))
        self.hint.setText(tr("Your card has been read. Use the keys on the screen."))
        self.pad.retranslate()
        self.cancel.setText(tr("Cancel"))
        self.cancel.setAccessibleName(tr("Cancel and take back the card"))
        snapshot = view.snapshot
        if view.state.phase is Phase.AWAITING_PIN:
            self.countdown.show_remaining(snapshot.remaining, snapshot.total,
                                          tr("Back to the start in %1 s unless you type"))

    def show_digits(self, typed: int, length: int) -> None:
        """The dots for `typed` digits, counting keys the worker has not answered yet."""
        self.dots.show_digits(min(typed, length), length)

    def rescale(self, scale: float, portrait: bool) -> None:
        super().rescale(scale, portrait)
        self.body.setDirection(direction(portrait))
        self.body.setSpacing(theme.px(40, scale))
        self.pad.rescale(scale)
        self.dots.rescale(scale)
        self.countdown.rescale(scale)
        self.cancel.setMinimumSize(theme.px(220, scale), theme.target_px(80, scale))

"""The checkout's last pages: the receipt after logout ("Thank you", what was borrowed and when
it is due) and a refused login (the reason and the next step). Each counts down to idle."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from kiosk.checkout.flow import Phase
from kiosk.checkout.types import receipt_lines
from kiosk.events import Cancelled, MoreTime
from kiosk.reasons import Reason
from kiosk.ui import theme
from kiosk.ui.i18n import tr
from kiosk.ui.layout import add_footer, beside, centred_column, direction
from kiosk.ui.screens.base import button, label
from kiosk.ui.screens.checkout.page import Emit, Page, PageView
from kiosk.ui.screens.checkout.texts import receipt_line, refusal_text
from kiosk.ui.widgets.countdown import CountdownBar
from kiosk.ui.widgets.glyph import Glyph

RECEIPT_LINES = 4


class ResultPage(Page):
    """A glyph beside the words, a countdown and an OK button that goes back at once."""

    def __init__(self, emit: Emit, glyph: str, words: list[QLabel]) -> None:
        super().__init__(emit)
        self.glyph = Glyph(glyph)
        self.countdown = CountdownBar(extendable=True)
        self.countdown.more.connect(lambda: emit(MoreTime()))
        self.ok = button("")
        self.ok.clicked.connect(lambda: emit(Cancelled()))
        column = add_footer(centred_column(*words), self.countdown, self.ok)
        self.middle = beside(self.glyph, column)
        self.box.addLayout(self.middle, 1)

    def show_view(self, view: PageView) -> None:  # noqa: ARG002 - the subclasses' words follow
        self.ok.setText(tr("OK"))
        self.ok.setAccessibleName(tr("Back to the start"))

    def count_down(self, view: PageView) -> None:
        snapshot = view.snapshot
        self.countdown.show_remaining(snapshot.remaining, snapshot.total,
                                      tr("Back to the start in %1 s"))

    def rescale(self, scale: float, portrait: bool) -> None:
        super().rescale(scale, portrait)
        self.middle.setDirection(direction(portrait))
        self.middle.setSpacing(theme.px(40, scale))
        self.glyph.rescale(scale)
        self.countdown.rescale(scale)
        self.ok.setMinimumSize(theme.px(220, scale), theme.target_px(80, scale))


class ReceiptPage(ResultPage):
    name = "receipt"

    def __init__(self, emit: Emit) -> None:
        words = [label("title"), label("lead"), label("receipt"), label("small")]
        super().__init__(emit, "tick", words)
        self.title, self.lead, self.text, self.more = words
        """`text`: what was borrowed and when it is due, in large type."""

    def show_view(self, view: PageView) -> None:
        super().show_view(view)
        borrowed = receipt_lines(view.state.lines)
        self.title.setText(tr("Thank you for your visit"))
        self.lead.setText(tr("You are logged out. You borrowed:") if borrowed
                          else tr("You are logged out. Nothing was borrowed."))
        self.text.setText("\n".join(receipt_line(line) for line in borrowed[:RECEIPT_LINES]))
        self.text.setVisible(bool(borrowed))
        hidden = len(borrowed) - RECEIPT_LINES
        self.more.setText(tr("… and %1 more.", hidden) if hidden > 0 else "")
        self.more.setVisible(hidden > 0)
        if view.state.phase is Phase.RECEIPT:
            self.count_down(view)


class RefusedPage(ResultPage):
    name = "refused"

    def __init__(self, emit: Emit) -> None:
        words = [label("title"), label("lead")]
        super().__init__(emit, "cross", words)
        self.title, self.text = words

    def show_view(self, view: PageView) -> None:
        super().show_view(view)
        self.title.setText(tr("You could not be logged in"))
        refusal = view.state.refusal
        if refusal is None:
            return
        self.glyph.set_kind("lock" if refusal.reason is Reason.PIN_LOCKED else "cross")
        self.text.setText(refusal_text(refusal.reason, refusal.attempts_left, view.lang))
        self.count_down(view)

"""The checkout's idle page: "scan your card" with the scan picture, or, after an item was
returned without a card, where to put it (the return result)."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget

from kiosk.checkout.flow import CheckoutState
from kiosk.ui import theme
from kiosk.ui.i18n import tr
from kiosk.ui.layout import beside, centred_column, direction, idle_direction, picture_and_words
from kiosk.ui.screens.base import label
from kiosk.ui.screens.checkout.keypad import TypeBarcodeButton
from kiosk.ui.screens.checkout.page import Emit, Page, PageView
from kiosk.ui.screens.checkout.texts import return_line, return_title, return_where, return_why
from kiosk.ui.widgets.glyph import Glyph
from kiosk.ui.widgets.scan_picture import ScanPicture

EARLIER_RETURNS = 2
"""Returns before the last one, listed small under it."""


class IdlePage(Page):
    name = "idle"

    def __init__(self, emit: Emit) -> None:
        super().__init__(emit)
        self.cards = QStackedWidget()
        """The scan prompt, or the last return's result."""
        self.cards.addWidget(self._prompt())
        self.cards.addWidget(self._result())
        self.box.addWidget(self.cards, 1)
        self.type_button = TypeBarcodeButton()
        self.box.addWidget(self.type_button)

    def _prompt(self) -> QWidget:
        prompt = QWidget()
        self.picture = ScanPicture()
        self.title = label("title")
        self.text = label("lead", accent=True)
        self.next_step = label("body")
        self.return_hint = label("body")
        words = centred_column(self.title, self.text, 16, self.next_step, 16, self.return_hint)
        self.prompt_middle = picture_and_words(self.picture, words, prompt)
        self.prompt_middle.setContentsMargins(0, 0, 0, 0)
        return prompt

    def _result(self) -> QWidget:
        result = QWidget()
        self.return_glyph = Glyph("tick")
        self.return_title = label("title")
        self.returns = label("lead", accent=True)
        """Where to put the item just returned: the instruction, in big type."""
        self.return_why = label("body")
        self.return_earlier = label("small")
        self.return_next = label("body")
        words = centred_column(self.return_title, self.returns, self.return_why,
                               self.return_earlier, 16, self.return_next)
        self.result_middle = beside(self.return_glyph, words, result)
        self.result_middle.setContentsMargins(0, 0, 0, 0)
        return result

    def show_view(self, view: PageView) -> None:
        self.title.setText(tr("Borrow and return"))
        self.text.setText(tr("Scan your library card or health card"))
        self.next_step.setText(tr("Then type your PIN on the screen."))
        self.return_hint.setText(tr("Returning something? Just scan its barcode, no card "
                                    "needed."))
        self.type_button.relabel()
        self._render_returns(view.state)

    def _render_returns(self, state: CheckoutState) -> None:
        self.cards.setCurrentIndex(1 if state.returns else 0)
        if not state.returns:
            self.returns.setText("")
            return
        last = state.returns[-1]
        self.return_glyph.set_kind("tick" if last.ok else "cross")
        self.return_title.setText(return_title(last))
        self.returns.setText(return_where(last))
        self.return_why.setText(return_why(last))
        earlier = [return_line(r) for r in reversed(state.returns[-1 - EARLIER_RETURNS:-1])]
        self.return_earlier.setText("\n".join(earlier))
        self.return_earlier.setVisible(bool(earlier))
        self.return_next.setText(tr("Scan the next item, or your card to borrow."))

    def rescale(self, scale: float, portrait: bool) -> None:
        super().rescale(scale, portrait)
        self.prompt_middle.setDirection(idle_direction(portrait))
        self.picture.setMinimumSize(theme.px(300, scale), theme.px(230, scale))
        self.result_middle.setDirection(direction(portrait))
        self.result_middle.setSpacing(theme.px(40, scale))
        self.return_glyph.rescale(scale)
        self.type_button.rescale(scale)

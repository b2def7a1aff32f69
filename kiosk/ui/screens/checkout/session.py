"""The checkout's session page: hello, the items scanned (newest first), the fee question, the
barcode field, the logout warning, and "My account" / "Done"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout

from kiosk.checkout.flow import AccountRequested, CheckoutState, FeeAnswered
from kiosk.checkout.view import session_lines
from kiosk.ui.i18n import tr
from kiosk.ui.screens.base import button, label
from kiosk.ui.screens.checkout.keypad import TypeBarcodeButton
from kiosk.ui.screens.checkout.page import Emit, LoggedInPage, PageView, button_px
from kiosk.ui.screens.checkout.texts import item_line

SESSION_LINES = 3
"""Scanned items view in the session, newest first; all of them are on the receipt."""


class SessionPage(LoggedInPage):
    name = "session"

    def __init__(self, emit: Emit) -> None:
        super().__init__(emit)
        self.hello = label("title")
        self.prompt = label("lead", accent=True)
        self.offline_note = label("small")
        self.lines = label("body")
        self.lines.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.more_lines = label("small")
        for widget in (self.hello, self.prompt, self.offline_note):
            self.box.addWidget(widget)
        self.box.addSpacing(12)
        self.box.addWidget(self.lines)
        self.box.addWidget(self.more_lines)
        self.box.addStretch(1)
        self._fee_question()
        self.type_button = TypeBarcodeButton()
        self.box.addWidget(self.type_button)
        self.account_button = button("", role="quiet")
        self.account_button.clicked.connect(lambda: emit(AccountRequested()))
        self.add_foot(self.account_button)

    def _fee_question(self) -> None:
        self.fee_question = label("body")
        self.box.addWidget(self.fee_question)
        self.accept_fee = button("")
        self.decline_fee = button("", role="quiet")
        self.accept_fee.clicked.connect(lambda: self.send(FeeAnswered(True)))
        self.decline_fee.clicked.connect(lambda: self.send(FeeAnswered(False)))
        row = QHBoxLayout()
        row.addWidget(self.accept_fee)
        row.addWidget(self.decline_fee)
        row.addStretch(1)
        self.box.addLayout(row)

    def show_view(self, view: PageView) -> None:
        state = view.state
        patron = state.patron
        first = patron.name.split(" ")[0] if patron and patron.name else ""
        self.hello.setText(tr("Hello %1", first) if first else tr("Hello"))
        self.prompt.setText(tr("Scan the barcode of what you want to borrow"))
        self.offline_note.setText(tr("No connection to the library system: your loans are "
                                     "sent later.") if patron and patron.offline else "")
        self.offline_note.setVisible(bool(self.offline_note.text()))
        self._render_lines(view)
        self._render_fee(state)
        self.type_button.relabel()
        self.account_button.setText(tr("My account"))
        self.show_foot(view)

    def _render_lines(self, view: PageView) -> None:
        listed = session_lines(view.state.lines, SESSION_LINES)
        newest = [item_line(line, view.lang) for line in listed.shown]
        self.lines.setText("\n".join(newest) if newest else
                           tr("Hold the barcode under the scanner. Each item shows here."))
        more = []
        if listed.hidden_loans:
            more.append(tr("… and %1 more under My account.", listed.hidden_loans))
        if listed.hidden_refused == 1:
            more.append(tr("1 earlier item could not be borrowed."))
        elif listed.hidden_refused:
            more.append(tr("%1 earlier items could not be borrowed.", listed.hidden_refused))
        self.more_lines.setText(" ".join(more))
        self.more_lines.setVisible(bool(more))

    def _render_fee(self, state: CheckoutState) -> None:
        fee = state.pending_fee is not None
        waiting = len(state.queued)
        question = tr("This loan costs a fee. Do you accept it?")
        if waiting == 1:
            question += "\n" + tr("Your next scan waits for your answer.")
        elif waiting:
            question += "\n" + tr("Your next %1 scans wait for your answer.", waiting)
        self.fee_question.setText(question)
        self.accept_fee.setText(tr("Accept the fee"))
        self.decline_fee.setText(tr("No thanks"))
        for widget in (self.fee_question, self.accept_fee, self.decline_fee):
            widget.setVisible(fee)

    def rescale(self, scale: float, portrait: bool) -> None:
        super().rescale(scale, portrait)
        self.type_button.rescale(scale)
        for pushbutton in (self.accept_fee, self.decline_fee):
            pushbutton.setMinimumHeight(button_px(scale))

"""The checkout's account page ("My account"): loans with due dates and a Renew button each,
"Renew all", reservations ready for pickup and fees."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.checkout.flow import CheckoutState, ItemsRequested, RenewRequested
from kiosk.checkout.types import LoanLine
from kiosk.ui import theme
from kiosk.ui.i18n import tr
from kiosk.ui.layout import direction
from kiosk.ui.screens.base import button, label
from kiosk.ui.screens.checkout.page import Emit, LoggedInPage, PageView, button_px
from kiosk.ui.screens.checkout.texts import kroner, loan_line, ready_line


def renew_px(scale: float) -> int:
    return theme.target_px(64, scale)


class AccountPage(LoggedInPage):
    name = "account"

    def __init__(self, emit: Emit) -> None:
        super().__init__(emit)
        self.title = label("title")
        self.box.addWidget(self.title)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addLayout(self._loans(), 3)
        self.body.addLayout(self._others(), 2)
        self.box.addLayout(self.body, 1)
        self.back = button("", role="quiet")
        self.back.clicked.connect(lambda: emit(ItemsRequested()))
        self.add_foot(self.back)
        self.renew_buttons: dict[str, QPushButton] = {}
        self._shown_loans: tuple[LoanLine, ...] | None = None
        self._state: CheckoutState | None = None

    def _loans(self) -> QVBoxLayout:
        loans = QVBoxLayout()
        self.loans_head = label("lead")
        loans.addWidget(self.loans_head)
        holder = QWidget()
        holder.setObjectName("loans")
        self.loan_rows = QVBoxLayout(holder)
        self.loan_rows.setContentsMargins(0, 0, 0, 0)
        self.loan_rows.addStretch(1)
        self.loan_scroll = QScrollArea()
        self.loan_scroll.setWidget(holder)
        self.loan_scroll.setWidgetResizable(True)
        self.loan_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.loan_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        loans.addWidget(self.loan_scroll, 1)
        self.renew_all = button("")
        self.renew_all.clicked.connect(self._renew_all)
        loans.addWidget(self.renew_all)
        return loans

    def _others(self) -> QVBoxLayout:
        other = QVBoxLayout()
        self.ready_head = label("lead")
        self.ready = label("body")
        self.debts_head = label("lead")
        self.debts = label("body")
        for widget in (self.ready_head, self.ready, self.debts_head, self.debts):
            other.addWidget(widget)
        other.addStretch(1)
        return other

    def show_view(self, view: PageView) -> None:
        state = view.state
        self._state = state
        account = state.account
        loans = account.loans if account is not None else ()
        if view.relabel or loans != self._shown_loans:
            self._shown_loans = loans
            self._rebuild_loans(loans)
        self.title.setText(tr("My account"))
        self.loans_head.setText(tr("Your loans"))
        self.renew_all.setText(tr("Renew all"))
        self.ready_head.setText(tr("Ready for pickup"))
        self.debts_head.setText(tr("Fees"))
        self.back.setText(tr("Back to borrowing"))
        self.show_foot(view)
        if account is None:
            return
        self.ready.setText("\n".join(ready_line(r) for r in account.ready) or tr("None"))
        self.debts.setText(kroner(account.debt_total) if account.debts else tr("None"))

    def _rebuild_loans(self, loans: tuple[LoanLine, ...]) -> None:
        while self.loan_rows.count() > 1:  # the last item is the stretch
            item = self.loan_rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone from this frame, not only after the next event loop turn
                widget.setParent(None)
                widget.deleteLater()
        self.renew_buttons = {}
        for index, loan in enumerate(loans):
            self.loan_rows.insertWidget(index, self._loan_row(loan))
        if not self.renew_buttons:
            self.loan_rows.insertWidget(0, label("body", tr("You have no loans.")))
        self.renew_all.setEnabled(bool(self.renew_buttons))
        self.renew_all.setVisible(len(self.renew_buttons) > 1)

    def _loan_row(self, loan: LoanLine) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, theme.px(12, self.scale), 0)
        renew = button(tr("Renew"))
        renew.setMinimumHeight(renew_px(self.scale))
        renew.clicked.connect(lambda _=False, i=loan.item_id: self.send(RenewRequested((i,))))
        line.addWidget(label("body", loan_line(loan)), 1)
        line.addWidget(renew)
        self.renew_buttons[loan.item_id] = renew
        return row

    def _renew_all(self) -> None:
        account = self._state.account if self._state is not None else None
        if account is not None and account.loans:
            self.send(RenewRequested(tuple(loan.item_id for loan in account.loans)))

    def rescale(self, scale: float, portrait: bool) -> None:
        super().rescale(scale, portrait)
        self.body.setDirection(direction(portrait))
        self.body.setSpacing(theme.px(40, scale))
        self.renew_all.setMinimumHeight(button_px(scale))
        for pushbutton in self.renew_buttons.values():
            pushbutton.setMinimumHeight(renew_px(scale))

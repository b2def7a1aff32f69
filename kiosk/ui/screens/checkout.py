"""The self-checkout screen: renders the CheckoutController's state, forwards touches and scans.

It holds no rules: every touch, scan and Tick becomes a checkout-flow event; the flow owns
every deadline (the 120 s inactivity logout and its 20 s warning). Item barcodes arrive from a
scanner through `dispatch(ItemScanned(...))` or are typed into the field on screen. Events go
in order to the controller worker (a loan may wait 2 s for the library system); the screen
renders the `CheckoutSnapshot` that comes back, and shows "Checking…" meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.checkout import CheckoutController
from kiosk.checkout_flow import (
    AccountRequested,
    CheckoutState,
    Event,
    FeeAnswered,
    FinishRequested,
    ItemScanned,
    ItemsRequested,
    Phase,
    RenewRequested,
    Touched,
)
from kiosk.flow import Cancelled, PinDigit, PinErased, PinSubmitted, Tick
from kiosk.reasons import Lang
from kiosk.ui import theme
from kiosk.ui.pending import CheckingNote, PendingEvents
from kiosk.ui.screens.base import button, label
from kiosk.ui.screens.checkout_texts import (
    item_line,
    kroner,
    loan_line,
    ready_line,
    refusal_text,
    return_line,
    word,
)
from kiosk.ui.widgets.countdown import CountdownBar
from kiosk.ui.widgets.pinpad import PinDots, PinPad
from kiosk.ui.worker import ControllerWorker

TICK_KEY = "checkout-tick"


@dataclass(frozen=True, slots=True)
class CheckoutSnapshot:
    """What the screen shows, read on the worker after each event."""

    state: CheckoutState
    warning: float | None
    receipt: tuple[str, ...]


def checkout_snapshot(controller: CheckoutController) -> CheckoutSnapshot:
    return CheckoutSnapshot(controller.state, controller.warning(),
                            tuple(controller.last_receipt))


class _Page(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.box = QVBoxLayout(self)


class CheckoutScreen(QWidget):
    """One widget with a page per phase; `send` carries every flow event to the controller."""

    tick_ms: int = 200
    send = Signal(object)

    def __init__(
        self, controller: CheckoutController, lang: Lang = "da",
        worker: ControllerWorker | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.controller = controller
        """Called only on the worker's thread, never from here."""
        self.worker = worker or ControllerWorker("checkout-worker", self)
        self.snapshot = checkout_snapshot(controller)  # before the worker runs: no race
        self.lang: Lang = lang
        self.send.connect(self.dispatch)
        self._stack = QStackedLayout(self)
        self.pages: dict[Phase, QWidget] = {}
        self._build_idle()
        self._build_pin()
        self._build_simple(Phase.CHECKING, "checking")
        self._build_session()
        self._build_account()
        self.receipt_text = self._build_simple(Phase.RECEIPT, "receipt")
        self.refused_text = self._build_simple(Phase.REFUSED, "title")
        self._timer = QTimer(self)
        self._timer.setObjectName("checkout-tick")
        self._timer.timeout.connect(self.tick)
        self.pending = PendingEvents(CheckingNote(self), self)
        self.installEventFilter(self)
        self.show_state()

    # --- driving ---------------------------------------------------------------------------

    @property
    def state(self) -> CheckoutState:
        """The checkout state on screen (the last snapshot rendered)."""
        return self.snapshot.state

    @property
    def idle(self) -> bool:
        """Nothing of this screen's is at the worker or waiting to be rendered."""
        return self.pending.idle

    def start(self) -> None:
        self._timer.start(self.tick_ms)

    def stop(self) -> None:
        """Stop the timer and the worker (a call in progress ends first)."""
        self._timer.stop()
        self.pending.stop()
        self.worker.stop()

    def dispatch(self, event: object) -> None:
        """Hand `event` to the worker, after every event before it; returns at once."""
        background = isinstance(event, Tick)
        controller = self.controller

        def run() -> CheckoutSnapshot:
            controller.handle(event)  # type: ignore[arg-type]
            return checkout_snapshot(controller)

        if self.worker.post(run, self._answered(background),
                            key=TICK_KEY if background else None,
                            failed=lambda _err: self.pending.answered(background)):
            self.pending.posted(event, background)
            self._local_digits()

    def tick(self) -> None:
        self.dispatch(Tick())

    def _answered(self, background: bool) -> Callable[[CheckoutSnapshot], None]:
        def then(snapshot: CheckoutSnapshot) -> None:
            self.pending.answered(background)
            self.snapshot = snapshot
            self.show_state()

        return then

    def _local_digits(self) -> None:
        """PIN dots for the keys already touched, before the worker has answered them."""
        count = len(self.state.digits)
        for event in self.pending.waiting:
            if isinstance(event, PinDigit):
                count += 1
            elif isinstance(event, PinErased):
                count = max(count - 1, 0)
        length = self.controller.timings.pin_length
        self.dots.show_digits(min(count, length), length)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A window of its own (mode "both": a second screen), so it carries the theme itself.
        size = event.size()
        scale = theme.scale_for(size.width(), size.height())
        self.setStyleSheet(theme.style_sheet(scale))
        self.pinpad.rescale(scale)
        self.dots.rescale(scale)
        for field in (self.return_field, self.item_field):
            field.setMinimumHeight(max(theme.MIN_TARGET_PX, theme.px(64, scale)))
            field.setStyleSheet(f"font-size: {theme.px(32, scale)}px; color: black; "
                                "background: white;")
        self.pending.note.place(self.rect(), scale)
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            self.dispatch(Touched())
        return super().eventFilter(watched, event)

    def _emit(self, event: Event) -> None:
        self.send.emit(event)

    # --- pages ---------------------------------------------------------------------------

    def _add(self, phase: Phase, page: QWidget) -> None:
        self.pages[phase] = page
        self._stack.addWidget(page)

    def _entry(self, page: _Page, action: str) -> tuple[QLineEdit, QPushButton]:
        row = QHBoxLayout()
        field = QLineEdit()
        field.setPlaceholderText(word("item", self.lang))
        go = button(word(action, self.lang))
        row.addWidget(field, 1)
        row.addWidget(go)
        page.box.addLayout(row)

        def submit() -> None:
            text = field.text().strip()
            field.clear()
            if text:
                self._emit(ItemScanned(text))

        go.clicked.connect(submit)
        field.returnPressed.connect(submit)
        return field, go

    def _build_idle(self) -> None:
        page = _Page()
        page.box.addWidget(label("title", word("title", self.lang)))
        self.idle_text = label("lead", word("idle", self.lang))
        self.returns = label("body")
        self.returns.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        page.box.addWidget(self.idle_text)
        page.box.addWidget(self.returns, 1)
        self.return_field, self.return_button = self._entry(page, "return")
        self._add(Phase.IDLE, page)

    def _build_pin(self) -> None:
        page = _Page()
        page.box.addWidget(label("title", word("pin", self.lang)))
        self.dots = PinDots()
        self.pinpad = PinPad()
        self.pinpad.digit.connect(lambda d: self._emit(PinDigit(d)))
        self.pinpad.erase.connect(lambda: self._emit(PinErased()))
        self.pinpad.submit.connect(lambda: self._emit(PinSubmitted()))
        cancel = button(word("cancel", self.lang), role="quiet")
        cancel.clicked.connect(lambda: self._emit(Cancelled()))
        for widget in (self.dots, self.pinpad, cancel):
            page.box.addWidget(widget)
        self._add(Phase.AWAITING_PIN, page)

    def _build_simple(self, phase: Phase, title: str) -> QLabel:
        page = _Page()
        page.box.addWidget(label("title", word(title, self.lang)))
        text = label("body")
        page.box.addWidget(text, 1)
        self._add(phase, page)
        return text

    def _build_session(self) -> None:
        page = _Page()
        self.hello = label("lead")
        self.offline_note = label("small")
        self.lines = label("body")
        self.lines.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        page.box.addWidget(self.hello)
        page.box.addWidget(self.offline_note)
        page.box.addWidget(self.lines, 1)
        self.item_field, self.item_button = self._entry(page, "add")
        fee_row = QHBoxLayout()
        self.accept_fee = button(word("accept_fee", self.lang))
        self.decline_fee = button(word("decline_fee", self.lang), role="quiet")
        self.accept_fee.clicked.connect(lambda: self._emit(FeeAnswered(True)))
        self.decline_fee.clicked.connect(lambda: self._emit(FeeAnswered(False)))
        fee_row.addWidget(self.accept_fee)
        fee_row.addWidget(self.decline_fee)
        page.box.addLayout(fee_row)
        self.account_button = button(word("account", self.lang))
        self.account_button.clicked.connect(lambda: self._emit(AccountRequested()))
        self.done_button = button(word("done", self.lang))
        self.done_button.clicked.connect(lambda: self._emit(FinishRequested()))
        row = QHBoxLayout()
        row.addWidget(self.account_button)
        row.addWidget(self.done_button)
        page.box.addLayout(row)
        self.session_countdown = CountdownBar()
        page.box.addWidget(self.session_countdown)
        self._add(Phase.SESSION, page)

    def _build_account(self) -> None:
        page = _Page()
        page.box.addWidget(label("title", word("account", self.lang)))
        self.loan_rows = QVBoxLayout()
        page.box.addWidget(label("lead", word("loans", self.lang)))
        page.box.addLayout(self.loan_rows)
        self.renew_all = button(word("renew_all", self.lang))
        self.renew_all.clicked.connect(self._renew_all)
        page.box.addWidget(self.renew_all)
        self.ready = label("body")
        self.debts = label("body")
        page.box.addWidget(label("lead", word("ready", self.lang)))
        page.box.addWidget(self.ready)
        page.box.addWidget(label("lead", word("debts", self.lang)))
        page.box.addWidget(self.debts)
        back = button(word("back", self.lang), role="quiet")
        back.clicked.connect(lambda: self._emit(ItemsRequested()))
        self.account_done = button(word("done", self.lang))
        self.account_done.clicked.connect(lambda: self._emit(FinishRequested()))
        row = QHBoxLayout()
        row.addWidget(back)
        row.addWidget(self.account_done)
        page.box.addLayout(row)
        self.account_countdown = CountdownBar()
        page.box.addWidget(self.account_countdown)
        self.renew_buttons: dict[str, QPushButton] = {}
        self._shown_loans: tuple[object, ...] | None = None
        self._add(Phase.ACCOUNT, page)

    def _renew_all(self) -> None:
        account = self.state.account
        if account is not None and account.loans:
            self._emit(RenewRequested(tuple(loan.item_id for loan in account.loans)))

    # --- rendering -----------------------------------------------------------------------

    def show_state(self) -> None:
        state = self.state
        self._stack.setCurrentWidget(self.pages[state.phase])
        lang = self.lang
        self.returns.setText("\n".join(return_line(r, lang) for r in state.returns))
        self._local_digits()
        self._render_session(state)
        self._render_account(state)
        self.receipt_text.setText("\n".join(self.snapshot.receipt))
        if state.refusal is not None:
            self.refused_text.setText(
                refusal_text(state.refusal.reason, state.refusal.attempts_left, lang))
        warning = self.snapshot.warning
        total = self.controller.timings.warning_s
        for bar in (self.session_countdown, self.account_countdown):
            bar.show_remaining(warning, total, word("warning", lang))
            bar.setVisible(warning is not None)

    def _render_session(self, state: CheckoutState) -> None:
        patron = state.patron
        self.hello.setText(word("hello", self.lang, patron.name.split(" ")[0]) if patron else "")
        self.offline_note.setText(word("offline", self.lang) if patron and patron.offline
                                  else "")
        self.lines.setText("\n".join(item_line(line, self.lang) for line in state.lines))
        fee = state.pending_fee is not None
        self.accept_fee.setVisible(fee)
        self.decline_fee.setVisible(fee)

    def _render_account(self, state: CheckoutState) -> None:
        account = state.account
        loans = account.loans if account is not None else ()
        if loans != self._shown_loans:
            self._shown_loans = loans
            self._rebuild_loans(state)
        if account is None:
            return
        self.ready.setText("\n".join(ready_line(r, self.lang) for r in account.ready)
                           or word("none", self.lang))
        self.debts.setText(kroner(account.debt_total) if account.debts
                           else word("none", self.lang))

    def _rebuild_loans(self, state: CheckoutState) -> None:
        while self.loan_rows.count():
            item = self.loan_rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone from this frame, not only after the next event loop turn
                widget.setParent(None)
                widget.deleteLater()
        self.renew_buttons = {}
        account = state.account
        for loan in account.loans if account is not None else ():
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = label("body", loan_line(loan, self.lang))
            renew = button(word("renew", self.lang))
            renew.clicked.connect(
                lambda _=False, i=loan.item_id: self._emit(RenewRequested((i,))))
            line.addWidget(text, 1)
            line.addWidget(renew)
            self.loan_rows.addWidget(row)
            self.renew_buttons[loan.item_id] = renew
        self.renew_all.setEnabled(bool(self.renew_buttons))


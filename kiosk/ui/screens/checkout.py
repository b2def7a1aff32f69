"""The self-checkout screen: renders the CheckoutController's state, forwards touches and scans.

It holds no rules: every touch, scan and Tick becomes a checkout-flow event; the flow owns
every deadline (the 120 s inactivity logout and its 20 s warning) and the patron's language.
Item barcodes arrive from a scanner through `dispatch(ItemScanned(...))` or are typed into the
field on screen. Events go in order to the controller worker (a loan may wait 2 s for the
library system); the screen renders the `CheckoutSnapshot` that comes back, and shows
"Checking…" meanwhile.

It is a `Screen` like the door's: the same header (branch, clock, language button), margins,
type scale and colours from kiosk/ui/theme.py, with one page per phase below the header.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.checkout import CheckoutController
from kiosk.checkout_flow import (
    LOGGED_IN,
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
from kiosk.reasons import Lang, Reason
from kiosk.ui import theme
from kiosk.ui.i18n import Translations, tr
from kiosk.ui.pending import CheckingNote, PendingEvents
from kiosk.ui.screens.base import Screen, button, label
from kiosk.ui.screens.checkout_texts import (
    item_line,
    kroner,
    loan_line,
    ready_line,
    receipt_line,
    refusal_text,
    return_line,
    return_title,
    return_where,
    return_why,
)
from kiosk.ui.widgets.countdown import CountdownBar
from kiosk.ui.widgets.glyph import Glyph
from kiosk.ui.widgets.pinpad import PinDots, PinPad, pin_entry_layout
from kiosk.ui.widgets.scan_picture import ScanPicture
from kiosk.ui.worker import ControllerWorker

TICK_KEY = "checkout-tick"
SESSION_LINES = 3
"""Scanned items shown in the session, newest first; all of them are on the receipt."""
RECEIPT_LINES = 4


@dataclass(frozen=True, slots=True)
class CheckoutSnapshot:
    """What the screen shows, read on the worker after each event."""

    state: CheckoutState
    warning: float | None
    """Seconds left of the inactivity countdown while it shows, else None."""
    receipt: tuple[str, ...]
    branch: str = ""
    now: datetime | None = None
    remaining: float | None = None
    """Seconds until the flow's deadline (PIN timeout, receipt, refusal) moves the screen on."""


def checkout_snapshot(controller: CheckoutController) -> CheckoutSnapshot:
    state = controller.state
    clock = controller.clock
    remaining = None if state.deadline is None else max(0.0, state.deadline - clock.monotonic())
    return CheckoutSnapshot(state, controller.warning(), tuple(controller.last_receipt),
                            controller.branch, clock.now(), remaining)


class _Page(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)


def _warning_bar() -> CountdownBar:
    """The countdown before the automatic logout: the theme's yellow "look here" band."""
    bar = CountdownBar()
    bar.label.setProperty("role", "warning")
    bar.setVisible(False)
    return bar


class CheckoutScreen(Screen):
    """The header, then one page per phase; `send` carries every flow event to the controller."""

    tick_ms: int = 200

    def __init__(
        self, controller: CheckoutController, lang: Lang = "da",
        worker: ControllerWorker | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent=parent)
        assert self.header is not None
        self.setWindowTitle("Kiosk – checkout")
        self.controller = controller
        """Called only on the worker's thread, never from here."""
        self.worker = worker or ControllerWorker("checkout-worker", self)
        self.snapshot = checkout_snapshot(controller)  # before the worker runs: no race
        self.lang: Lang = lang
        """The kiosk's language; the patron's choice (state.language) wins while it lasts."""
        self.translations = Translations()
        self.send.connect(self.dispatch)
        self._stack = QStackedLayout()
        self.outer = QVBoxLayout(self)
        # The window's size is given (the panel); a page must fit it, never stretch it.
        self.outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.outer.addWidget(self.header)
        self.outer.addLayout(self._stack, 1)
        self.pages: dict[str, QWidget] = {}
        self._build_idle()
        self._build_pin()
        self._build_checking()
        self._build_session()
        self._build_account()
        self._build_receipt()
        self._build_refused()
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
    def shown_lang(self) -> Lang:
        return self.state.language or self.lang

    @property
    def page(self) -> str:
        """The name of the page on screen."""
        return next(name for name, page in self.pages.items()
                    if page is self._stack.currentWidget())

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
        self.translations.close()

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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A touch anywhere a button does not take (labels, the countdown, empty space) tells
        # the flow the patron is still there.
        if event.type() == QEvent.Type.MouseButtonPress and self.state.phase in LOGGED_IN:
            self.dispatch(Touched())
        return super().eventFilter(watched, event)

    def _emit(self, event: Event) -> None:
        self.send.emit(event)

    # --- pages ---------------------------------------------------------------------------

    def _add(self, name: str, page: QWidget) -> None:
        self.pages[name] = page
        self._stack.addWidget(page)

    def _entry(self, box: QVBoxLayout) -> tuple[QLineEdit, QPushButton]:
        """A field for a barcode the scanner cannot read, typed on screen."""
        row = QHBoxLayout()
        field = QLineEdit()
        field.setObjectName("barcode")
        go = button("")
        row.addWidget(field, 1)
        row.addWidget(go)
        box.addLayout(row)

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
        # Scan prompt, or the last return's result: one card of a small stack.
        self.idle_stack = QStackedWidget()
        prompt = QWidget()
        self.picture = ScanPicture()
        self.idle_title = label("title")
        self.idle_text = label("lead", accent=True)
        self.idle_next = label("body")
        self.idle_return = label("body")
        words = QVBoxLayout()
        words.addStretch(1)
        words.addWidget(self.idle_title)
        words.addWidget(self.idle_text)
        words.addSpacing(16)
        words.addWidget(self.idle_next)
        words.addSpacing(16)
        words.addWidget(self.idle_return)
        words.addStretch(1)
        self.idle_middle = QBoxLayout(QBoxLayout.Direction.LeftToRight, prompt)
        self.idle_middle.setContentsMargins(0, 0, 0, 0)
        self.idle_middle.addWidget(self.picture, 5)
        self.idle_middle.addLayout(words, 6)
        self.idle_stack.addWidget(prompt)
        result = QWidget()
        self.return_glyph = Glyph("tick")
        self.return_title = label("title")
        self.returns = label("lead", accent=True)
        """Where to put the item just returned: the instruction, in big type."""
        self.return_why = label("body")
        self.return_earlier = label("small")
        self.return_next = label("body")
        done = QVBoxLayout()
        done.addStretch(1)
        for widget in (self.return_title, self.returns, self.return_why, self.return_earlier):
            done.addWidget(widget)
        done.addSpacing(16)
        done.addWidget(self.return_next)
        done.addStretch(1)
        self.return_middle = QBoxLayout(QBoxLayout.Direction.LeftToRight, result)
        self.return_middle.setContentsMargins(0, 0, 0, 0)
        self.return_middle.addWidget(self.return_glyph, 0, Qt.AlignmentFlag.AlignCenter)
        self.return_middle.addLayout(done, 1)
        self.idle_stack.addWidget(result)
        page.box.addWidget(self.idle_stack, 1)
        self.return_field, self.return_button = self._entry(page.box)
        self._add("idle", page)

    def _build_pin(self) -> None:
        page = _Page()
        self.pin_title = label("title")
        self.pin_hint = label("body")
        self.dots = PinDots()
        self.pinpad = PinPad()
        self.pinpad.digit.connect(lambda d: self._emit(PinDigit(d)))
        self.pinpad.erase.connect(lambda: self._emit(PinErased()))
        self.pinpad.submit.connect(lambda: self._emit(PinSubmitted()))
        self.pin_countdown = CountdownBar()
        self.cancel = button("")
        self.cancel.clicked.connect(lambda: self._emit(Cancelled()))
        self.pin_body = pin_entry_layout(
            [self.pin_title, self.pin_hint], self.pin_countdown, self.cancel, self.dots,
            self.pinpad,
        )
        page.box.addLayout(self.pin_body, 1)
        self._add("pin", page)

    def _build_checking(self) -> None:
        page = _Page()
        self.checking_title = label("title")
        self.checking_text = label("body")
        page.box.addStretch(1)
        page.box.addWidget(self.checking_title)
        page.box.addWidget(self.checking_text)
        page.box.addStretch(1)
        self._add("checking", page)

    def _build_session(self) -> None:
        page = _Page()
        self.hello = label("title")
        self.prompt = label("lead", accent=True)
        self.offline_note = label("small")
        self.lines = label("body")
        self.lines.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.more_lines = label("small")
        for widget in (self.hello, self.prompt, self.offline_note):
            page.box.addWidget(widget)
        page.box.addSpacing(12)
        page.box.addWidget(self.lines)
        page.box.addWidget(self.more_lines)
        page.box.addStretch(1)
        self.fee_question = label("body")
        page.box.addWidget(self.fee_question)
        fee_row = QHBoxLayout()
        self.accept_fee = button("")
        self.decline_fee = button("", role="quiet")
        self.accept_fee.clicked.connect(lambda: self._emit(FeeAnswered(True)))
        self.decline_fee.clicked.connect(lambda: self._emit(FeeAnswered(False)))
        fee_row.addWidget(self.accept_fee)
        fee_row.addWidget(self.decline_fee)
        fee_row.addStretch(1)
        page.box.addLayout(fee_row)
        self.item_field, self.item_button = self._entry(page.box)
        self.session_countdown = _warning_bar()
        page.box.addWidget(self.session_countdown)
        self.account_button = button("", role="quiet")
        self.account_button.clicked.connect(lambda: self._emit(AccountRequested()))
        self.done_button = button("")
        self.done_button.clicked.connect(lambda: self._emit(FinishRequested()))
        row = QHBoxLayout()
        row.addWidget(self.account_button, 1)
        row.addWidget(self.done_button, 1)
        page.box.addLayout(row)
        self._add("session", page)

    def _build_account(self) -> None:
        page = _Page()
        self.account_title = label("title")
        page.box.addWidget(self.account_title)
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
        other = QVBoxLayout()
        self.ready_head = label("lead")
        self.ready = label("body")
        self.debts_head = label("lead")
        self.debts = label("body")
        for widget in (self.ready_head, self.ready, self.debts_head, self.debts):
            other.addWidget(widget)
        other.addStretch(1)
        self.account_body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.account_body.addLayout(loans, 3)
        self.account_body.addLayout(other, 2)
        page.box.addLayout(self.account_body, 1)
        self.account_countdown = _warning_bar()
        page.box.addWidget(self.account_countdown)
        self.back = button("", role="quiet")
        self.back.clicked.connect(lambda: self._emit(ItemsRequested()))
        self.account_done = button("")
        self.account_done.clicked.connect(lambda: self._emit(FinishRequested()))
        row = QHBoxLayout()
        row.addWidget(self.back, 1)
        row.addWidget(self.account_done, 1)
        page.box.addLayout(row)
        self.renew_buttons: dict[str, QPushButton] = {}
        self._shown_loans: tuple[object, ...] | None = None
        self._add("account", page)

    def _result_page(self, name: str, glyph: Glyph, words: list[QWidget],
                     countdown: CountdownBar, ok: QPushButton) -> QBoxLayout:
        page = _Page()
        column = QVBoxLayout()
        column.addStretch(1)
        for widget in words:
            column.addWidget(widget)
        column.addStretch(1)
        column.addWidget(countdown)
        row = QHBoxLayout()
        row.addWidget(ok)
        row.addStretch(1)
        column.addLayout(row)
        middle = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        middle.addWidget(glyph, 0, Qt.AlignmentFlag.AlignCenter)
        middle.addLayout(column, 1)
        page.box.addLayout(middle, 1)
        self._add(name, page)
        return middle

    def _build_receipt(self) -> None:
        self.receipt_glyph = Glyph("tick")
        self.receipt_title = label("title")
        self.receipt_lead = label("lead")
        self.receipt_text = label("receipt")
        """What was borrowed and when it is due, in large type."""
        self.receipt_more = label("small")
        self.receipt_countdown = CountdownBar()
        self.receipt_ok = button("")
        self.receipt_ok.clicked.connect(lambda: self._emit(Cancelled()))
        self.receipt_middle = self._result_page(
            "receipt", self.receipt_glyph,
            [self.receipt_title, self.receipt_lead, self.receipt_text, self.receipt_more],
            self.receipt_countdown, self.receipt_ok)

    def _build_refused(self) -> None:
        self.refused_glyph = Glyph("cross")
        self.refused_title = label("title")
        self.refused_text = label("lead")
        self.refused_countdown = CountdownBar()
        self.refused_ok = button("")
        self.refused_ok.clicked.connect(lambda: self._emit(Cancelled()))
        self.refused_middle = self._result_page(
            "refused", self.refused_glyph, [self.refused_title, self.refused_text],
            self.refused_countdown, self.refused_ok)

    def _renew_all(self) -> None:
        account = self.state.account
        if account is not None and account.loans:
            self._emit(RenewRequested(tuple(loan.item_id for loan in account.loans)))

    # --- rendering -----------------------------------------------------------------------

    def show_state(self) -> None:
        state = self.state
        lang = self.shown_lang
        changed = self.translations.use(lang)
        snapshot = self.snapshot
        if snapshot.now is not None:
            self.show_header(snapshot.branch, snapshot.now, lang)
        name = state.phase.value
        if state.phase is Phase.AWAITING_PIN:
            name = "pin"
        self._stack.setCurrentWidget(self.pages[name])
        self.set_tone({Phase.REFUSED: "denied", Phase.RECEIPT: "granted"}.get(state.phase, ""))
        self._render_idle(state)
        self._render_pin()
        self.checking_title.setText(tr("One moment …"))
        self.checking_text.setText(tr("Asking the library system."))
        self._render_session(state)
        self._render_account(state, force=changed)
        self._render_receipt(state)
        self._render_refused(state, lang)
        warning = snapshot.warning
        total = self.controller.timings.warning_s
        for bar in (self.session_countdown, self.account_countdown):
            bar.show_remaining(warning, total,
                               tr("You will be logged out in %1 s – touch the screen to go on"))
            bar.setVisible(warning is not None)

    def _render_idle(self, state: CheckoutState) -> None:
        self.idle_title.setText(tr("Borrow and return"))
        self.idle_text.setText(tr("Scan your library card or health card"))
        self.idle_next.setText(tr("Then type your PIN on the screen."))
        self.idle_return.setText(tr("Returning something? Just scan its barcode, no card "
                                    "needed."))
        self.return_field.setPlaceholderText(tr("Barcode"))
        self.return_button.setText(tr("Return"))
        self.idle_stack.setCurrentIndex(1 if state.returns else 0)
        if not state.returns:
            self.returns.setText("")
            return
        last = state.returns[-1]
        self.return_glyph.set_kind("tick" if last.ok else "cross")
        self.return_title.setText(return_title(last))
        self.returns.setText(return_where(last))
        self.return_why.setText(return_why(last))
        earlier = [return_line(r) for r in reversed(state.returns[-3:-1])]
        self.return_earlier.setText("\n".join(earlier))
        self.return_earlier.setVisible(bool(earlier))
        self.return_next.setText(tr("Scan the next item, or your card to borrow."))

    def _render_pin(self) -> None:
        self.pin_title.setText(tr("Type your PIN"))
        self.pin_hint.setText(tr("Your card has been read. Use the keys on the screen."))
        self.pinpad.retranslate()
        self._local_digits()
        self.cancel.setText(tr("Cancel"))
        self.cancel.setAccessibleName(tr("Cancel and take back the card"))
        if self.state.phase is Phase.AWAITING_PIN:
            self.pin_countdown.show_remaining(self.snapshot.remaining,
                                              self.controller.timings.pin_timeout_s,
                                              tr("Back to the start in %1 s unless you type"))

    def _render_session(self, state: CheckoutState) -> None:
        patron = state.patron
        first = patron.name.split(" ")[0] if patron and patron.name else ""
        self.hello.setText(tr("Hello %1", first) if first else tr("Hello"))
        self.prompt.setText(tr("Scan the barcode of what you want to borrow"))
        self.offline_note.setText(tr("No connection to the library system: your loans are "
                                     "sent later.") if patron and patron.offline else "")
        self.offline_note.setVisible(bool(self.offline_note.text()))
        newest = [item_line(line, self.shown_lang) for line in reversed(state.lines)]
        self.lines.setText("\n".join(newest[:SESSION_LINES]) if newest else
                           tr("Hold the barcode under the scanner. Each item shows here."))
        hidden = len(newest) - SESSION_LINES
        self.more_lines.setText(tr("… and %1 more under My account.", hidden)
                                if hidden > 0 else "")
        self.more_lines.setVisible(hidden > 0)
        fee = state.pending_fee is not None
        self.fee_question.setText(tr("This loan costs a fee. Do you accept it?"))
        self.accept_fee.setText(tr("Accept the fee"))
        self.decline_fee.setText(tr("No thanks"))
        for widget in (self.fee_question, self.accept_fee, self.decline_fee):
            widget.setVisible(fee)
        self.item_field.setPlaceholderText(tr("Barcode"))
        self.item_button.setText(tr("Add"))
        self.account_button.setText(tr("My account"))
        self.done_button.setText(tr("Done – log out"))

    def _render_account(self, state: CheckoutState, force: bool) -> None:
        account = state.account
        loans = account.loans if account is not None else ()
        if force or loans != self._shown_loans:
            self._shown_loans = loans
            self._rebuild_loans(state)
        self.account_title.setText(tr("My account"))
        self.loans_head.setText(tr("Your loans"))
        self.renew_all.setText(tr("Renew all"))
        self.ready_head.setText(tr("Ready for pickup"))
        self.debts_head.setText(tr("Fees"))
        self.back.setText(tr("Back to borrowing"))
        self.account_done.setText(tr("Done – log out"))
        if account is None:
            return
        self.ready.setText("\n".join(ready_line(r) for r in account.ready) or tr("None"))
        self.debts.setText(kroner(account.debt_total) if account.debts else tr("None"))

    def _rebuild_loans(self, state: CheckoutState) -> None:
        while self.loan_rows.count() > 1:  # the last item is the stretch
            item = self.loan_rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone from this frame, not only after the next event loop turn
                widget.setParent(None)
                widget.deleteLater()
        self.renew_buttons = {}
        account = state.account
        for index, loan in enumerate(account.loans if account is not None else ()):
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, theme.px(12, self.scale), 0)
            text = label("body", loan_line(loan))
            renew = button(tr("Renew"))
            renew.setMinimumHeight(max(theme.MIN_TARGET_PX, theme.px(64, self.scale)))
            renew.clicked.connect(
                lambda _=False, i=loan.item_id: self._emit(RenewRequested((i,))))
            line.addWidget(text, 1)
            line.addWidget(renew)
            self.loan_rows.insertWidget(index, row)
            self.renew_buttons[loan.item_id] = renew
        if not self.renew_buttons:
            self.loan_rows.insertWidget(0, label("body", tr("You have no loans.")))
        self.renew_all.setEnabled(bool(self.renew_buttons))
        self.renew_all.setVisible(len(self.renew_buttons) > 1)

    def _render_receipt(self, state: CheckoutState) -> None:
        borrowed = [line for line in state.lines if line.ok]
        self.receipt_title.setText(tr("Thank you for your visit"))
        self.receipt_lead.setText(tr("You are logged out. You borrowed:") if borrowed
                                  else tr("You are logged out. Nothing was borrowed."))
        self.receipt_text.setText("\n".join(receipt_line(line)
                                            for line in borrowed[:RECEIPT_LINES]))
        self.receipt_text.setVisible(bool(borrowed))
        hidden = len(borrowed) - RECEIPT_LINES
        self.receipt_more.setText(tr("… and %1 more.", hidden)
                                  if hidden > 0 else "")
        self.receipt_more.setVisible(hidden > 0)
        self.receipt_ok.setText(tr("OK"))
        self.receipt_ok.setAccessibleName(tr("Back to the start"))
        if state.phase is Phase.RECEIPT:
            self.receipt_countdown.show_remaining(self.snapshot.remaining,
                                                  self.controller.timings.receipt_s,
                                                  tr("Back to the start in %1 s"))

    def _render_refused(self, state: CheckoutState, lang: Lang) -> None:
        refusal = state.refusal
        self.refused_title.setText(tr("You could not be logged in"))
        self.refused_ok.setText(tr("OK"))
        self.refused_ok.setAccessibleName(tr("Back to the start"))
        if refusal is None:
            return
        self.refused_glyph.set_kind("lock" if refusal.reason is Reason.PIN_LOCKED else "cross")
        self.refused_text.setText(refusal_text(refusal.reason, refusal.attempts_left, lang))
        self.refused_countdown.show_remaining(self.snapshot.remaining,
                                              self.controller.timings.refused_s,
                                              tr("Back to the start in %1 s"))

    # --- size ----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A window of its own (mode "both": a second screen), so it carries the theme itself.
        size = event.size()
        scale = theme.scale_for(size.width(), size.height())
        self.setStyleSheet(theme.style_sheet(scale))
        self.rescale(scale, size.height() > size.width())
        self.pending.note.place(self.rect(), scale)
        super().resizeEvent(event)

    def rescale(self, scale: float, portrait: bool) -> None:
        super().rescale(scale, portrait)
        margin = theme.px(32, scale)
        self.outer.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.outer.setSpacing(theme.px(12, scale))
        direction = self.direction(portrait)
        # Portrait: the words first, the picture under them, nearer the reader (as the door).
        self.idle_middle.setDirection(
            QBoxLayout.Direction.BottomToTop if portrait else QBoxLayout.Direction.LeftToRight)
        self.picture.setMinimumSize(theme.px(300, scale), theme.px(230, scale))
        for layout in (self.return_middle, self.receipt_middle, self.refused_middle,
                       self.pin_body, self.account_body):
            layout.setDirection(direction)
            layout.setSpacing(theme.px(40, scale))
        for glyph in (self.return_glyph, self.receipt_glyph, self.refused_glyph):
            glyph.rescale(scale)
        self.pinpad.rescale(scale)
        self.dots.rescale(scale)
        target = max(theme.MIN_TARGET_PX, theme.px(72, scale))
        for widget in (self.return_field, self.item_field):
            widget.setMinimumHeight(target)
        for pushbutton in (self.return_button, self.item_button, self.account_button,
                           self.done_button, self.back, self.account_done, self.renew_all,
                           self.accept_fee, self.decline_fee):
            pushbutton.setMinimumHeight(target)
        for pushbutton in (self.cancel, self.receipt_ok, self.refused_ok):
            pushbutton.setMinimumSize(theme.px(220, scale), theme.px(80, scale))
        for pushbutton in self.renew_buttons.values():
            pushbutton.setMinimumHeight(max(theme.MIN_TARGET_PX, theme.px(64, scale)))

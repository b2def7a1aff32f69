"""Issue 17: the checkout defects a new user hit in the demo, each as the flow (or the receipt)
sees it. The screen-level halves are in tests/kiosk/ui/test_ui_checkout_defects.py."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from drivers.cardparse import parse_card
from kiosk.checkout.controller import receipt_text
from kiosk.checkout.flow import (
    IDLE,
    Borrow,
    CheckoutState,
    Event,
    FeeAnswered,
    ItemDone,
    ItemScanned,
    LoggedIn,
    Renew,
    Timings,
    Transition,
    step,
)
from kiosk.checkout.types import Account, ItemLine, PatronSession, Refusal, receipt_lines
from kiosk.checkout.view import session_lines
from kiosk.clock import COPENHAGEN
from kiosk.events import Beep, CardPresented, PinDigit

T = Timings()
CARD = parse_card("3300001234", "checkout")
ANNA = PatronSession("3300001234", "Anna Jensen", key="3300001234")
DUE = datetime(2026, 12, 19, 23, 59, tzinfo=COPENHAGEN)
LATER = DUE + timedelta(days=28)
FEE = ItemLine("5000000016", "fee", "Ny spillefilm", refusal=Refusal.FEE, fee=Decimal("10.00"))
LOAN = ItemLine("5000000011", "loan", "Kaffe og kager", DUE)
LOAN_2 = ItemLine("5000000012", "loan", "Nordisk mytologi", DUE)
UNKNOWN = ItemLine("5000009999", "refused", refusal=Refusal.UNKNOWN_ITEM)


def run(events: list[Event], state: CheckoutState = IDLE) -> Transition:
    t = Transition(state)
    effects: list[object] = []
    for event in events:
        t = step(t.state, event, 0.0, T)
        effects += t.effects
    return Transition(t.state, tuple(effects))  # type: ignore[arg-type]


def logged_in() -> CheckoutState:
    return run([CardPresented(CARD), *(PinDigit(d) for d in "4711"),
                LoggedIn(ANNA, Account())]).state


def asked_about_the_fee() -> CheckoutState:
    state = run([ItemScanned(FEE.item_id), ItemDone(FEE)], logged_in()).state
    assert state.pending_fee == FEE.item_id
    return state


def test_a_scan_during_the_fee_question_waits_and_is_borrowed_after_the_answer() -> None:
    # Was: silently ignored (the flow took a scan only when no fee question was pending).
    waiting = run([ItemScanned(LOAN.item_id)], asked_about_the_fee())
    assert waiting.state.queued == (LOAN.item_id,)
    assert waiting.effects == (Beep("key"),)  # heard, and the screen says it waits
    declined = run([FeeAnswered(False)], waiting.state)
    assert declined.effects == (Borrow(ANNA, LOAN.item_id),)
    assert declined.state.queued == ()
    accepted = run([FeeAnswered(True)], waiting.state)
    assert accepted.effects == (Borrow(ANNA, FEE.item_id, fee_ack=True),)
    assert accepted.state.queued == (LOAN.item_id,)  # after the fee loan's answer
    fee_loan = ItemLine(FEE.item_id, "loan", FEE.title, DUE)
    answered = run([ItemDone(fee_loan)], accepted.state)
    assert Borrow(ANNA, LOAN.item_id) in answered.effects
    assert answered.state.queued == ()


def test_a_waiting_scan_of_an_item_you_have_is_a_renewal() -> None:
    state = run([ItemDone(LOAN), ItemScanned(FEE.item_id), ItemDone(FEE),
                 ItemScanned(LOAN.item_id)], logged_in()).state
    assert run([FeeAnswered(False)], state).effects == (Renew(ANNA, LOAN.item_id),)


def test_after_no_thanks_the_fee_question_is_gone_from_the_list() -> None:
    # Was: the line "Lånet koster et gebyr. Vil du acceptere det?" stayed on screen.
    state = run([FeeAnswered(False)], asked_about_the_fee()).state
    assert [line.kind for line in state.lines] == ["refused"]
    assert state.lines[0].refusal is Refusal.FEE_DECLINED
    assert state.lines[0].title == FEE.title


def test_after_accepting_the_fee_only_the_loan_is_listed() -> None:
    state = run([FeeAnswered(True)], asked_about_the_fee()).state
    fee_loan = ItemLine(FEE.item_id, "loan", FEE.title, DUE)
    state = run([ItemDone(fee_loan)], state).state
    assert state.lines == (fee_loan,)


def test_the_more_line_counts_only_what_my_account_shows() -> None:
    # Was: "… og 2 mere under Min konto" counted an unknown barcode that is not in Min konto.
    listed = session_lines((UNKNOWN, LOAN, LOAN_2, LOAN, LOAN_2), room=3)
    assert listed.shown == (LOAN_2, LOAN, LOAN_2)
    assert (listed.hidden_loans, listed.hidden_refused) == (1, 1)


def test_the_receipt_lists_an_item_borrowed_and_renewed_once() -> None:
    # Was: "Lånt: Kaffe og kager" and "Fornyet: Kaffe og kager" with one due date.
    renewed = ItemLine(LOAN.item_id, "renewal", LOAN.title, LATER)
    lines = (LOAN, LOAN_2, renewed, UNKNOWN)
    assert receipt_lines(lines) == (
        ItemLine(LOAN.item_id, "loan", LOAN.title, LATER), LOAN_2)
    text = receipt_text("Solrød Bibliotek", DUE, lines)
    assert sum("Kaffe og kager" in line for line in text) == 1
    assert "Lånt: Kaffe og kager" in text
    assert f"  Afleveres senest {LATER:%d.%m.%Y}" in text
    assert not any(line.startswith("Fornyet") for line in text)


def test_a_renewal_alone_stays_a_renewal_on_the_receipt() -> None:
    renewed = ItemLine("5000000017", "renewal", "Lånt bog", LATER)
    assert receipt_lines((renewed,)) == (renewed,)

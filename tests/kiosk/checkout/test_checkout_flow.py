"""The checkout flow's step() as tables: login, items, renew by rescan, fee, account, timeouts."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

import pytest

from drivers.cardparse import parse_card
from kiosk.checkout.flow import (
    IDLE,
    AccountLoaded,
    AccountRequested,
    Borrow,
    CheckoutState,
    EndSession,
    Event,
    FeeAnswered,
    FinishRequested,
    GiveBack,
    ItemDone,
    ItemScanned,
    ItemsRequested,
    LoadAccount,
    LoggedIn,
    LogIn,
    LoginRefused,
    Phase,
    Renew,
    RenewRequested,
    Returned,
    Timings,
    Touched,
    Transition,
    step,
)
from kiosk.checkout.types import (
    Account,
    ItemLine,
    LoanLine,
    PatronSession,
    Refusal,
    ReturnLine,
    classify,
)
from kiosk.clock import COPENHAGEN
from kiosk.events import Beep, Cancelled, CardPresented, LanguageChosen, PinDigit, PinErased, Tick
from kiosk.reasons import Reason

T = Timings(pin_timeout_s=30, inactivity_s=120, warning_s=20, receipt_s=10, refused_s=8,
            returned_s=10)
CARD = parse_card("3300001234", "checkout")
OTHER_CARD = parse_card("3300002222", "checkout")
ANNA = PatronSession("3300001234", "Anna Jensen", key="3300001234")
DUE = datetime(2026, 12, 19, 23, 59, tzinfo=COPENHAGEN)
HAS = LoanLine("5000000017", "Lånt bog", DUE)


def run(events: list[Event], state: CheckoutState = IDLE, now: float = 0.0) -> Transition:
    t = Transition(state)
    for event in events:
        t = step(t.state, event, now, T)
    return t


ACCOUNT = Account(loans=(HAS,))


def logged_in(account: Account = ACCOUNT) -> CheckoutState:
    return run([CardPresented(CARD), *(PinDigit(d) for d in "4711"),
                LoggedIn(ANNA, account)]).state


def test_card_then_pin_asks_the_library_system() -> None:
    t = run([CardPresented(CARD), PinDigit("4"), PinDigit("7"), PinErased(), PinDigit("7"),
             PinDigit("1")])
    assert (t.state.phase, t.state.digits) == (Phase.AWAITING_PIN, "471")
    t = step(t.state, PinDigit("1"), 0, T)
    assert t.state.phase is Phase.CHECKING
    assert t.effects == (LogIn(CARD, "4711"),)


@pytest.mark.parametrize("key", ["\u0661", "\u00b2", "\uff11", "12", ""],
                         ids=["arabic_indic", "superscript", "fullwidth", "two", "empty"])
def test_only_ascii_digits_are_pin_keys(key: str) -> None:
    # No PIN pad sends these and no verifier was made from them (issue 13).
    t = run([CardPresented(CARD), PinDigit("4"), PinDigit(key)])
    assert t.state.digits == "4"


def test_login_opens_a_session_with_an_inactivity_deadline() -> None:
    state = logged_in()
    assert (state.phase, state.patron, state.deadline) == (Phase.SESSION, ANNA, 120.0)


def test_refused_login_shows_the_reason_then_idle() -> None:
    t = run([CardPresented(CARD), *(PinDigit(d) for d in "0000"),
             LoginRefused(Reason.WRONG_PIN, 4)])
    assert t.state.phase is Phase.REFUSED
    assert t.state.refusal == LoginRefused(Reason.WRONG_PIN, 4)
    assert step(t.state, Tick(), 8.0, T).state == IDLE


@pytest.mark.parametrize(("item", "expected"), [
    ("5000000011", Borrow(ANNA, "5000000011")),
    ("5000000017", Renew(ANNA, "5000000017")),
], ids=["new_item_borrowed", "own_loan_renewed"])
def test_scanning_an_item(item: str, expected: object) -> None:
    assert run([ItemScanned(item)], logged_in()).effects == (expected,)


def test_an_item_borrowed_in_this_session_is_renewed_when_scanned_again() -> None:
    line = ItemLine("5000000011", "loan", "Kaffe og kager", DUE)
    t = run([ItemDone(line), ItemScanned("5000000011")], logged_in())
    assert t.effects == (Renew(ANNA, "5000000011"),)
    assert t.state.account is not None
    assert "5000000011" in {loan.item_id for loan in t.state.account.loans}


def test_item_results_are_listed_with_a_beep() -> None:
    ok = ItemLine("5000000011", "loan", "Kaffe og kager", DUE)
    no = ItemLine("5000000014", "refused", "Opslag", refusal=Refusal.NOT_FOR_LOAN)
    t = run([ItemDone(ok)], logged_in())
    assert t.effects == (Beep("granted"),)
    t = step(t.state, ItemDone(no), 0, T)
    assert (t.state.lines, t.effects) == ((ok, no), (Beep("denied"),))


def test_fee_waits_for_the_patron_and_borrows_with_acknowledgement() -> None:
    fee = ItemLine("5000000016", "fee", "Ny spillefilm", refusal=Refusal.FEE,
                   fee=Decimal("10.00"))
    t = run([ItemDone(fee)], logged_in())
    assert t.state.pending_fee == "5000000016"
    waits = run([ItemScanned("5000000011")], t.state)  # answer the fee first; the scan waits
    assert (waits.effects, waits.state.queued) == ((Beep("key"),), ("5000000011",))
    accepted = step(t.state, FeeAnswered(True), 0, T)
    assert accepted.effects == (Borrow(ANNA, "5000000016", fee_ack=True),)
    declined = step(t.state, FeeAnswered(False), 0, T)
    assert (declined.effects, declined.state.pending_fee) == ((), None)


def test_account_view_loads_and_renews_one_or_all() -> None:
    t = run([AccountRequested()], logged_in())
    assert (t.state.phase, t.effects) == (Phase.ACCOUNT, (LoadAccount(ANNA),))
    t = step(t.state, AccountLoaded(Account(loans=(HAS,))), 0, T)
    renew_all = step(t.state, RenewRequested(("5000000017", "5000000018")), 0, T)
    assert renew_all.effects == (Renew(ANNA, "5000000017"), Renew(ANNA, "5000000018"))
    assert step(t.state, ItemsRequested(), 0, T).state.phase is Phase.SESSION


@pytest.mark.parametrize("event", [FinishRequested(), Cancelled(), CardPresented(CARD)],
                         ids=["done", "cancel", "own_card_again"])
def test_logout_shows_the_receipt(event: Event) -> None:
    line = ItemLine("5000000011", "loan", "Kaffe og kager", DUE)
    t = run([ItemDone(line), event], logged_in())
    assert t.state.phase is Phase.RECEIPT
    assert t.effects == (EndSession(ANNA, (line,)),)
    assert t.state.patron is None
    assert step(t.state, Tick(), 10.0, T).state == IDLE


def test_another_card_ends_the_session_and_starts_a_login() -> None:
    t = run([CardPresented(OTHER_CARD)], logged_in())
    assert (t.state.phase, t.state.read) == (Phase.AWAITING_PIN, OTHER_CARD)
    assert t.effects == (EndSession(ANNA, ()),)


def test_inactivity_warns_then_logs_out() -> None:
    state = logged_in()
    assert state.warning(99.0, T) is None
    assert state.warning(105.0, T) == 15.0
    assert step(state, Tick(), 119.0, T).state.phase is Phase.SESSION
    touched = step(state, Touched(), 110.0, T).state  # a touch restarts the clock
    assert touched.deadline == 230.0
    assert touched.warning(110.0, T) is None
    t = step(state, Tick(), 120.0, T)
    assert (t.state.phase, t.effects) == (Phase.RECEIPT, (EndSession(ANNA, ()),))


def _at(phase: Phase) -> CheckoutState:
    if phase is Phase.SESSION:
        return logged_in()
    if phase is Phase.ACCOUNT:
        return run([AccountRequested()], logged_in()).state
    if phase is Phase.AWAITING_PIN:
        return run([CardPresented(CARD), PinDigit("1")]).state
    if phase is Phase.RECEIPT:
        return run([FinishRequested()], logged_in()).state
    return IDLE


@pytest.mark.parametrize(("phase", "deadline"), [
    (Phase.SESSION, 110.0 + 120),  # logged in: a touch restarts the inactivity clock
    (Phase.ACCOUNT, 110.0 + 120),
    (Phase.AWAITING_PIN, 30.0),  # only a key moves the PIN deadline
    (Phase.RECEIPT, 10.0),  # the receipt goes away on time, touched or not
    (Phase.IDLE, None),
])
def test_a_touch_keeps_a_session_and_nothing_else(phase: Phase, deadline: float | None) -> None:
    state = _at(phase)
    t = step(state, Touched(), 110.0, T)
    assert t.effects == ()
    assert t.state == replace(state, deadline=deadline)


def test_touching_during_the_warning_keeps_the_session() -> None:
    state = logged_in()
    assert state.warning(102.0, T) == 18.0
    kept = step(state, Touched(), 102.0, T).state
    assert kept.warning(102.0, T) is None
    assert step(kept, Tick(), 121.0, T).state.phase is Phase.SESSION


@pytest.mark.parametrize(("events", "expected"), [
    # chosen at idle, kept through card, PIN, session, account, logout: the receipt in English
    ([LanguageChosen("en")], "en"),
    ([LanguageChosen("en"), CardPresented(CARD)], "en"),
    ([LanguageChosen("en"), CardPresented(CARD), *(PinDigit(d) for d in "4711")], "en"),
    ([LanguageChosen("en"), CardPresented(CARD), *(PinDigit(d) for d in "4711"),
      LoggedIn(ANNA, ACCOUNT), AccountRequested(), FinishRequested()], "en"),
    ([LanguageChosen("en"), CardPresented(CARD), *(PinDigit(d) for d in "4711"),
      LoginRefused(Reason.WRONG_PIN, 4), CardPresented(CARD)], "en"),
    # gone when the screen is back at idle: cancelled, or the receipt's time is up
    ([LanguageChosen("en"), CardPresented(CARD), Cancelled()], None),
    ([LanguageChosen("en"), CardPresented(CARD), *(PinDigit(d) for d in "4711"),
      LoggedIn(ANNA, ACCOUNT), FinishRequested(), Tick()], None),
    # a return at idle answers in the chosen language
    ([LanguageChosen("en"), ItemScanned("5000000013"),
      Returned(ReturnLine("5000000013", True))], "en"),
])
def test_the_language_lasts_for_the_visit(events: list[Event], expected: str | None) -> None:
    state = IDLE
    for event in events:
        now = 1000.0 if isinstance(event, Tick) else 0.0
        state = step(state, event, now, T).state
    assert state.language == expected


def test_a_new_patrons_card_during_a_session_or_receipt_starts_in_the_default() -> None:
    english = replace(logged_in(), language="en")
    assert run([CardPresented(OTHER_CARD)], english).state.language is None
    receipt = run([FinishRequested()], english).state
    assert receipt.language == "en"
    assert run([CardPresented(OTHER_CARD)], receipt).state.language is None


def test_choosing_a_language_counts_as_a_touch_and_expires_at_idle() -> None:
    in_session = step(logged_in(), LanguageChosen("en"), 50.0, T).state
    assert (in_session.language, in_session.deadline) == ("en", 170.0)
    idle = step(IDLE, LanguageChosen("en"), 0.0, T).state
    assert idle.deadline == T.language_s
    assert step(idle, Tick(), T.language_s - 1, T).state.language == "en"
    assert step(idle, Tick(), T.language_s, T).state == IDLE


def test_pin_entry_times_out() -> None:
    t = run([CardPresented(CARD), PinDigit("1")])
    assert step(t.state, Tick(), 29.0, T).state.phase is Phase.AWAITING_PIN
    assert step(t.state, Tick(), 30.0, T).state == IDLE


def test_return_without_logging_in() -> None:
    t = run([ItemScanned("5000000013")])
    assert t.effects == (GiveBack("5000000013"),)
    line = ReturnLine("5000000013", True, "Reserveret roman", shelf="staff")
    t = step(t.state, Returned(line), 0, T)
    assert (t.state.phase, t.state.returns) == (Phase.IDLE, (line,))
    assert step(t.state, Tick(), 10.0, T).state == IDLE


def test_answers_that_arrive_too_late_change_nothing() -> None:
    assert run([LoggedIn(ANNA, Account())]).state == IDLE
    assert run([ItemDone(ItemLine("1", "loan"))]).state == IDLE


@pytest.mark.parametrize(("message", "code"), [
    ("Materialet er reserveret til en anden låner", Refusal.RESERVED),
    ("Materialet kan ikke lånes", Refusal.NOT_FOR_LOAN),
    ("Materialet har aldersgrænse 15 år", Refusal.AGE),
    ("Din konto er spærret", Refusal.BLOCKED),
    ("Du har for mange lån", Refusal.TOO_MANY),
    ("Ukendt materiale", Refusal.UNKNOWN_ITEM),
    ("Lånet koster 10,00 kr. Acceptér gebyret for at låne", Refusal.FEE),
    ("Noget helt andet", Refusal.OTHER),
], ids=lambda v: v.value if isinstance(v, Refusal) else "")
def test_refusal_from_the_library_systems_words(message: str, code: Refusal) -> None:
    assert classify(message) is code

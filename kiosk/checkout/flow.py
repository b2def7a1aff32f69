"""The self-checkout flow: one explicit state machine, `step(state, event, now, timings)`.

Pure: no I/O and no clock of its own (`now` is monotonic seconds from the shell). Asking the
library system is an effect (LogIn, Borrow, Renew, GiveBack, LoadAccount, EndSession); the shell
(kiosk/checkout/controller.py) carries it out against a Circulation and feeds the answer back as
an event (LoggedIn, ItemDone, ...); both are in kiosk/checkout/messages.py, re-exported here.
Deadlines live in the state and are checked on Tick: a half-typed PIN or an open session never
survives the next patron.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Final

from drivers.types import CardRead
from kiosk.checkout.messages import (
    AccountLoaded,
    AccountRequested,
    Borrow,
    Effect,
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
    Renew,
    RenewRequested,
    Returned,
    Touched,
)
from kiosk.checkout.types import Account, ItemLine, PatronSession, Refusal, ReturnLine
from kiosk.events import (
    Beep,
    Cancelled,
    CardPresented,
    LanguageChosen,
    MoreTime,
    PinDigit,
    PinErased,
    PinSubmitted,
    Tick,
    is_pin_digit,
)
from kiosk.reasons import Lang


class Phase(StrEnum):
    IDLE = "idle"
    """Scan a card to log in, or an item to return it."""
    AWAITING_PIN = "awaiting_pin"
    CHECKING = "checking"
    """Waiting for the library system (login)."""
    SESSION = "session"
    """Logged in: scan items; each line shows a due date or a plain refusal."""
    ACCOUNT = "account"
    """Loans with due dates (renew one / all), reservations ready, debts."""
    RECEIPT = "receipt"
    REFUSED = "refused"
    """Login refused: the reason and next step, then back to idle."""


LOGGED_IN: Final = frozenset({Phase.SESSION, Phase.ACCOUNT})
RETURNS_AT: Final = frozenset({Phase.IDLE, Phase.RECEIPT, Phase.REFUSED})
"""Phases in which a scanned item is a return (nobody is logged in)."""


@dataclass(frozen=True, slots=True)
class Timings:
    pin_timeout_s: float = 30.0
    inactivity_s: float = 120.0
    """A session with no touch and no scan for this long is logged out."""
    warning_s: float = 20.0
    """The countdown shows this long before the inactivity logout."""
    receipt_s: float = 10.0
    refused_s: float = 8.0
    returned_s: float = 10.0
    language_s: float = 60.0
    """A language chosen at idle by someone who then walks away goes back after this long."""
    pin_length: int = 4




@dataclass(frozen=True, slots=True)
class CheckoutState:
    phase: Phase = Phase.IDLE
    read: CardRead | None = None
    digits: str = field(default="", repr=False)
    patron: PatronSession | None = None
    account: Account | None = None
    lines: tuple[ItemLine, ...] = ()
    """This session's items, newest last: loans, renewals, refusals."""
    returns: tuple[ReturnLine, ...] = ()
    """Items returned at idle, newest last (cleared when the screen goes quiet)."""
    pending_fee: str | None = None
    """An item whose loan costs a fee: waiting for the patron to accept or decline."""
    queued: tuple[str, ...] = ()
    """Items scanned while the fee question waits: handled after the answer, in order."""
    refusal: LoginRefused | None = None
    deadline: float | None = None
    language: Lang | None = None
    """The patron's choice (None: the kiosk's default); kept for the visit, gone at idle."""

    def warning(self, now: float, timings: Timings) -> float | None:
        """Seconds left when the inactivity countdown is showing, else None."""
        if self.phase not in LOGGED_IN or self.deadline is None:
            return None
        left = self.deadline - now
        return max(left, 0.0) if left <= timings.warning_s else None


@dataclass(frozen=True, slots=True)
class Transition:
    state: CheckoutState
    effects: tuple[Effect, ...] = ()


IDLE: Final = CheckoutState()


def step(state: CheckoutState, event: Event, now: float, timings: Timings) -> Transition:
    """Advance the checkout flow by one event."""
    if isinstance(event, Tick):
        return _tick(state, now, timings)
    if isinstance(event, LoggedIn | LoginRefused | ItemDone | AccountLoaded | Returned):
        return _answer(state, event, now, timings)
    if isinstance(event, CardPresented):
        return _card(state, event.read, now, timings)
    if isinstance(event, LanguageChosen):
        return _language(state, event.language, now, timings)
    if state.phase in LOGGED_IN:  # any touch ("more time" too) keeps the session
        active = replace(state, deadline=now + timings.inactivity_s)
        return _in_session(active, event, now, timings)
    if isinstance(event, MoreTime):
        return _more_time(state, now, timings)
    if state.phase is Phase.AWAITING_PIN:
        return _pin(state, event, now, timings)
    if isinstance(event, ItemScanned) and state.phase in RETURNS_AT:
        return Transition(replace(state, phase=Phase.IDLE), (GiveBack(event.item_id),))
    if isinstance(event, Cancelled):
        return Transition(IDLE)
    return Transition(state)


def _tick(state: CheckoutState, now: float, timings: Timings) -> Transition:
    if state.deadline is None or now < state.deadline:
        return Transition(state)
    if state.phase in LOGGED_IN:
        return _finish(state, now, timings)
    return Transition(IDLE)


def _more_time(state: CheckoutState, now: float, timings: Timings) -> Transition:
    """The countdown on screen starts again from its whole time."""
    whole = {Phase.AWAITING_PIN: timings.pin_timeout_s, Phase.RECEIPT: timings.receipt_s,
             Phase.REFUSED: timings.refused_s, Phase.IDLE: timings.returned_s}.get(state.phase)
    if state.deadline is None or whole is None:
        return Transition(state)
    return Transition(replace(state, deadline=max(state.deadline, now + whole)))


def _language(state: CheckoutState, language: Lang, now: float, timings: Timings) -> Transition:
    chosen = replace(state, language=language)
    if state.phase in LOGGED_IN:  # a touch like any other: the session goes on
        return Transition(replace(chosen, deadline=now + timings.inactivity_s))
    if state.phase is Phase.IDLE:  # nobody logged in: back to the default when left alone
        deadline = max(state.deadline or 0.0, now + timings.language_s)
        return Transition(replace(chosen, deadline=deadline))
    return Transition(chosen)


def _card(state: CheckoutState, read: CardRead, now: float, timings: Timings) -> Transition:
    if state.phase is Phase.CHECKING:
        return Transition(state)
    effects: tuple[Effect, ...] = ()
    language = state.language if state.phase in (Phase.IDLE, Phase.REFUSED) else None
    if state.phase in LOGGED_IN:
        ended = _finish(state, now, timings)
        if state.read is not None and state.read.value == read.value:
            return ended  # your own card again: log out
        effects = ended.effects  # the next patron's card: close the open session first
    waiting = CheckoutState(Phase.AWAITING_PIN, read=read, deadline=now + timings.pin_timeout_s,
                            language=language)
    return Transition(waiting, effects)


def _pin(state: CheckoutState, event: Event, now: float, timings: Timings) -> Transition:
    deadline = now + timings.pin_timeout_s
    match event:
        case PinDigit(digit=d) if is_pin_digit(d):
            digits = (state.digits + d)[: timings.pin_length]
            moved = replace(state, digits=digits, deadline=deadline)
            if len(digits) == timings.pin_length:
                return _submit(moved)
            return Transition(moved, (Beep("key"),))
        case PinErased():
            return Transition(replace(state, digits=state.digits[:-1], deadline=deadline))
        case PinSubmitted() if state.digits:
            return _submit(state)
        case Cancelled():
            return Transition(IDLE)
    return Transition(state)


def _submit(state: CheckoutState) -> Transition:
    assert state.read is not None  # AWAITING_PIN always holds its card
    checking = replace(state, phase=Phase.CHECKING, digits="", deadline=None)
    return Transition(checking, (LogIn(state.read, state.digits),))


def _in_session(
    state: CheckoutState, event: Event, now: float, timings: Timings
) -> Transition:
    patron = state.patron
    assert patron is not None  # LOGGED_IN phases always hold their patron
    match event:
        case ItemScanned(item_id=item_id) if state.pending_fee is not None:
            # Heard, and kept: the screen says it waits for the answer to the fee question.
            return Transition(replace(state, queued=(*state.queued, item_id)), (Beep("key"),))
        case ItemScanned(item_id=item_id):
            return Transition(state, (_item_effect(state, patron, item_id),))
        case FeeAnswered(accepted=accepted) if state.pending_fee is not None:
            item_id = state.pending_fee
            cleared = replace(state, pending_fee=None,
                              lines=_fee_answered(state.lines, item_id, accepted))
            if accepted:  # the loan's answer releases the waiting scans
                return Transition(cleared, (Borrow(patron, item_id, fee_ack=True),))
            return _release_queue(cleared)
        case AccountRequested():
            return Transition(replace(state, phase=Phase.ACCOUNT), (LoadAccount(patron),))
        case ItemsRequested():
            return Transition(replace(state, phase=Phase.SESSION))
        case RenewRequested(item_ids=ids):
            return Transition(state, tuple(Renew(patron, i) for i in ids))
        case FinishRequested() | Cancelled():
            return _finish(state, now, timings)
    return Transition(state)


def _item_effect(state: CheckoutState, patron: PatronSession, item_id: str) -> Effect:
    if _has_on_loan(state, item_id):
        return Renew(patron, item_id)  # rescan = renewal
    return Borrow(patron, item_id)


def _fee_answered(lines: tuple[ItemLine, ...], item_id: str,
                  accepted: bool) -> tuple[ItemLine, ...]:
    """The list once the fee question is answered: the question line goes (accepted: the loan
    line comes with the loan's answer), or says the item was not borrowed."""
    out: list[ItemLine] = []
    for line in lines:
        if line.item_id == item_id and line.needs_fee_ack:
            if not accepted:
                out.append(replace(line, kind="refused", refusal=Refusal.FEE_DECLINED))
            continue
        out.append(line)
    return tuple(out)


def _release_queue(state: CheckoutState) -> Transition:
    """The next waiting scan, once no fee question is open."""
    if state.pending_fee is not None or not state.queued or state.patron is None:
        return Transition(state)
    item_id, rest = state.queued[0], state.queued[1:]
    waiting = replace(state, queued=rest)
    return Transition(waiting, (_item_effect(waiting, state.patron, item_id),))


def _has_on_loan(state: CheckoutState, item_id: str) -> bool:
    on_loan = {loan.item_id for loan in state.account.loans} if state.account else set()
    on_loan |= {line.item_id for line in state.lines if line.ok}
    return item_id in on_loan


def _finish(state: CheckoutState, now: float, timings: Timings) -> Transition:
    if state.patron is None:
        return Transition(IDLE)
    receipt = CheckoutState(Phase.RECEIPT, lines=state.lines, deadline=now + timings.receipt_s,
                            language=state.language)  # the receipt in the patron's language
    return Transition(receipt, (EndSession(state.patron, state.lines),))


def _answer(state: CheckoutState, event: Event, now: float, timings: Timings) -> Transition:
    match event:
        case LoggedIn(patron=patron, account=account) if state.phase is Phase.CHECKING:
            session = replace(state, phase=Phase.SESSION, patron=patron, account=account,
                              deadline=now + timings.inactivity_s)
            return Transition(session, (Beep("granted"),))
        case LoginRefused() if state.phase is Phase.CHECKING:
            refused = CheckoutState(Phase.REFUSED, refusal=event,
                                    deadline=now + timings.refused_s, language=state.language)
            return Transition(refused, (Beep("denied"),))
        case ItemDone(line=line) if state.phase in LOGGED_IN:
            pending = line.item_id if line.needs_fee_ack else state.pending_fee
            moved = replace(state, lines=(*state.lines, line), pending_fee=pending,
                            account=state.account.with_line(line) if state.account else None)
            beep: tuple[Effect, ...] = (Beep("granted" if line.ok else "denied"),)
            released = _release_queue(moved)
            return Transition(released.state, beep + released.effects)
        case AccountLoaded(account=account) if state.phase in LOGGED_IN:
            return Transition(replace(state, account=account))
        case Returned(line=line) if state.phase in RETURNS_AT:
            shown = CheckoutState(Phase.IDLE, returns=(*state.returns, line)[-10:],
                                  deadline=now + timings.returned_s, language=state.language)
            return Transition(shown, (Beep("granted" if line.ok else "denied"),))
    return Transition(state)


__all__ = [
    "IDLE",
    "LOGGED_IN",
    "RETURNS_AT",
    "AccountLoaded",
    "AccountRequested",
    "Borrow",
    "CheckoutState",
    "Effect",
    "EndSession",
    "Event",
    "FeeAnswered",
    "FinishRequested",
    "GiveBack",
    "ItemDone",
    "ItemScanned",
    "ItemsRequested",
    "LoadAccount",
    "LogIn",
    "LoggedIn",
    "LoginRefused",
    "Phase",
    "Renew",
    "RenewRequested",
    "Returned",
    "Timings",
    "Touched",
    "Transition",
    "step",
]

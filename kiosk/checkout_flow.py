"""The self-checkout flow: one explicit state machine, `step(state, event, now, timings)`.

Pure: no I/O and no clock of its own (`now` is monotonic seconds from the shell). Asking the
library system is an effect (LogIn, Borrow, Renew, GiveBack, LoadAccount, EndSession); the
shell (kiosk/checkout.py) carries it out against a Circulation and feeds the answer back as an
event (LoggedIn, ItemDone, ...). Deadlines live in the state and are checked on Tick: a
half-typed PIN or an open session never survives the next patron.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Final

from drivers.types import CardRead
from kiosk.circulation_types import Account, ItemLine, PatronSession, ReturnLine
from kiosk.flow import (
    Beep,
    Cancelled,
    CardPresented,
    LanguageChosen,
    PinDigit,
    PinErased,
    PinSubmitted,
    Tick,
)
from kiosk.reasons import Lang, Reason


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


# Events from the screen (besides the door flow's CardPresented, PinDigit, PinErased,
# PinSubmitted, Cancelled, Tick and LanguageChosen, reused here).
@dataclass(frozen=True, slots=True)
class ItemScanned:
    item_id: str


@dataclass(frozen=True, slots=True)
class Touched:
    """Any touch on the screen: the patron is still there."""


@dataclass(frozen=True, slots=True)
class AccountRequested:
    pass


@dataclass(frozen=True, slots=True)
class ItemsRequested:
    """Back from the account view to scanning."""


@dataclass(frozen=True, slots=True)
class RenewRequested:
    item_ids: tuple[str, ...]
    """One item, or every loan for "renew all"."""


@dataclass(frozen=True, slots=True)
class FeeAnswered:
    accepted: bool


@dataclass(frozen=True, slots=True)
class FinishRequested:
    """"Done": log out and show the receipt."""


# Answers from the shell.
@dataclass(frozen=True, slots=True)
class LoggedIn:
    patron: PatronSession
    account: Account


@dataclass(frozen=True, slots=True)
class LoginRefused:
    reason: Reason
    attempts_left: int | None = None


@dataclass(frozen=True, slots=True)
class ItemDone:
    line: ItemLine


@dataclass(frozen=True, slots=True)
class AccountLoaded:
    account: Account


@dataclass(frozen=True, slots=True)
class Returned:
    line: ReturnLine


Event = (
    CardPresented | PinDigit | PinErased | PinSubmitted | Cancelled | Tick | ItemScanned | Touched
    | LanguageChosen | AccountRequested | ItemsRequested | RenewRequested | FeeAnswered
    | FinishRequested | LoggedIn | LoginRefused | ItemDone | AccountLoaded | Returned
)


# Effects for the shell.
@dataclass(frozen=True, slots=True)
class LogIn:
    read: CardRead
    pin: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class Borrow:
    patron: PatronSession
    item_id: str
    fee_ack: bool = False


@dataclass(frozen=True, slots=True)
class Renew:
    patron: PatronSession
    item_id: str


@dataclass(frozen=True, slots=True)
class GiveBack:
    item_id: str


@dataclass(frozen=True, slots=True)
class LoadAccount:
    patron: PatronSession


@dataclass(frozen=True, slots=True)
class EndSession:
    patron: PatronSession
    lines: tuple[ItemLine, ...]
    """What the receipt shows (and prints, when a printer is configured)."""


Effect = LogIn | Borrow | Renew | GiveBack | LoadAccount | EndSession | Beep


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
    if state.phase in LOGGED_IN:
        active = replace(state, deadline=now + timings.inactivity_s)
        return _in_session(active, event, now, timings)
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
        case PinDigit(digit=d) if d.isdigit() and len(d) == 1:
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
        case ItemScanned(item_id=item_id) if state.pending_fee is None:
            if _has_on_loan(state, item_id):
                return Transition(state, (Renew(patron, item_id),))  # rescan = renewal
            return Transition(state, (Borrow(patron, item_id),))
        case FeeAnswered(accepted=accepted) if state.pending_fee is not None:
            cleared = replace(state, pending_fee=None)
            if accepted:
                return Transition(cleared, (Borrow(patron, state.pending_fee, fee_ack=True),))
            return Transition(cleared)
        case AccountRequested():
            return Transition(replace(state, phase=Phase.ACCOUNT), (LoadAccount(patron),))
        case ItemsRequested():
            return Transition(replace(state, phase=Phase.SESSION))
        case RenewRequested(item_ids=ids):
            return Transition(state, tuple(Renew(patron, i) for i in ids))
        case FinishRequested() | Cancelled():
            return _finish(state, now, timings)
    return Transition(state)


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
            pending = line.item_id if line.needs_fee_ack else None
            moved = replace(state, lines=(*state.lines, line), pending_fee=pending,
                            account=state.account.with_line(line) if state.account else None)
            return Transition(moved, (Beep("granted" if line.ok else "denied"),))
        case AccountLoaded(account=account) if state.phase in LOGGED_IN:
            return Transition(replace(state, account=account))
        case Returned(line=line) if state.phase in RETURNS_AT:
            shown = CheckoutState(Phase.IDLE, returns=(*state.returns, line)[-10:],
                                  deadline=now + timings.returned_s, language=state.language)
            return Transition(shown, (Beep("granted" if line.ok else "denied"),))
    return Transition(state)

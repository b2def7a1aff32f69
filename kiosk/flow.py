"""The door flow: one explicit state machine, `step(state, event, ctx) -> Transition`.

Pure apart from the two questions it asks `ctx` (screen a card, check a PIN), which read the
cache but write nothing. Writing the log, counting wrong PINs and pulsing the relay are
effects the shell carries out. Deadlines live in the state (monotonic seconds) and are checked
on Tick; the machine owns no timers. The UI and `kiosk attempt` both drive this.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Final, Protocol

from drivers.types import CardKind, CardRead
from kiosk.reasons import Lang, Reason
from kiosk.rules import Decision, PinResult
from kiosk.schedule import Mode


class Phase(StrEnum):
    IDLE = "idle"
    AWAITING_PIN = "awaiting_pin"
    GRANTED = "granted"
    DENIED = "denied"
    FIRE = "fire"
    TECHNICIAN_PIN = "technician_pin"
    """A long press in the screen corner asked for the technician PIN."""
    TECHNICIAN = "technician"
    """The technician screen (after the technician PIN or a technician card)."""


ACCEPTS_CARD: Final = frozenset({Phase.IDLE, Phase.AWAITING_PIN, Phase.GRANTED, Phase.DENIED})


@dataclass(frozen=True, slots=True)
class Evaluation:
    """What the access service found for a card (and PIN): read-only, nothing written yet."""

    kind: CardKind
    mode: Mode
    decision: Decision | None
    """None after screening a card: it may go on to the PIN."""
    needs_pin: bool = False
    credential_id: bytes | None = field(default=None, repr=False)
    patron_id: str | None = None
    patron_name: str = ""
    reservations_ready: int | None = None
    cache_age: timedelta | None = None
    at: datetime | None = None
    pin: PinResult = PinResult.NOT_ENTERED


class DoorContext(Protocol):
    @property
    def pin_length(self) -> int: ...

    @property
    def pin_timeout_s(self) -> float: ...

    @property
    def result_s(self) -> float:
        """How long a denial stays on screen."""
        ...

    @property
    def pulse_s(self) -> float: ...

    @property
    def technician_s(self) -> float:
        """How long the technician screen stays open before it returns to idle."""
        ...

    def monotonic(self) -> float: ...

    def screen_card(self, read: CardRead) -> Evaluation: ...

    def check_pin(self, read: CardRead, pin: str | None) -> Evaluation: ...

    def check_technician_pin(self, pin: str) -> bool: ...


# Events: facts from readers, the screen, the clock and door inputs.
@dataclass(frozen=True, slots=True)
class CardPresented:
    read: CardRead


@dataclass(frozen=True, slots=True)
class PinDigit:
    digit: str


@dataclass(frozen=True, slots=True)
class PinErased:
    pass


@dataclass(frozen=True, slots=True)
class PinSubmitted:
    pass


@dataclass(frozen=True, slots=True)
class Cancelled:
    pass


@dataclass(frozen=True, slots=True)
class Tick:
    pass


@dataclass(frozen=True, slots=True)
class LanguageChosen:
    language: Lang


@dataclass(frozen=True, slots=True)
class FireAlarm:
    on: bool
    release: bool = True
    """Config inputs.fire_action == "release": hold the door unlocked while it lasts."""


@dataclass(frozen=True, slots=True)
class TechnicianRequested:
    """A long press in the screen's corner: ask for the technician PIN."""


Event = (
    CardPresented | PinDigit | PinErased | PinSubmitted | Cancelled | Tick | LanguageChosen
    | FireAlarm | TechnicianRequested
)


# Effects: what the shell must do.
@dataclass(frozen=True, slots=True)
class PulseRelay:
    seconds: float


@dataclass(frozen=True, slots=True)
class HoldRelay:
    on: bool


@dataclass(frozen=True, slots=True)
class RecordAttempt:
    evaluation: Evaluation


@dataclass(frozen=True, slots=True)
class Beep:
    kind: str  # "granted" | "denied" | "key"


@dataclass(frozen=True, slots=True)
class DoorState:
    phase: Phase = Phase.IDLE
    read: CardRead | None = None
    digits: str = field(default="", repr=False)
    deadline: float | None = None
    """Monotonic time at which this screen gives way to idle."""
    evaluation: Evaluation | None = None
    """The last result (granted/denied) or, on the PIN screen, the last wrong PIN."""
    language: Lang | None = None
    """The patron's choice for this visit; None = the configured default."""


Effect = PulseRelay | HoldRelay | RecordAttempt | Beep


@dataclass(frozen=True, slots=True)
class Transition:
    state: DoorState
    effects: tuple[Effect, ...] = ()


IDLE: Final = DoorState()


def step(state: DoorState, event: Event, ctx: DoorContext) -> Transition:
    """Advance the door flow by one event."""
    match event:
        case FireAlarm(on=True, release=release):
            return Transition(DoorState(Phase.FIRE), (HoldRelay(True),) if release else ())
        case FireAlarm(on=False):
            if state.phase is Phase.FIRE:
                return Transition(IDLE, (HoldRelay(False),))
            return Transition(state)
        case _ if state.phase is Phase.FIRE:
            return Transition(state)
        case CardPresented(read=read):
            return _card(state, read, ctx)
        case LanguageChosen(language=language):
            return Transition(replace(state, language=language))
        case Tick():
            expired = state.deadline is not None and ctx.monotonic() >= state.deadline
            return Transition(IDLE) if expired else Transition(state)
        case Cancelled():
            return Transition(IDLE)
        case TechnicianRequested() if state.phase is Phase.IDLE:
            deadline = ctx.monotonic() + ctx.pin_timeout_s
            return Transition(DoorState(Phase.TECHNICIAN_PIN, deadline=deadline))
    keys = _KEY_HANDLERS.get(state.phase)
    return keys(state, event, ctx) if keys is not None else Transition(state)


def _card(state: DoorState, read: CardRead, ctx: DoorContext) -> Transition:
    keep = DoorState(language=state.language)
    evaluation = ctx.screen_card(read)
    if evaluation.decision is not None:
        return _result(keep, read, evaluation, ctx)
    if evaluation.needs_pin:
        deadline = ctx.monotonic() + ctx.pin_timeout_s
        return Transition(replace(keep, phase=Phase.AWAITING_PIN, read=read, deadline=deadline))
    return _result(keep, read, ctx.check_pin(read, None), ctx)


def _pin_event(state: DoorState, event: Event, ctx: DoorContext) -> Transition:
    deadline = ctx.monotonic() + ctx.pin_timeout_s
    match event:
        case PinDigit(digit=d) if d.isdigit() and len(d) == 1:
            digits = state.digits + d if len(state.digits) < ctx.pin_length else state.digits
            moved = replace(state, digits=digits, deadline=deadline)
            if len(digits) == ctx.pin_length:
                return _submit(moved, ctx)
            return Transition(moved, (Beep("key"),))
        case PinErased():
            return Transition(replace(state, digits=state.digits[:-1], deadline=deadline))
        case PinSubmitted() if state.digits:
            return _submit(state, ctx)
    return Transition(state)


MAX_TECHNICIAN_PIN: Final = 12


def _technician_pin_event(state: DoorState, event: Event, ctx: DoorContext) -> Transition:
    # No submit at a fixed length: that would tell an onlooker how long the PIN is.
    deadline = ctx.monotonic() + ctx.pin_timeout_s
    match event:
        case PinDigit(digit=d) if d.isdigit() and len(d) == 1:
            digits = (state.digits + d)[:MAX_TECHNICIAN_PIN]
            return Transition(replace(state, digits=digits, deadline=deadline), (Beep("key"),))
        case PinErased():
            return Transition(replace(state, digits=state.digits[:-1], deadline=deadline))
        case PinSubmitted() if state.digits:
            if ctx.check_technician_pin(state.digits):
                opened = DoorState(
                    Phase.TECHNICIAN, deadline=ctx.monotonic() + ctx.technician_s,
                    language=state.language,
                )
                return Transition(opened, (Beep("granted"),))
            return Transition(IDLE, (Beep("denied"),))
    return Transition(state)


_KEY_HANDLERS: Final = {
    Phase.AWAITING_PIN: _pin_event,
    Phase.TECHNICIAN_PIN: _technician_pin_event,
}
"""Phases in which PIN keys mean something, and what."""


def _submit(state: DoorState, ctx: DoorContext) -> Transition:
    assert state.read is not None  # AWAITING_PIN always holds the card it asks about
    evaluation = ctx.check_pin(state.read, state.digits)
    decision = evaluation.decision
    if decision is not None and decision.reason is Reason.WRONG_PIN:
        again = replace(
            state, digits="", evaluation=evaluation, deadline=ctx.monotonic() + ctx.pin_timeout_s
        )
        return Transition(again, (RecordAttempt(evaluation), Beep("denied")))
    return _result(DoorState(language=state.language), state.read, evaluation, ctx)


def _result(
    base: DoorState, read: CardRead, evaluation: Evaluation, ctx: DoorContext
) -> Transition:
    decision = evaluation.decision
    granted = decision is not None and decision.granted
    technician = granted and decision is not None and decision.technician
    now = ctx.monotonic()
    phase = Phase.GRANTED if granted else Phase.DENIED
    if technician:
        # A technician card opens the door and the technician screen at once.
        phase, hold = Phase.TECHNICIAN, ctx.technician_s
    else:
        hold = ctx.pulse_s if granted else ctx.result_s
    state = replace(base, phase=phase, read=read, evaluation=evaluation, deadline=now + hold)
    effects: list[Effect] = [RecordAttempt(evaluation)]
    if granted:
        effects.insert(0, PulseRelay(ctx.pulse_s))
    effects.append(Beep("granted" if granted else "denied"))
    return Transition(state, tuple(effects))

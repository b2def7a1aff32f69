"""The door flow: one explicit state machine, `step(state, event, now, settings) -> Transition`.

Pure: no I/O and no clock of its own (`now` is monotonic seconds from the shell). Questions for
the outside world are effects (ScreenCard, CheckPin, RecordAttempt, PulseRelay); the shell
(kiosk/door/controller.py) carries them out and feeds each answer back as an event
(CardScreened, PinChecked, EntryWritten, RelayAnswered). A grant becomes "door open" only after
its entry row is written and the relay has taken ON: no door opens without its row, and no
patron is told "open" at a door that stayed shut. Deadlines live in the state and are checked
on Tick; the machine owns no timers.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Final

from drivers.types import CardRead
from kiosk.access.service import EntryRef, Evaluation
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
from kiosk.reasons import Lang, Reason


class Phase(StrEnum):
    IDLE = "idle"
    CHECKING = "checking"
    """A question about the card or PIN is out (answered within the same shell call)."""
    AWAITING_PIN = "awaiting_pin"
    OPENING = "opening"
    """Granted: the entry row, then the relay, are being asked for."""
    GRANTED = "granted"
    DENIED = "denied"
    FIRE = "fire"
    TECHNICIAN_PIN = "technician_pin"
    """A long press in the screen corner asked for the technician PIN."""
    TECHNICIAN = "technician"
    """The technician screen (after the technician PIN or a technician card)."""


WAITING: Final = frozenset({Phase.CHECKING, Phase.OPENING})
"""Phases that wait for an answer from the shell; a Tick past the deadline gives up. Every
other phase (fire apart) takes a new card: the next patron need not wait for the screen."""


@dataclass(frozen=True, slots=True)
class DoorSettings:
    pin_length: int = 4
    pin_timeout_s: float = 30.0
    result_s: float = 8.0
    """How long a denial stays on screen."""
    pulse_s: float = 4.0
    default_language: Lang = "da"
    technician_s: float = 300.0
    """How long the technician screen stays open before it returns to idle."""
    technician_pin: str | None = field(default=None, repr=False)
    """From secrets.technician_pin_file; None = only a technician card opens that screen."""


# Events of the door besides kiosk.events: door inputs and the technician corner.
@dataclass(frozen=True, slots=True)
class FireAlarm:
    on: bool
    release: bool = True
    """Config inputs.fire_action == "release": hold the door unlocked while it lasts."""


@dataclass(frozen=True, slots=True)
class TechnicianRequested:
    """A long press in the screen's corner: ask for the technician PIN."""


# Answers from the shell, each to the effect named in its docstring.
@dataclass(frozen=True, slots=True)
class CardScreened:
    """ScreenCard's answer."""

    evaluation: Evaluation


@dataclass(frozen=True, slots=True)
class PinChecked:
    """CheckPin's answer."""

    evaluation: Evaluation


@dataclass(frozen=True, slots=True)
class EntryWritten:
    """RecordAttempt's answer: the row is committed, or (None) the database refused it."""

    entry: EntryRef | None


@dataclass(frozen=True, slots=True)
class RelayAnswered:
    """PulseRelay's answer: the relay took ON (the door is open), or it did not."""

    taken: bool


Event = (
    CardPresented | PinDigit | PinErased | PinSubmitted | Cancelled | Tick | LanguageChosen
    | MoreTime | FireAlarm | TechnicianRequested | CardScreened | PinChecked | EntryWritten
    | RelayAnswered
)


# Effects: what the shell must do.
@dataclass(frozen=True, slots=True)
class ScreenCard:
    read: CardRead


@dataclass(frozen=True, slots=True)
class CheckPin:
    read: CardRead
    pin: str | None = field(repr=False)
    """None: the mode needs no PIN, decide on the card alone."""


@dataclass(frozen=True, slots=True)
class RecordAttempt:
    evaluation: Evaluation


@dataclass(frozen=True, slots=True)
class AmendEntry:
    """The row of a grant the relay did not carry out: refused, as `evaluation` says."""

    entry: EntryRef
    evaluation: Evaluation


@dataclass(frozen=True, slots=True)
class PulseRelay:
    seconds: float


@dataclass(frozen=True, slots=True)
class HoldRelay:
    on: bool


@dataclass(frozen=True, slots=True)
class TechnicianPinTried:
    """For the log and the audit trail: whether the technician PIN was right (never the PIN)."""

    right: bool


Effect = (
    ScreenCard | CheckPin | RecordAttempt | AmendEntry | PulseRelay | HoldRelay | Beep
    | TechnicianPinTried
)


@dataclass(frozen=True, slots=True)
class DoorState:
    phase: Phase = Phase.IDLE
    read: CardRead | None = None
    digits: str = field(default="", repr=False)
    deadline: float | None = None
    """Monotonic time at which this screen gives way to idle."""
    evaluation: Evaluation | None = None
    """The last result (granted/denied) or, on the PIN screen, the last wrong PIN."""
    entry: EntryRef | None = None
    """While OPENING: the committed row of this grant."""
    language: Lang | None = None
    """The patron's choice for this visit; None = the configured default."""


@dataclass(frozen=True, slots=True)
class Transition:
    state: DoorState
    effects: tuple[Effect, ...] = ()


IDLE: Final = DoorState()


def step(state: DoorState, event: Event, now: float, settings: DoorSettings) -> Transition:
    """Advance the door flow by one event."""
    if isinstance(event, FireAlarm) or state.phase is Phase.FIRE:
        return _fire(state, event)
    match event:
        case CardScreened() | PinChecked() | EntryWritten() | RelayAnswered():
            return _answer(state, event, now, settings)
        case CardPresented(read=read) if state.phase not in WAITING:
            checking = DoorState(Phase.CHECKING, read=read, deadline=now + settings.pin_timeout_s,
                                 language=state.language)
            return Transition(checking, (ScreenCard(read),))
        case LanguageChosen(language=language):
            return Transition(replace(state, language=language))
        case MoreTime() if state.deadline is not None and phase_time(state.phase, settings):
            return Transition(replace(state, deadline=now + phase_time(state.phase, settings)))
        case Tick():
            expired = state.deadline is not None and now >= state.deadline
            return Transition(IDLE) if expired else Transition(state)
        case Cancelled() if state.phase not in WAITING:
            return Transition(IDLE)
        case TechnicianRequested() if state.phase is Phase.IDLE:
            asking = DoorState(Phase.TECHNICIAN_PIN, deadline=now + settings.pin_timeout_s)
            return Transition(asking)
    keys = _KEY_HANDLERS.get(state.phase)
    return keys(state, event, now, settings) if keys is not None else Transition(state)


def phase_time(phase: Phase, settings: DoorSettings) -> float:
    """The whole time a screen gives the patron (its countdown), 0 for a screen "more time" does
    not extend: the door's open time is the relay pulse, not the patron's."""
    return {
        Phase.AWAITING_PIN: settings.pin_timeout_s,
        Phase.TECHNICIAN_PIN: settings.pin_timeout_s,
        Phase.DENIED: settings.result_s,
        Phase.TECHNICIAN: settings.technician_s,
    }.get(phase, 0.0)


def _fire(state: DoorState, event: Event) -> Transition:
    """A fire alarm overrides everything; while it lasts, nothing else is heard but a language
    chosen (someone who reads neither Danish nor English must learn to leave)."""
    match event:
        case FireAlarm(on=True, release=release):
            return Transition(DoorState(Phase.FIRE, language=state.language),
                              (HoldRelay(True),) if release else ())
        case FireAlarm(on=False) if state.phase is Phase.FIRE:
            return Transition(IDLE, (HoldRelay(False),))
        case LanguageChosen(language=language) if state.phase is Phase.FIRE:
            return Transition(replace(state, language=language))
    return Transition(state)


def _answer(state: DoorState, event: Event, now: float, settings: DoorSettings) -> Transition:
    match event:
        case CardScreened(evaluation=evaluation) if state.phase is Phase.CHECKING:
            assert state.read is not None  # CHECKING always holds the card it asked about
            if evaluation.decision is not None:
                return _result(state, evaluation, now, settings)
            if evaluation.needs_pin:
                asking = replace(state, phase=Phase.AWAITING_PIN,
                                 deadline=now + settings.pin_timeout_s)
                return Transition(asking)
            return Transition(state, (CheckPin(state.read, None),))
        case PinChecked(evaluation=evaluation) if state.phase is Phase.CHECKING:
            decision = evaluation.decision
            if decision is not None and decision.reason is Reason.WRONG_PIN:
                again = replace(state, phase=Phase.AWAITING_PIN, digits="", evaluation=evaluation,
                                deadline=now + settings.pin_timeout_s)
                return Transition(again, (RecordAttempt(evaluation), Beep("denied")))
            return _result(state, evaluation, now, settings)
        case EntryWritten(entry=entry) if state.phase is Phase.OPENING:
            return _entry_written(state, entry, now, settings)
        case RelayAnswered(taken=taken) if state.phase is Phase.OPENING:
            return _relay_answered(state, taken, now, settings)
    return Transition(state)  # an answer to a question this state no longer asks


def _pin_event(state: DoorState, event: Event, now: float, settings: DoorSettings) -> Transition:
    deadline = now + settings.pin_timeout_s
    match event:
        case PinDigit(digit=d) if is_pin_digit(d):
            digits = state.digits + d if len(state.digits) < settings.pin_length else state.digits
            moved = replace(state, digits=digits, deadline=deadline)
            if len(digits) == settings.pin_length:
                return _submit(moved, now, settings)
            return Transition(moved, (Beep("key"),))
        case PinErased():
            return Transition(replace(state, digits=state.digits[:-1], deadline=deadline))
        case PinSubmitted() if state.digits:
            return _submit(state, now, settings)
    return Transition(state)


MAX_TECHNICIAN_PIN: Final = 12


def _technician_pin_event(
    state: DoorState, event: Event, now: float, settings: DoorSettings
) -> Transition:
    # No submit at a fixed length: that would tell an onlooker how long the PIN is.
    deadline = now + settings.pin_timeout_s
    match event:
        case PinDigit(digit=d) if is_pin_digit(d):
            digits = (state.digits + d)[:MAX_TECHNICIAN_PIN]
            return Transition(replace(state, digits=digits, deadline=deadline), (Beep("key"),))
        case PinErased():
            return Transition(replace(state, digits=state.digits[:-1], deadline=deadline))
        case PinSubmitted() if state.digits:
            expected = settings.technician_pin
            right = expected is not None and hmac.compare_digest(
                state.digits.encode(), expected.encode())
            if right:
                opened = DoorState(Phase.TECHNICIAN, deadline=now + settings.technician_s,
                                   language=state.language)
                return Transition(opened, (TechnicianPinTried(True), Beep("granted")))
            return Transition(IDLE, (TechnicianPinTried(False), Beep("denied")))
    return Transition(state)


_KEY_HANDLERS: Final = {
    Phase.AWAITING_PIN: _pin_event,
    Phase.TECHNICIAN_PIN: _technician_pin_event,
}
"""Phases in which PIN keys mean something, and what."""


def _submit(state: DoorState, now: float, settings: DoorSettings) -> Transition:
    assert state.read is not None  # AWAITING_PIN always holds the card it asks about
    checking = replace(state, phase=Phase.CHECKING, digits="",
                       deadline=now + settings.pin_timeout_s)
    return Transition(checking, (CheckPin(state.read, state.digits),))


def _result(
    state: DoorState, evaluation: Evaluation, now: float, settings: DoorSettings
) -> Transition:
    decision = evaluation.decision
    base = DoorState(read=state.read, evaluation=evaluation, language=state.language)
    if decision is not None and decision.granted:
        # The row first: a door never opens without its entry (reliability.md #7, #8).
        opening = replace(base, phase=Phase.OPENING, deadline=now + settings.pin_timeout_s)
        return Transition(opening, (RecordAttempt(evaluation),))
    denied = replace(base, phase=Phase.DENIED, deadline=now + settings.result_s)
    return Transition(denied, (RecordAttempt(evaluation), Beep("denied")))


def _entry_written(
    state: DoorState, entry: EntryRef | None, now: float, settings: DoorSettings
) -> Transition:
    assert state.evaluation is not None  # OPENING always holds its grant
    technician = _is_technician(state.evaluation)
    if entry is None:
        # The log refused the row: the door stays shut. A technician still gets the screen,
        # where the fault is shown.
        if technician:
            return _technician_screen(state, now, settings, ())
        refused = state.evaluation.refused(Reason.OUT_OF_SERVICE)
        denied = replace(state, phase=Phase.DENIED, evaluation=refused,
                         deadline=now + settings.result_s)
        return Transition(denied, (Beep("denied"),))
    return Transition(replace(state, entry=entry), (PulseRelay(settings.pulse_s),))


def _relay_answered(
    state: DoorState, taken: bool, now: float, settings: DoorSettings
) -> Transition:
    assert state.evaluation is not None  # OPENING always holds its grant
    assert state.entry is not None  # the relay is asked only once the row is written
    effects: tuple[Effect, ...] = ()
    evaluation = state.evaluation
    if not taken:
        evaluation = evaluation.refused(Reason.RELAY_FAULT)
        effects = (AmendEntry(state.entry, evaluation),)
    if _is_technician(state.evaluation):
        # The technician's screen opens either way (they are at the kiosk); what was decided
        # is what the relay did: `kiosk attempt` prints this evaluation.
        return _technician_screen(replace(state, evaluation=evaluation), now, settings, effects)
    if not taken:
        denied = replace(state, phase=Phase.DENIED, evaluation=evaluation, entry=None,
                         deadline=now + settings.result_s)
        return Transition(denied, (*effects, Beep("denied")))
    granted = replace(state, phase=Phase.GRANTED, entry=None, deadline=now + settings.pulse_s)
    return Transition(granted, (Beep("granted"),))


def _technician_screen(
    state: DoorState, now: float, settings: DoorSettings, effects: tuple[Effect, ...]
) -> Transition:
    opened = replace(state, phase=Phase.TECHNICIAN, entry=None,
                     deadline=now + settings.technician_s)
    return Transition(opened, (*effects, Beep("granted")))


def _is_technician(evaluation: Evaluation) -> bool:
    return evaluation.decision is not None and evaluation.decision.technician

"""The door state machine step(): scripted visits against a small fake DoorContext."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from drivers.types import CardKind, CardRead
from kiosk.flow import (
    IDLE,
    Beep,
    Cancelled,
    CardPresented,
    DoorState,
    Effect,
    Evaluation,
    Event,
    FireAlarm,
    HoldRelay,
    LanguageChosen,
    Phase,
    PinDigit,
    PinErased,
    PinSubmitted,
    PulseRelay,
    RecordAttempt,
    Tick,
    step,
)
from kiosk.reasons import Reason
from kiosk.rules import Decision, PinResult
from kiosk.schedule import Mode

READ = CardRead("door", CardKind.CPR, "1705901234", "170590-****")
OTHER = CardRead("door", CardKind.CARD, "3300001234", "******1234")
RIGHT_PIN = "1234"


def _eval(
    reason: Reason | None, pin: PinResult = PinResult.NOT_ENTERED,
    attempts_left: int | None = None, technician: bool = False,
) -> Evaluation:
    decision = None
    if reason is not None:
        decision = Decision(reason is Reason.OK, reason, "v1", attempts_left,
                            technician=technician)
    return Evaluation(CardKind.CPR, Mode.SELF_SERVICE, decision, needs_pin=reason is None,
                      patron_id="1000123", pin=pin)


NEEDS_PIN = _eval(None)
NO_PIN_NEEDED = Evaluation(CardKind.CPR, Mode.STAFFED, None)  # staffed card_only
GRANTED = _eval(Reason.OK, PinResult.RIGHT)
WRONG = _eval(Reason.WRONG_PIN, PinResult.WRONG, attempts_left=4)
LOCKED = _eval(Reason.PIN_LOCKED, PinResult.WRONG, attempts_left=0)
LOST = _eval(Reason.CARD_LOST)
TECHNICIAN = _eval(Reason.OK, technician=True)


@dataclass
class Advance:
    """Not an event: the test moves the fake monotonic clock."""

    seconds: float


@dataclass
class FakeDoor:
    """DoorContext with canned answers; records what the flow asked."""

    screened: Evaluation = NEEDS_PIN
    wrong: Evaluation = WRONG
    no_pin: Evaluation = GRANTED
    now: float = 1000.0
    pin_length: int = 4
    pin_timeout_s: float = 30.0
    result_s: float = 8.0
    pulse_s: float = 4.0
    technician_s: float = 300.0
    screens: list[CardRead] = field(default_factory=list)
    pins: list[str | None] = field(default_factory=list)

    def monotonic(self) -> float:
        return self.now

    def screen_card(self, read: CardRead) -> Evaluation:
        self.screens.append(read)
        return self.screened

    def check_pin(self, read: CardRead, pin: str | None) -> Evaluation:
        self.pins.append(pin)
        if pin is None:
            return self.no_pin
        return GRANTED if pin == RIGHT_PIN else self.wrong

    def check_technician_pin(self, pin: str) -> bool:
        return pin == "987654"


def play(ctx: FakeDoor, script: list[Event | Advance], state: DoorState = IDLE
         ) -> tuple[DoorState, tuple[Effect, ...]]:
    """Run the script; return the final state and the effects of the last event."""
    effects: tuple[Effect, ...] = ()
    for item in script:
        if isinstance(item, Advance):
            ctx.now += item.seconds
            continue
        transition = step(state, item, ctx)
        state, effects = transition.state, transition.effects
    return state, effects


def digits(pin: str) -> list[Event | Advance]:
    return [PinDigit(d) for d in pin]


CARD = CardPresented(READ)
ROWS: dict[str, tuple[dict[str, object], list[Event | Advance], Phase, tuple[Effect, ...]]] = {
    "card-awaits_pin": ({}, [CARD], Phase.AWAITING_PIN, ()),
    "card_pin-granted": (
        {}, [CARD, *digits(RIGHT_PIN)], Phase.GRANTED,
        (PulseRelay(4.0), RecordAttempt(GRANTED), Beep("granted")),
    ),
    "wrong_pin-stays_on_pin_screen": (
        {}, [CARD, *digits("0000")], Phase.AWAITING_PIN, (RecordAttempt(WRONG), Beep("denied")),
    ),
    "wrong_then_right": (
        {}, [CARD, *digits("0000"), *digits(RIGHT_PIN)], Phase.GRANTED,
        (PulseRelay(4.0), RecordAttempt(GRANTED), Beep("granted")),
    ),
    "fifth_wrong-locked-denied": (
        {"wrong": LOCKED}, [CARD, *digits("0000")], Phase.DENIED,
        (RecordAttempt(LOCKED), Beep("denied")),
    ),
    "lost_card-denied_before_pin": (
        {"screened": LOST}, [CARD], Phase.DENIED, (RecordAttempt(LOST), Beep("denied")),
    ),
    "no_pin_needed-granted_at_card": (
        {"screened": NO_PIN_NEEDED}, [CARD],
        Phase.GRANTED, (PulseRelay(4.0), RecordAttempt(GRANTED), Beep("granted")),
    ),
    "technician_card": (
        {"screened": TECHNICIAN}, [CARD], Phase.TECHNICIAN,
        (PulseRelay(4.0), RecordAttempt(TECHNICIAN), Beep("granted")),
    ),
    "pin_timeout-idle": ({}, [CARD, PinDigit("1"), Advance(30), Tick()], Phase.IDLE, ()),
    "pin_before_timeout-stays": (
        {}, [CARD, PinDigit("1"), Advance(29.9), Tick()], Phase.AWAITING_PIN, (),
    ),
    "digit_restarts_the_timeout": (
        {}, [CARD, Advance(20), PinDigit("1"), Advance(20), Tick()], Phase.AWAITING_PIN, (),
    ),
    "cancel-idle": ({}, [CARD, PinDigit("1"), Cancelled()], Phase.IDLE, ()),
    "denial_times_out": (
        {"screened": LOST}, [CARD, Advance(8), Tick()], Phase.IDLE, (),
    ),
    "granted_times_out_after_pulse": (
        {}, [CARD, *digits(RIGHT_PIN), Advance(4), Tick()], Phase.IDLE, (),
    ),
    "erase_then_right": (
        {}, [CARD, PinDigit("1"), PinDigit("9"), PinErased(), *digits("234")], Phase.GRANTED,
        (PulseRelay(4.0), RecordAttempt(GRANTED), Beep("granted")),
    ),
    "letters_ignored": (
        {}, [CARD, PinDigit("a"), PinDigit("12"), *digits(RIGHT_PIN)], Phase.GRANTED,
        (PulseRelay(4.0), RecordAttempt(GRANTED), Beep("granted")),
    ),
    "submit_short_pin": (
        {}, [CARD, *digits("12"), PinSubmitted()], Phase.AWAITING_PIN,
        (RecordAttempt(WRONG), Beep("denied")),
    ),
    "submit_nothing-no_op": ({}, [CARD, PinSubmitted()], Phase.AWAITING_PIN, ()),
    "fire-holds_relay": ({}, [FireAlarm(on=True)], Phase.FIRE, (HoldRelay(True),)),
    "fire-no_release": ({}, [FireAlarm(on=True, release=False)], Phase.FIRE, ()),
    "fire-ignores_cards": ({}, [FireAlarm(on=True), CARD], Phase.FIRE, ()),
    "fire-ignores_pin_screen": (
        {}, [CARD, PinDigit("1"), FireAlarm(on=True), *digits("234")], Phase.FIRE, (),
    ),
    "fire_over-idle_relay_off": (
        {}, [FireAlarm(on=True), FireAlarm(on=False)], Phase.IDLE, (HoldRelay(False),),
    ),
}


@pytest.mark.parametrize(("ctx_kw", "script", "phase", "effects"), ROWS.values(), ids=ROWS.keys())
def test_step(
    ctx_kw: dict[str, object], script: list[Event | Advance], phase: Phase,
    effects: tuple[Effect, ...],
) -> None:
    state, last = play(FakeDoor(**ctx_kw), script)  # type: ignore[arg-type]
    assert state.phase is phase
    assert last == effects


def test_wrong_pin_clears_digits_and_keeps_the_card() -> None:
    ctx = FakeDoor()
    state, _ = play(ctx, [CARD, *digits("0000")])
    assert (state.digits, state.read, state.evaluation) == ("", READ, WRONG)
    assert state.deadline == ctx.now + ctx.pin_timeout_s
    assert ctx.pins == ["0000"]


def test_granted_pulse_comes_first() -> None:
    _, effects = play(FakeDoor(), [CARD, *digits(RIGHT_PIN)])
    assert isinstance(effects[0], PulseRelay)


def test_timeout_and_cancel_forget_the_card_and_digits() -> None:
    for ending in ([Advance(30), Tick()], [Cancelled()]):
        state, _ = play(FakeDoor(), [CARD, *digits("12"), *ending])
        assert state == IDLE


def test_language_lasts_the_visit_and_resets_at_idle() -> None:
    ctx = FakeDoor()
    state, _ = play(ctx, [LanguageChosen("en"), CARD, *digits(RIGHT_PIN)])
    assert (state.phase, state.language) == (Phase.GRANTED, "en")
    state, _ = play(ctx, [Advance(ctx.pulse_s), Tick()], state)
    assert state == IDLE
    assert state.language is None


def test_fire_alarm_does_not_screen_cards() -> None:
    ctx = FakeDoor()
    play(ctx, [FireAlarm(on=True), CARD, CARD])
    assert ctx.screens == []


def test_a_new_card_on_the_pin_screen_starts_over() -> None:
    ctx = FakeDoor()
    state, _ = play(ctx, [CARD, *digits("12"), CardPresented(OTHER)])
    assert (state.phase, state.read, state.digits) == (Phase.AWAITING_PIN, OTHER, "")

"""The door state machine step(): scripted visits, questions answered by a small fake shell."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from drivers.types import CardKind, CardRead
from kiosk.access.rules import Decision, PinResult
from kiosk.access.service import EntryRef
from kiosk.door.flow import (
    IDLE,
    AmendEntry,
    CardScreened,
    CheckPin,
    DoorSettings,
    DoorState,
    Effect,
    EntryWritten,
    Evaluation,
    Event,
    FireAlarm,
    HoldRelay,
    Phase,
    PinChecked,
    PulseRelay,
    RecordAttempt,
    RelayAnswered,
    ScreenCard,
    TechnicianPinTried,
    TechnicianRequested,
    step,
)
from kiosk.events import (
    Beep,
    Cancelled,
    CardPresented,
    LanguageChosen,
    PinDigit,
    PinErased,
    PinSubmitted,
    Tick,
)
from kiosk.reasons import Reason
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


SETTINGS = DoorSettings(pin_length=4, pin_timeout_s=30.0, result_s=8.0, pulse_s=4.0,
                        technician_s=300.0, technician_pin="987654")


@dataclass
class FakeDoor:
    """The shell's part with canned answers: answers each question the flow asks, as the
    DoorController does, and records what was asked."""

    screened: Evaluation = NEEDS_PIN
    wrong: Evaluation = WRONG
    no_pin: Evaluation = GRANTED
    entry_written: bool = True
    relay_takes: bool = True
    now: float = 1000.0
    screens: list[CardRead] = field(default_factory=list)
    pins: list[str | None] = field(default_factory=list)
    asked: list[Effect] = field(default_factory=list)

    def answer(self, effect: Effect) -> Event | None:
        match effect:
            case ScreenCard(read=read):
                self.screens.append(read)
                return CardScreened(self.screened)
            case CheckPin(pin=pin):
                self.pins.append(pin)
                if pin is None:
                    return PinChecked(self.no_pin)
                return PinChecked(GRANTED if pin == RIGHT_PIN else self.wrong)
            case RecordAttempt():
                return EntryWritten(ENTRY if self.entry_written else None)
            case PulseRelay():
                return RelayAnswered(self.relay_takes)
        return None


ENTRY = EntryRef(7, "stat-7")
QUESTIONS = (ScreenCard, CheckPin)
"""Effects that only ask (the table below lists what the door does)."""


def play(ctx: FakeDoor, script: list[Event | Advance], state: DoorState = IDLE
         ) -> tuple[DoorState, tuple[Effect, ...]]:
    """Run the script, answering questions like the shell; return the final state and what
    the last event (with its answers) made the door do, questions left out."""
    effects: list[Effect] = []
    for item in script:
        if isinstance(item, Advance):
            ctx.now += item.seconds
            continue
        effects = []
        pending: list[Event] = [item]
        while pending:
            transition = step(state, pending.pop(0), ctx.now, SETTINGS)
            state = transition.state
            for effect in transition.effects:
                ctx.asked.append(effect)
                if not isinstance(effect, QUESTIONS):
                    effects.append(effect)
                answer = ctx.answer(effect)
                if answer is not None:
                    pending.append(answer)
    return state, tuple(effects)


def digits(pin: str) -> list[Event | Advance]:
    return [PinDigit(d) for d in pin]


CARD = CardPresented(READ)
ROWS: dict[str, tuple[dict[str, object], list[Event | Advance], Phase, tuple[Effect, ...]]] = {
    "card-awaits_pin": ({}, [CARD], Phase.AWAITING_PIN, ()),
    "card_pin-granted": (
        {}, [CARD, *digits(RIGHT_PIN)], Phase.GRANTED,
        (RecordAttempt(GRANTED), PulseRelay(4.0), Beep("granted")),
    ),
    "wrong_pin-stays_on_pin_screen": (
        {}, [CARD, *digits("0000")], Phase.AWAITING_PIN, (RecordAttempt(WRONG), Beep("denied")),
    ),
    "wrong_then_right": (
        {}, [CARD, *digits("0000"), *digits(RIGHT_PIN)], Phase.GRANTED,
        (RecordAttempt(GRANTED), PulseRelay(4.0), Beep("granted")),
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
        Phase.GRANTED, (RecordAttempt(GRANTED), PulseRelay(4.0), Beep("granted")),
    ),
    "technician_card": (
        {"screened": TECHNICIAN}, [CARD], Phase.TECHNICIAN,
        (RecordAttempt(TECHNICIAN), PulseRelay(4.0), Beep("granted")),
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
        (RecordAttempt(GRANTED), PulseRelay(4.0), Beep("granted")),
    ),
    "letters_ignored": (
        {}, [CARD, PinDigit("a"), PinDigit("12"), *digits(RIGHT_PIN)], Phase.GRANTED,
        (RecordAttempt(GRANTED), PulseRelay(4.0), Beep("granted")),
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
    assert state.deadline == ctx.now + SETTINGS.pin_timeout_s
    assert ctx.pins == ["0000"]


def test_a_grant_writes_its_row_before_the_relay_and_says_open_only_after_on() -> None:
    _, effects = play(FakeDoor(), [CARD, *digits(RIGHT_PIN)])
    assert [type(e) for e in effects] == [RecordAttempt, PulseRelay, Beep]


def test_no_row_no_door() -> None:
    # The entry log refused the row (disk full): the relay is never asked, the patron is told
    # the door is out of service.
    ctx = FakeDoor(entry_written=False)
    state, effects = play(ctx, [CARD, *digits(RIGHT_PIN)])
    assert not any(isinstance(e, PulseRelay) for e in ctx.asked)
    assert state.phase is Phase.DENIED
    assert state.evaluation is not None
    assert state.evaluation.decision is not None
    assert state.evaluation.decision.reason is Reason.OUT_OF_SERVICE
    assert effects == (RecordAttempt(GRANTED), Beep("denied"))


def test_a_relay_that_does_not_take_on_is_a_relay_fault_not_a_grant() -> None:
    state, effects = play(FakeDoor(relay_takes=False), [CARD, *digits(RIGHT_PIN)])
    assert state.phase is Phase.DENIED
    refused = GRANTED.refused(Reason.RELAY_FAULT)
    assert state.evaluation == refused
    assert effects == (RecordAttempt(GRANTED), PulseRelay(4.0), AmendEntry(ENTRY, refused),
                       Beep("denied"))


def test_a_technician_card_gets_the_screen_even_when_the_relay_fails() -> None:
    state, effects = play(FakeDoor(screened=TECHNICIAN, relay_takes=False), [CARD])
    assert state.phase is Phase.TECHNICIAN
    assert isinstance(effects[2], AmendEntry)


def test_answers_to_questions_no_longer_asked_are_ignored() -> None:
    for answer in (CardScreened(GRANTED), PinChecked(GRANTED), EntryWritten(ENTRY),
                   RelayAnswered(True)):
        assert step(IDLE, answer, 0.0, SETTINGS).state == IDLE


def test_a_question_never_answered_gives_up_at_its_deadline() -> None:
    checking = step(IDLE, CARD, 0.0, SETTINGS).state
    assert checking.phase is Phase.CHECKING
    assert step(checking, Tick(), SETTINGS.pin_timeout_s, SETTINGS).state == IDLE


@pytest.mark.parametrize(("pin", "right"), [("987654", True), ("98765", False),
                                            ("9876540", False)])
def test_technician_pin(pin: str, right: bool) -> None:
    state, effects = play(FakeDoor(), [TechnicianRequested(), *digits(pin), PinSubmitted()])
    assert state.phase is (Phase.TECHNICIAN if right else Phase.IDLE)
    assert effects[0] == TechnicianPinTried(right)


def test_arabic_indic_digits_are_not_pin_keys() -> None:
    state, _ = play(FakeDoor(), [CARD, PinDigit("\u0661"), PinDigit("\u00b2")])
    assert (state.phase, state.digits) == (Phase.AWAITING_PIN, "")


def test_timeout_and_cancel_forget_the_card_and_digits() -> None:
    for ending in ([Advance(30), Tick()], [Cancelled()]):
        state, _ = play(FakeDoor(), [CARD, *digits("12"), *ending])
        assert state == IDLE


def test_language_lasts_the_visit_and_resets_at_idle() -> None:
    ctx = FakeDoor()
    state, _ = play(ctx, [LanguageChosen("en"), CARD, *digits(RIGHT_PIN)])
    assert (state.phase, state.language) == (Phase.GRANTED, "en")
    state, _ = play(ctx, [Advance(SETTINGS.pulse_s), Tick()], state)
    assert state == IDLE
    assert state.language is None


def test_fire_alarm_does_not_screen_cards() -> None:
    ctx = FakeDoor()
    play(ctx, [FireAlarm(on=True), CARD, CARD])
    assert ctx.screens == []


def test_a_language_can_be_chosen_during_the_fire_alarm() -> None:
    # Issue 17: a visitor who reads neither Danish nor English must learn to leave.
    ctx = FakeDoor()
    state, effects = play(ctx, [LanguageChosen("uk"), FireAlarm(on=True)])
    assert (state.phase, state.language, effects) == (Phase.FIRE, "uk", (HoldRelay(True),))
    state, effects = play(ctx, [LanguageChosen("ar")], state)
    assert (state.phase, state.language, effects) == (Phase.FIRE, "ar", ())


def test_a_new_card_on_the_pin_screen_starts_over() -> None:
    ctx = FakeDoor()
    state, _ = play(ctx, [CARD, *digits("12"), CardPresented(OTHER)])
    assert (state.phase, state.read, state.digits) == (Phase.AWAITING_PIN, OTHER, "")

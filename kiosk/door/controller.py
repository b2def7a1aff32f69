"""The door shell: feeds events to the flow, carries out its effects, feeds the answers back.

Used by the Qt UI (through the controller worker) and by `kiosk attempt` / the headless demo
alike. Runs on one thread: callers hand it events in order. Faults found here (the relay, the
entry log, the cache, a reader) go to the one `Faults` owner, which the decisions read.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from typing import Protocol

from sqlalchemy.exc import SQLAlchemyError

from drivers.types import CardRead, ReaderState, ReaderStatus, Relay, RelayFault
from kiosk.access.service import AccessService, EntryRef, Evaluation
from kiosk.clock import Clock
from kiosk.door.flow import (
    IDLE,
    AmendEntry,
    CardScreened,
    CheckPin,
    DoorSettings,
    DoorState,
    Effect,
    EntryWritten,
    Event,
    HoldRelay,
    PinChecked,
    PulseRelay,
    RecordAttempt,
    RelayAnswered,
    ScreenCard,
    TechnicianPinTried,
    step,
)
from kiosk.events import Beep
from kiosk.health.faults import Faults
from kiosk.reasons import Reason

log = logging.getLogger(__name__)

RELAY: str = "relay"
ENTRY_LOG: str = "entry_log"
CACHE: str = "cache"


def reader_part(name: str) -> str:
    return f"reader {name}"


class DecisionObserver(Protocol):
    """Told of each finished decision and of the PIN-to-relay time (kiosk/metrics/events.py
    implements it for Prometheus); nothing personal: a reason code, a mode, seconds."""

    def decision(self, reason: str, mode: str, granted: bool, seconds: float | None) -> None: ...

    def pin_to_relay(self, seconds: float) -> None: ...


class DoorController:
    """Runs the door flow against the access service, the relay and the fault owner."""

    def __init__(
        self,
        access: AccessService,
        relay: Relay,
        clock: Clock,
        settings: DoorSettings,
        faults: Faults,
        on_beep: Callable[[str], None] | None = None,
        on_pulse: Callable[[float], None] | None = None,
        on_technician_pin: Callable[[bool], None] | None = None,
        observer: DecisionObserver | None = None,
    ) -> None:
        self.access = access
        self.relay = relay
        self.clock = clock
        self.settings = settings
        self.faults = faults
        self.state: DoorState = IDLE
        self._on_beep = on_beep
        self._on_pulse = on_pulse
        """Told of every unlock (the door monitor: an opening now is not forced)."""
        self._on_technician_pin = on_technician_pin
        self._observer = observer
        self._asked_s: float | None = None
        """How long the last question to the access service took (the decision's latency)."""
        self._pin_at: float | None = None
        """Monotonic time the last PIN went to the access service (PIN-to-relay latency)."""
        self._granted: Evaluation | None = None
        """A grant whose relay answer is awaited before it counts as decided."""

    def handle(self, event: Event) -> DoorState:
        """One event and every answer it leads to, in order; returns the resulting state."""
        pending: deque[Event] = deque([event])
        while pending:
            transition = step(self.state, pending.popleft(), self.clock.monotonic(),
                              self.settings)
            self.state = transition.state
            for effect in transition.effects:
                answer = self._execute(effect)
                if answer is not None:
                    pending.append(answer)
        return self.state

    def reader_status(self, status: ReaderStatus) -> None:
        """A door whose reader is gone cannot take a card: out of order until it is back."""
        part = reader_part(status.reader)
        if status.state is ReaderState.CONNECTED:
            self.faults.clear(part)
        else:
            self.faults.set(part, status.detail or str(status.state))

    @property
    def out_of_service(self) -> bool:
        return self.faults.out_of_service

    def _execute(self, effect: Effect) -> Event | None:
        """Carry out one effect; a question's answer comes back as the next event."""
        match effect:
            case ScreenCard(read=read):
                return CardScreened(self._ask(read, lambda: self.access.screen_card(read)))
            case CheckPin(read=read, pin=pin):
                self._pin_at = self.clock.monotonic()
                return PinChecked(self._ask(read, lambda: self.access.check_pin(read, pin)))
            case RecordAttempt(evaluation=evaluation):
                return EntryWritten(self._record(evaluation))
            case PulseRelay(seconds=seconds):
                return RelayAnswered(self._pulse(seconds))
        self._act(effect)
        return None

    def _act(self, effect: Effect) -> None:
        match effect:
            case AmendEntry(entry=entry, evaluation=evaluation):
                self._amend(entry, evaluation)
            case HoldRelay(on=on):
                self._switch(self.relay.on if on else self.relay.off)
            case Beep(kind=kind):
                if self._on_beep is not None:
                    self._on_beep(kind)
            case TechnicianPinTried(right=right):
                # Every use of the technician screen is logged; never the PIN itself.
                log.warning("technician PIN %s", "accepted" if right else "refused")
                if self._on_technician_pin is not None:
                    self._on_technician_pin(right)

    def _ask(self, read: CardRead, question: Callable[[], Evaluation]) -> Evaluation:
        """A cache that cannot be read is a fault; the patron is refused, never let in."""
        started = self.clock.monotonic()
        try:
            evaluation = question()
        except SQLAlchemyError as err:
            self.faults.set(CACHE, type(err).__name__)  # no text: SQL errors carry parameters
            now = self.clock.now()
            unanswered = Evaluation(read.kind, self.access.mode_at(now), None, at=now)
            return unanswered.refused(Reason.OUT_OF_SERVICE)
        self.faults.clear(CACHE)
        self._asked_s = self.clock.monotonic() - started
        return evaluation

    def _pulse(self, seconds: float) -> bool:
        try:
            self.relay.pulse(seconds)
        except RelayFault as err:
            self.faults.set(RELAY, str(err))
            return False  # the grant is counted when it is amended to relay_fault
        self.faults.clear(RELAY)
        self._observe_pulse()
        if self._on_pulse is not None:
            self._on_pulse(seconds)
        return True

    def _switch(self, action: Callable[[], None]) -> None:
        try:
            action()
        except RelayFault as err:
            self.faults.set(RELAY, str(err))
        else:
            self.faults.clear(RELAY)

    def _record(self, evaluation: Evaluation) -> EntryRef | None:
        try:
            entry = self.access.record(evaluation)
        except SQLAlchemyError as err:
            # The technician must see that the log is failing; self-service stops until it
            # works again, and a grant does not open the door (the flow refuses it).
            self.faults.set(ENTRY_LOG, type(err).__name__)
            self._observe(evaluation.refused(Reason.OUT_OF_SERVICE))
            return None
        self.faults.clear(ENTRY_LOG)
        if evaluation.decision is not None and evaluation.decision.granted:
            self._granted = evaluation  # decided once the relay has answered
        else:
            self._observe(evaluation)
        return entry

    def _observe(self, evaluation: Evaluation) -> None:
        self._granted = None
        decision = evaluation.decision
        if self._observer is not None and decision is not None:
            self._observer.decision(str(decision.reason), str(evaluation.mode),
                                    decision.granted, self._asked_s)

    def _observe_pulse(self) -> None:
        if self._granted is not None:
            self._observe(self._granted)
        if self._observer is not None and self._pin_at is not None:
            self._observer.pin_to_relay(self.clock.monotonic() - self._pin_at)
        self._pin_at = None

    def _amend(self, entry: EntryRef, evaluation: Evaluation) -> None:
        self._observe(evaluation)  # a grant the relay could not carry out
        self._pin_at = None
        try:
            self.access.amend(entry, evaluation)
        except SQLAlchemyError as err:
            self.faults.set(ENTRY_LOG, type(err).__name__)


"""The door shell: feeds events to the flow and carries out its effects (relay, log, sound).

Used by the Qt UI (through its bridge) and by `kiosk attempt` / the headless demo alike.
Runs on one thread: callers hand it events in order.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError

from drivers.types import CardRead, Relay, RelayFault
from kiosk.access import AccessService
from kiosk.clock import Clock
from kiosk.flow import (
    IDLE,
    Beep,
    DoorState,
    Effect,
    Evaluation,
    Event,
    HoldRelay,
    PulseRelay,
    RecordAttempt,
    step,
)
from kiosk.reasons import Lang

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DoorSettings:
    pin_length: int = 4
    pin_timeout_s: float = 30.0
    result_s: float = 8.0
    pulse_s: float = 4.0
    default_language: Lang = "da"
    technician_s: float = 300.0
    technician_pin: str | None = field(default=None, repr=False)
    """From secrets.technician_pin_file; None = only a technician card opens that screen."""


class DoorController:
    """Implements the flow's DoorContext and executes its effects."""

    def __init__(
        self,
        access: AccessService,
        relay: Relay,
        clock: Clock,
        settings: DoorSettings,
        on_change: Callable[[DoorState], None] | None = None,
        on_beep: Callable[[str], None] | None = None,
        on_pulse: Callable[[float], None] | None = None,
    ) -> None:
        self.access = access
        self.relay = relay
        self.clock = clock
        self.settings = settings
        self.state: DoorState = IDLE
        self.faults: dict[str, str] = {}
        """Current faults by source ("relay", "entry_log", reader names): shown to technicians."""
        self._on_change = on_change
        self._on_beep = on_beep
        self.on_pulse = on_pulse
        """Told of every unlock (the door monitor: an opening now is not forced)."""

    # DoorContext
    @property
    def pin_length(self) -> int:
        return self.settings.pin_length

    @property
    def pin_timeout_s(self) -> float:
        return self.settings.pin_timeout_s

    @property
    def result_s(self) -> float:
        return self.settings.result_s

    @property
    def pulse_s(self) -> float:
        return self.settings.pulse_s

    @property
    def technician_s(self) -> float:
        return self.settings.technician_s

    @property
    def default_language(self) -> Lang:
        return self.settings.default_language

    def monotonic(self) -> float:
        return self.clock.monotonic()

    def screen_card(self, read: CardRead) -> Evaluation:
        return self.access.screen_card(read)

    def check_pin(self, read: CardRead, pin: str | None) -> Evaluation:
        return self.access.check_pin(read, pin)

    def check_technician_pin(self, pin: str) -> bool:
        expected = self.settings.technician_pin
        right = expected is not None and hmac.compare_digest(pin.encode(), expected.encode())
        # Every use of the technician screen is logged (issue 5); never the PIN itself.
        if right:
            log.warning("technician screen opened with the technician PIN")
        else:
            log.warning("technician PIN refused")
        return right

    # Shell
    def handle(self, event: Event) -> DoorState:
        transition = step(self.state, event, self)
        changed = transition.state != self.state
        self.state = transition.state
        for effect in transition.effects:
            self._execute(effect)
        if (changed or transition.effects) and self._on_change is not None:
            self._on_change(self.state)
        return self.state

    def _execute(self, effect: Effect) -> None:
        match effect:
            case PulseRelay(seconds=seconds):
                self._relay(lambda: self.relay.pulse(seconds))
                if self.on_pulse is not None:
                    self.on_pulse(seconds)
            case HoldRelay(on=on):
                self._relay(self.relay.on if on else self.relay.off)
            case RecordAttempt(evaluation=evaluation):
                self._record(evaluation)
            case Beep(kind=kind):
                if self._on_beep is not None:
                    self._on_beep(kind)

    def _relay(self, action: Callable[[], None]) -> None:
        try:
            action()
        except RelayFault as err:
            if "relay" not in self.faults:
                log.error("relay fault: %s", err)  # noqa: TRY400 - one line, no traceback spam
            self.faults["relay"] = str(err)
        else:
            if self.faults.pop("relay", None) is not None:
                log.info("relay recovered")

    def _record(self, evaluation: Evaluation) -> None:
        try:
            self.access.record(evaluation)
        except SQLAlchemyError as err:
            # The decision stands (it was made from the cache); the technician must see that
            # the log is failing, and self-service stops until it works again.
            if "entry_log" not in self.faults:
                # no traceback: SQL errors carry bound parameters
                log.error("entry log write failed: %s", type(err).__name__)  # noqa: TRY400
            self.faults["entry_log"] = type(err).__name__
        else:
            if self.faults.pop("entry_log", None) is not None:
                log.info("entry log writes recovered")

    @property
    def out_of_service(self) -> bool:
        return bool(self.faults)

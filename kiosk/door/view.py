"""What the door screen shows: the flow's state plus the branch's situation. Plain data, no Qt.

`screen_for` only picks which picture fits a state (idle vs closed vs out of order); every
decision about access was made by the flow before it gets here. `AmbientSource` gathers the
branch's situation (mode, hours, next opening, cache age, faults); the cache age is a database
read, refreshed at most every `refresh_s` seconds and whenever `invalidate()` is called.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from kiosk.access.rules import cache_stale
from kiosk.config.models import DayRules
from kiosk.door.controller import DoorController
from kiosk.door.flow import DoorSettings, DoorState, Phase, phase_time
from kiosk.reasons import Lang
from kiosk.schedule import Mode


class ScreenKind(StrEnum):
    IDLE = "idle"
    CLOSED = "closed"
    OUT_OF_ORDER = "out_of_order"
    FIRE = "fire"
    PIN = "pin"
    TECHNICIAN_PIN = "technician_pin"
    GRANTED = "granted"
    DENIED = "denied"
    TECHNICIAN = "technician"


@dataclass(frozen=True, slots=True)
class Ambient:
    """The branch right now, as the idle and notice screens show it."""

    branch: str
    now: datetime
    mode: Mode
    today: DayRules
    next_opening: datetime | None = None
    cache_age: timedelta | None = None
    offline: bool = False
    """A central system is configured and the last sync is overdue."""
    stale_deny: bool = False
    """The cache is too old and the stale policy is deny_all: nobody gets in."""
    faults: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ScreenView:
    kind: ScreenKind
    state: DoorState
    ambient: Ambient
    lang: Lang
    pin_length: int = 4
    remaining_s: float | None = None
    """Seconds until the flow's deadline sends this screen back to idle."""
    total_s: float | None = None


_BY_PHASE = {
    Phase.FIRE: ScreenKind.FIRE,
    Phase.AWAITING_PIN: ScreenKind.PIN,
    Phase.TECHNICIAN_PIN: ScreenKind.TECHNICIAN_PIN,
    Phase.GRANTED: ScreenKind.GRANTED,
    Phase.DENIED: ScreenKind.DENIED,
    Phase.TECHNICIAN: ScreenKind.TECHNICIAN,
}


def screen_for(state: DoorState, ambient: Ambient) -> ScreenKind:
    kind = _BY_PHASE.get(state.phase)
    if kind is not None:
        return kind
    if ambient.faults or ambient.stale_deny:
        return ScreenKind.OUT_OF_ORDER
    if ambient.mode is Mode.CLOSED:
        return ScreenKind.CLOSED
    return ScreenKind.IDLE


def door_view(state: DoorState, ambient: Ambient, settings: DoorSettings, now: float) -> ScreenView:
    """What the door screen shows for `state` at monotonic time `now`."""
    total = settings.pulse_s if state.phase is Phase.GRANTED else phase_time(state.phase,
                                                                              settings)
    remaining = state.deadline - now if state.deadline is not None else None
    return ScreenView(
        kind=screen_for(state, ambient),
        state=state,
        ambient=ambient,
        lang=state.language or settings.default_language,
        pin_length=settings.pin_length,
        remaining_s=remaining,
        total_s=total or None,
    )


class AmbientSource:
    refresh_s: float = 30.0

    def __init__(self, controller: DoorController) -> None:
        self._controller = controller
        """Read for its access service (replaced on a config reload), clock and faults."""
        self._age: timedelta | None = None
        self._age_read_at: float | None = None

    def invalidate(self) -> None:
        self._age_read_at = None

    def snapshot(self) -> Ambient:
        access = self._controller.access
        clock = self._controller.clock
        config = access.config
        now = clock.now()
        mono = clock.monotonic()
        if self._age_read_at is None or mono - self._age_read_at >= self.refresh_s:
            with access.sessions() as session:
                self._age = access.cache_age(session, now)
            self._age_read_at = mono
        age = self._age
        central = config.central
        online_expected = central.kind != "none"
        overdue = age is None or age > central.sync_interval * 2
        # The decisions' own test: the screen says so before anybody tries.
        stale_deny = cache_stale(central, age, access.clock_trust.trusted)
        mode = access.mode_at(now)
        local_day = now.astimezone(access.calendar.tz).date()
        return Ambient(
            branch=config.kiosk.branch,
            now=now,
            mode=mode,
            today=access.calendar.rules_for(local_day),
            next_opening=access.calendar.next_opening(now) if mode is Mode.CLOSED else None,
            cache_age=age,
            offline=online_expected and overdue,
            stale_deny=stale_deny,
            faults=self._controller.faults.door_messages(),
        )

"""What a screen renders: the flow's state plus the branch's situation. Plain data, no Qt.

`screen_for` only picks which picture fits a state (idle vs closed vs out of order); every
decision about access was made by the flow before it gets here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from kiosk.config.models import DayRules
from kiosk.flow import DoorState, Phase
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

"""The building's rules as plain frozen values, made from the config once (and by tests
directly): each output's value per mode, the actions at offsets, the alarm and occupancy rules.
Pure; no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from types import MappingProxyType
from typing import Final, Literal

from kiosk.config.models import KioskConfig
from kiosk.schedule import Mode

When = Literal["always", "empty", "occupied"]
CLOSING: Final = "closing"
"""The built-in announcement said at calendar.announce_closing_minutes."""


@dataclass(frozen=True, slots=True)
class OutputRule:
    name: str
    values: Mapping[Mode, bool]
    """On or off in each mode."""
    fire: bool | None = None
    """The value while the fire alarm is on; None keeps whatever the calendar says."""

    def value(self, mode: Mode) -> bool:
        return self.values.get(mode, False)


@dataclass(frozen=True, slots=True)
class Action:
    """A [[calendar.actions]] entry: switch `output` to `on`, or say `announce`, at `at` from
    each change into `into` (from `from_`, when given)."""

    into: Mode
    at: timedelta = timedelta(0)
    from_: Mode | None = None
    output: str | None = None
    on: bool | None = None
    announce: str | None = None
    when: When = "always"

    def matches(self, before: Mode, after: Mode) -> bool:
        return after is self.into and (self.from_ is None or before is self.from_)


AlarmKind = Literal["forced_open", "held_open", "fire_alarm", "tailgating_suspected"]


@dataclass(frozen=True, slots=True)
class BuildingSettings:
    outputs: tuple[OutputRule, ...] = ()
    actions: tuple[Action, ...] = ()
    closing_minutes: tuple[int, ...] = ()
    late_by: timedelta = timedelta(seconds=60)
    reset_after: timedelta = timedelta(minutes=60)
    siren: str | None = None
    siren_s: float = 60.0
    siren_on: frozenset[str] = frozenset({"forced_open", "held_open"})
    alarm_modes: frozenset[Mode] = frozenset({Mode.SELF_SERVICE, Mode.CLOSED})
    notify_on: frozenset[str] = frozenset({"forced_open", "held_open", "fire_alarm"})
    tailgating_announcement: str | None = None
    entries_from: Literal["grants", "counter"] = "grants"
    exits_from: Literal["exit_button", "counter"] = "exit_button"
    exit_release_s: float = 4.0
    """How long the door is released for a request to exit (the door relay's pulse)."""
    fire_release: bool = True
    """inputs.fire_action == "release": the door is held open by the door flow meanwhile."""
    settle_s: float = 3.0
    """After the door closed and the last unlock window ended, people-counter pulses that
    belong to the same opening still arrive (the sensor is behind the door)."""
    output_names: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "output_names", tuple(o.name for o in self.outputs))

    def rule(self, name: str) -> OutputRule | None:
        return next((o for o in self.outputs if o.name == name), None)


def building_settings(config: KioskConfig) -> BuildingSettings:
    outputs = tuple(
        OutputRule(name, MappingProxyType({m: o.value(str(m)) for m in Mode}),
                   None if o.fire == "keep" else o.fire == "on")
        for name, o in config.outputs.items()
    )
    actions = tuple(
        Action(into=Mode(a.into), at=a.at, from_=Mode(a.from_) if a.from_ else None,
               output=a.output, on=None if a.set is None else a.set == "on",
               announce=a.announce, when=a.when)
        for a in config.calendar.actions
    )
    alarms = config.alarms
    return BuildingSettings(
        outputs=outputs,
        actions=actions,
        closing_minutes=tuple(config.calendar.announce_closing_minutes),
        late_by=config.sound.late_by,
        reset_after=config.occupancy.reset_after,
        siren=alarms.siren or None,
        siren_s=alarms.siren_seconds,
        siren_on=frozenset(alarms.sound_on),
        alarm_modes=frozenset(Mode(m) for m in alarms.modes),
        notify_on=frozenset(alarms.notify_on) if alarms.notify_command else frozenset(),
        tailgating_announcement=alarms.tailgating_announcement or None,
        entries_from=config.occupancy.entries,
        exits_from=config.occupancy.exits,
        exit_release_s=config.relay.pulse_seconds,
        fire_release=config.inputs.fire_action == "release",
    )

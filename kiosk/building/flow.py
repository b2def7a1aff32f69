"""The building's state machine: `step(state, event, now, mono, timeline) -> Transition`.

Pure, like the door flow: events are facts (time passed, a grant, a door input, a door alarm,
the fire alarm); effects say what the shell must do (switch an output, say an announcement,
write a building event, run the notification command, release the door for someone leaving,
end the checkout session). After every event the plan for `now` is compared with what the
outputs were last told, so the outputs follow the calendar, the occupancy estimate, the fire
alarm and the siren alike. `now` is aware wall time, `mono` monotonic seconds (alarms, the
siren and the tailgating windows); the machine owns no timers: `Transition.wake_at` /
`wake_mono` say when it next wants a Tick.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from types import MappingProxyType
from typing import Final

from drivers.types import DoorEventKind
from kiosk.building.plan import Facts, Plan, last_reset, plan
from kiosk.building.tailgate import EntryWatch, Suspected
from kiosk.building.timeline import LOOKBACK, Timeline

ALARM_KINDS: Final = {DoorEventKind.FORCED_OPEN: "forced_open",
                      DoorEventKind.HELD_OPEN: "held_open"}


# -- events ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Tick:
    """Time passed (or the clock was stepped): bring everything to where it should be now."""


@dataclass(frozen=True, slots=True)
class Granted:
    """The door relay was pulsed for a grant at `at` (monotonic) for `seconds`."""

    at: float
    seconds: float


@dataclass(frozen=True, slots=True)
class DoorInput:
    """A door input or a door alarm (drivers.types.DoorEventKind) at `at` (monotonic)."""

    kind: DoorEventKind
    at: float


Event = Tick | Granted | DoorInput


# -- effects --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Switch:
    output: str
    on: bool
    why: str


@dataclass(frozen=True, slots=True)
class Say:
    announcement: str
    key: str
    """Done once: the shell writes it with the announcement (a unique key)."""
    minutes: int | None = None


@dataclass(frozen=True, slots=True)
class Record:
    """A building event row (no person in it); `kind` is also counted in `kiosk stats` where
    the shell says so (exits, alarms, tailgating)."""

    kind: str
    detail: str = ""
    count: int = 1


@dataclass(frozen=True, slots=True)
class EndIncident:
    """The open incident of `kind` (fire alarm, door alarm) ended now."""

    kind: str


@dataclass(frozen=True, slots=True)
class Notify:
    kind: str


@dataclass(frozen=True, slots=True)
class ReleaseDoor:
    """Pulse the door relay for someone leaving (request to exit)."""

    seconds: float


@dataclass(frozen=True, slots=True)
class EndCheckout:
    """The fire alarm ends the checkout session on the checkout screen."""


Effect = Switch | Say | Record | EndIncident | Notify | ReleaseDoor | EndCheckout


# -- state ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class BuildingState:
    occupancy: int = 0
    counted_since: datetime | None = None
    """The occupancy reset the estimate counts from (UTC)."""
    fire: bool = False
    sirens: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    """Door alarm kind -> monotonic end of its siren."""
    alarms: frozenset[str] = frozenset()
    """Door alarms in force (acted on): shown on the technician screen."""
    entries: EntryWatch = field(default_factory=EntryWatch)
    told: Mapping[str, bool] = field(default_factory=lambda: MappingProxyType({}))
    """What each output was last told (the shell's relays start off)."""
    done: Mapping[str, datetime] = field(default_factory=lambda: MappingProxyType({}))
    """Announcement key -> its moment (UTC): each is said once."""
    plan: Plan | None = None
    """The plan of the last step (the technician screen shows it)."""


@dataclass(frozen=True, slots=True)
class Transition:
    state: BuildingState
    effects: tuple[Effect, ...] = ()
    wake_at: datetime | None = None
    """Wall time of the next moment in the plan."""
    wake_mono: float | None = None
    """Monotonic time of the next siren end or tailgating judgement."""


def step(state: BuildingState, event: Event, now: datetime, mono: float,
         timeline: Timeline) -> Transition:
    """Advance the building by one event, then bring every output to its plan for `now`."""
    effects: list[Effect] = []
    match event:
        case Granted(at=at, seconds=seconds):
            state = _granted(state, at, seconds, timeline, effects)
        case DoorInput(kind=kind, at=at) if kind in ALARM_KINDS or \
                kind is DoorEventKind.HELD_OPEN_CLEARED:
            state = _alarm(state, kind, mono, now, timeline, effects)
        case DoorInput(kind=kind, at=at):
            state = _input(state, kind, at, timeline, effects)
    state = _reset_if_due(state, now, timeline, effects)
    state = _judge_entries(state, now, mono, timeline, effects)
    return _follow_plan(state, now, mono, timeline, effects)


def _granted(state: BuildingState, at: float, seconds: float, timeline: Timeline,
             effects: list[Effect]) -> BuildingState:
    if timeline.settings.entries_from == "grants":
        effects.append(Record("entry", "grant"))
        state = replace(state, occupancy=state.occupancy + 1)
    return replace(state, entries=state.entries.grant(at, seconds))


def _input(state: BuildingState, kind: DoorEventKind, at: float, timeline: Timeline,
           effects: list[Effect]) -> BuildingState:
    settings = timeline.settings
    entries = state.entries
    match kind:
        case DoorEventKind.OPENED:
            return replace(state, entries=entries.opened(at))
        case DoorEventKind.CLOSED:
            if "forced_open" in state.alarms:
                effects.append(EndIncident("forced_open"))
            return replace(state, entries=entries.closed(at),
                           alarms=state.alarms - {"forced_open"})
        case DoorEventKind.EXIT_REQUESTED:
            if not state.fire:  # the door is already released while the fire alarm lasts
                effects.append(ReleaseDoor(settings.exit_release_s))
            state = replace(state, entries=entries.exit_requested(at, settings.exit_release_s))
            return _out(state, "exit_button", effects) if settings.exits_from == "exit_button" \
                else state
        case DoorEventKind.PERSON_IN:
            state = replace(state, entries=entries.person_in())
            if settings.entries_from == "counter":
                effects.append(Record("entry", "counter"))
                state = replace(state, occupancy=state.occupancy + 1)
            return state
        case DoorEventKind.PERSON_OUT:
            return _out(state, "counter", effects) if settings.exits_from == "counter" else state
        case DoorEventKind.FIRE_ALARM_ON | DoorEventKind.FIRE_ALARM_OFF:
            return _fire(state, kind is DoorEventKind.FIRE_ALARM_ON, timeline, effects)
    return state


def _out(state: BuildingState, source: str, effects: list[Effect]) -> BuildingState:
    effects.append(Record("exit", source))
    return replace(state, occupancy=max(state.occupancy - 1, 0))


def _fire(state: BuildingState, on: bool, timeline: Timeline,
          effects: list[Effect]) -> BuildingState:
    if on == state.fire:
        return state
    if on:
        effects += [Record("fire_alarm", "door released" if timeline.settings.fire_release
                           else "door not released (inputs.fire_action)"), EndCheckout()]
        if "fire_alarm" in timeline.settings.notify_on:
            effects.append(Notify("fire_alarm"))
    else:
        effects.append(EndIncident("fire_alarm"))
    return replace(state, fire=on)


def _alarm(state: BuildingState, kind: DoorEventKind, mono: float, now: datetime,
           timeline: Timeline, effects: list[Effect]) -> BuildingState:
    settings = timeline.settings
    if kind is DoorEventKind.HELD_OPEN_CLEARED:
        if "held_open" not in state.alarms:
            return state
        effects.append(EndIncident("held_open"))
        sirens = {k: v for k, v in state.sirens.items() if k != "held_open"}
        return replace(state, alarms=state.alarms - {"held_open"},
                       sirens=MappingProxyType(sirens))
    name = ALARM_KINDS[kind]
    if state.fire or timeline.mode_at(now) not in settings.alarm_modes:
        return state  # doors stand open in a fire; staffed hours are the staff's
    effects.append(Record(name))
    if name in settings.notify_on:
        effects.append(Notify(name))
    sirens = dict(state.sirens)
    if settings.siren is not None and name in settings.siren_on:
        sirens[name] = mono + settings.siren_s
    return replace(state, alarms=state.alarms | {name}, sirens=MappingProxyType(sirens))


def _reset_if_due(state: BuildingState, now: datetime, timeline: Timeline,
                  effects: list[Effect]) -> BuildingState:
    reset = last_reset(timeline, now)
    if reset is None or (state.counted_since is not None and reset <= state.counted_since):
        return state
    if state.occupancy:
        effects.append(Record("occupancy_reset", f"estimate {state.occupancy} set to 0"))
    return replace(state, occupancy=0, counted_since=reset)


def _judge_entries(state: BuildingState, now: datetime, mono: float, timeline: Timeline,
                   effects: list[Effect]) -> BuildingState:
    settings = timeline.settings
    entries, suspected = state.entries.tick(mono, settings.entries_from == "counter",
                                            settings.settle_s)
    state = replace(state, entries=entries)
    if suspected is None:
        return state
    return _tailgate(state, suspected, now, timeline, effects)


def _tailgate(state: BuildingState, suspected: Suspected, now: datetime, timeline: Timeline,
              effects: list[Effect]) -> BuildingState:
    settings = timeline.settings
    effects.append(Record("tailgating_suspected",
                          f"{suspected.entries} entries on {suspected.grants} grant(s)",
                          count=suspected.extra))
    if "tailgating_suspected" in settings.notify_on:
        effects.append(Notify("tailgating_suspected"))
    if settings.tailgating_announcement is not None:
        effects.append(Say(settings.tailgating_announcement,
                           f"tailgating:{settings.tailgating_announcement}@{now.isoformat()}"))
    if settings.entries_from == "grants":  # the extra people are inside too
        effects += [Record("entry", "tailgate")] * suspected.extra
        return replace(state, occupancy=state.occupancy + suspected.extra)
    return state


def _follow_plan(state: BuildingState, now: datetime, mono: float, timeline: Timeline,
                 effects: list[Effect]) -> Transition:
    sirens = MappingProxyType({k: v for k, v in state.sirens.items() if v > mono})
    facts = Facts(state.occupancy, state.fire, bool(sirens), frozenset(state.done))
    current = plan(timeline, facts, now)
    told = dict(state.told)
    for name, target in current.outputs.items():
        if told.get(name) != target.on:
            effects.append(Switch(name, target.on, target.why))
            told[name] = target.on
    done = {k: at for k, at in state.done.items() if at > now - LOOKBACK}
    for moment in current.due:
        effects.append(Say(str(moment.announce), moment.key, moment.minutes))
        done[moment.key] = moment.at
    state = replace(state, sirens=sirens, told=MappingProxyType(told),
                    done=MappingProxyType(done), plan=current)
    monos = list(sirens.values())
    due = state.entries.due(timeline.settings.settle_s)
    if due is not None:
        monos.append(due)
    return Transition(state, tuple(effects), current.next_at, min(monos) if monos else None)

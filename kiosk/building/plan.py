"""Where every output should be now, and which announcements are due: `plan()`.

Pure: from the timeline (calendar + settings), the occupancy estimate, the fire alarm, the
siren and the announcements already made. Nothing here remembers what was switched: after a
restart or a clock step the plan for the new `now` is simply carried out again, so every
output goes to where it should be now, and `done` keeps each announcement to once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import MappingProxyType

from kiosk.building.timeline import LOOKBACK, Moment, Timeline
from kiosk.schedule import Mode

HORIZON = timedelta(hours=25)
"""How far ahead the next moment is looked for (a day and the longest offset)."""


@dataclass(frozen=True, slots=True)
class Target:
    on: bool
    why: str
    """What put it there: "closed+5m", "self_service", "fire_alarm", "door_alarm"."""


@dataclass(frozen=True, slots=True)
class Facts:
    occupancy: int = 0
    fire: bool = False
    siren: bool = False
    """A door alarm wants the siren on."""
    done: frozenset[str] = frozenset()
    """Keys of the announcements already made (Moment.key)."""


@dataclass(frozen=True, slots=True)
class Plan:
    mode: Mode
    outputs: Mapping[str, Target]
    due: tuple[Moment, ...]
    """Announcements to make now, in order."""
    next_at: datetime | None
    """The next instant at which the plan changes by time alone (UTC)."""


def plan(timeline: Timeline, facts: Facts, now: datetime) -> Plan:
    settings = timeline.settings
    moments = timeline.moments(now - LOOKBACK, now + HORIZON)
    past = [m for m in moments if m.at <= now]
    since = now - LOOKBACK
    baseline = timeline.mode_at(since)
    outputs: dict[str, Target] = {}
    for rule in settings.outputs:
        target = Target(rule.value(baseline), str(baseline))
        for m in past:
            if m.kind == "switch" and m.output == rule.name and m.on is not None \
                    and m.holds(facts.occupancy):
                target = Target(m.on, why(m))
        if facts.siren and rule.name == settings.siren:
            target = Target(True, "door_alarm")
        if facts.fire and rule.fire is not None:
            target = Target(rule.fire, "fire_alarm")
        outputs[rule.name] = target
    due = tuple(m for m in past if m.kind == "announce" and m.at > now - settings.late_by
                and m.key not in facts.done and m.holds(facts.occupancy))
    upcoming = [m.at for m in moments if m.at > now]
    return Plan(timeline.mode_at(now), MappingProxyType(outputs), due,
                min(upcoming) if upcoming else None)


def why(moment: Moment) -> str:
    """"closed", "closed+5m", "closed-15m" (the change and the offset)."""
    minutes = round(moment.offset.total_seconds() / 60)
    shift = f"{minutes:+d}m" if minutes else ""
    return f"{moment.change.after}{shift}"


def last_reset(timeline: Timeline, now: datetime) -> datetime | None:
    """The latest occupancy reset at or before `now` (within LOOKBACK), or None."""
    resets = [m.at for m in timeline.moments(now - LOOKBACK, now) if m.kind == "reset"]
    return max(resets) if resets else None

"""The building's next hours as a technician reads them (`kiosk check-config`, the technician
screen): each output switched and each announcement said, with the change it hangs on, and
what the building looks like now. Qt-free and word-light: output names, announcement names,
mode codes and times.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from kiosk.building.plan import Facts, plan
from kiosk.building.settings import building_settings
from kiosk.building.timeline import Moment, Timeline
from kiosk.config.models import KioskConfig
from kiosk.schedule import Calendar


@dataclass(frozen=True, slots=True)
class AgendaLine:
    at: datetime
    """Local time."""
    kind: str
    """"switch", "announce" or "reset"."""
    subject: str
    """The output or the announcement."""
    on: bool | None
    minutes: int | None
    """Closing announcements: the minutes left."""
    offset_min: int
    """Minutes after (+) or before (-) the change."""
    after: str
    """The mode the calendar changes into."""
    when: str = "always"

    def text(self) -> str:
        """"Tue 24.11 22:05  lights off if empty  (5 min after closed)" (check-config)."""
        cond = {"empty": " if empty", "occupied": " if occupied"}.get(self.when, "")
        return f"{self.at:%a %d.%m %H:%M}  {self.what()}{cond}  ({self.why()})"

    def what(self) -> str:
        if self.kind == "switch":
            return f"{self.subject} {'on' if self.on else 'off'}"
        if self.kind == "announce":
            return f"say {self.subject}" + (f" ({self.minutes} min)" if self.minutes else "")
        return "occupancy estimate to 0"

    def why(self) -> str:
        """"5 min after closed", "15 min before closed", "at self_service"."""
        if not self.offset_min:
            return f"at {self.after}"
        side = "after" if self.offset_min > 0 else "before"
        return f"{abs(self.offset_min)} min {side} {self.after}"


def agenda(timeline: Timeline, now: datetime, hours: int = 24) -> list[AgendaLine]:
    """What the building will do in the next `hours`, in order: the switches that change an
    output (a change of mode that leaves the lights on is no line), every conditional
    switch, every announcement and reset."""
    tz = timeline.calendar.tz
    current: dict[str, bool | None] = {
        name: t.on for name, t in plan(timeline, Facts(), now).outputs.items()}
    lines = []
    for m in timeline.moments(now, now + timedelta(hours=hours)):
        if m.kind == "switch" and m.output is not None:
            if m.when == "always" and current.get(m.output) == m.on:
                continue
            # After a switch that waits for a condition, nobody knows: show the next one.
            current[m.output] = m.on if m.when == "always" else None
        lines.append(_line(m, tz))
    return lines


def _line(m: Moment, tz: tzinfo) -> AgendaLine:
    subject = m.output or m.announce or ""
    return AgendaLine(m.at.astimezone(tz), m.kind, subject, m.on, m.minutes,
                      round(m.offset.total_seconds() / 60), str(m.change.after), m.when)


def config_agenda(config: KioskConfig, now: datetime, hours: int = 24) -> list[AgendaLine]:
    """The agenda of a config as loaded (its calendar with the library's feed laid over)."""
    return agenda(Timeline(Calendar(config.calendar), building_settings(config)), now, hours)


@dataclass(frozen=True, slots=True)
class OutputView:
    name: str
    on: bool | None
    """What the board took (None: no board)."""
    why: str
    """What the plan says put it there."""
    fault: str | None = None


@dataclass(frozen=True, slots=True)
class BuildingView:
    """The building now, for the technician screen, `kiosk status` and the metrics."""

    occupancy: int
    fire: bool
    alarms: tuple[str, ...]
    outputs: tuple[OutputView, ...]
    next_hours: tuple[AgendaLine, ...] = field(default=())

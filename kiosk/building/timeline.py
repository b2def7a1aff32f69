"""When things happen in the building: the calendar's changes of mode, and the moments hung on
them (an output switched, an announcement said, the occupancy estimate reset).

Pure: computed from the calendar and the building's settings. Instants are UTC, and offsets
are added in UTC, so "15 minutes before 03:00" on the night the clocks change is 15 real
minutes. A change at which an output has actions moves that output's own switch to the
actions' offsets (Redia's "each change can be offset N minutes"); every other output switches
at the change itself to its value for the new mode.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Final, Literal

from kiosk.building.settings import CLOSING, Action, BuildingSettings, When
from kiosk.schedule import Calendar, Mode, Period

LOOKBACK: Final = timedelta(days=2)
"""How far back the switch that holds now is looked for (further than any offset: 24 h)."""
_MEMO_DAYS: Final = 64


@dataclass(frozen=True, slots=True)
class Change:
    at: datetime
    """UTC."""
    before: Mode
    after: Mode
    until: datetime | None = None
    """When the mode it changes into ends (UTC), if known within the horizon."""


MomentKind = Literal["switch", "announce", "reset"]


@dataclass(frozen=True, slots=True)
class Moment:
    at: datetime
    """UTC."""
    kind: MomentKind
    change: Change
    offset: timedelta = timedelta(0)
    output: str | None = None
    on: bool | None = None
    announce: str | None = None
    minutes: int | None = None
    """Minutes left until the change (closing announcements say them)."""
    when: When = "always"

    @property
    def key(self) -> str:
        """Names this moment for "done once": the announcement and its instant."""
        name = self.announce or self.output or self.kind
        return f"{self.kind}:{name}@{self.at.strftime('%Y-%m-%dT%H:%M:%SZ')}"

    def holds(self, occupancy: int) -> bool:
        """Whether its condition holds for this occupancy estimate."""
        return (self.when == "always" or (self.when == "empty" and occupancy <= 0)
                or (self.when == "occupied" and occupancy > 0))


class Timeline:
    """The calendar's changes and the moments on them; per-day periods are remembered."""

    def __init__(self, calendar: Calendar, settings: BuildingSettings) -> None:
        self.calendar = calendar
        self.settings = settings
        self._days: dict[date, list[Period]] = {}
        self._changes: dict[date, list[Change]] = {}
        self._on: dict[Change, tuple[Moment, ...]] = {}

    def mode_at(self, instant: datetime) -> Mode:
        return self.calendar.mode_at(instant)

    def changes(self, start: datetime, end: datetime) -> list[Change]:
        """Changes of mode with start < at <= end, each knowing when its mode ends."""
        tz = self.calendar.tz
        first, last = start.astimezone(tz).date(), end.astimezone(tz).date()
        found = [c for offset in range((last - first).days + 1)
                 for c in self._changes_on(first + timedelta(days=offset))]
        return [c for c in found if start < c.at <= end]

    def moments(self, start: datetime, end: datetime) -> list[Moment]:
        """Every moment with start < at <= end, in time order (switches before announcements
        at the same instant, actions in config order)."""
        margin = timedelta(hours=25)
        found: list[Moment] = []
        for change in self.changes(start - margin, end + margin):
            moments = self._on.get(change)
            if moments is None:
                if len(self._on) > _MEMO_DAYS * 8:
                    self._on.clear()
                moments = self._on[change] = tuple(self._on_change(change))
            found += moments
        order = {"reset": 0, "switch": 1, "announce": 2}
        inside = [m for m in found if start < m.at <= end]
        return sorted(inside, key=lambda m: (m.at, order[m.kind]))

    def _changes_on(self, day: date) -> list[Change]:
        """The changes whose instant falls on the local `day` (remembered)."""
        known = self._changes.get(day)
        if known is not None:
            return known
        tz = self.calendar.tz
        begin = datetime.combine(day, datetime.min.time(), tzinfo=tz)
        spans = list(self._spans(begin - timedelta(days=1), begin + timedelta(days=3)))
        out = []
        for index in range(1, len(spans)):
            (before, _), (after, at) = spans[index - 1], spans[index]
            ends = spans[index + 1][1] if index + 1 < len(spans) else None
            if at.astimezone(tz).date() == day:
                out.append(Change(at, before, after, ends))
        if len(self._changes) > _MEMO_DAYS:
            self._changes.clear()
        self._changes[day] = out
        return out

    def _on_change(self, change: Change) -> Iterator[Moment]:
        s = self.settings
        matching = [a for a in s.actions if a.matches(change.before, change.after)]
        for rule in s.outputs:
            moved = [a for a in matching if a.output == rule.name]
            if not moved:
                yield Moment(change.at, "switch", change, output=rule.name,
                             on=rule.value(change.after))
            for action in moved:
                yield _action_moment(change, action)
        for action in matching:
            if action.announce is not None:
                yield _action_moment(change, action)
        if change.after is Mode.CLOSED:
            for minutes in s.closing_minutes:
                yield Moment(change.at - timedelta(minutes=minutes), "announce", change,
                             -timedelta(minutes=minutes), announce=CLOSING, minutes=minutes)
            reset = change.at + s.reset_after
            if change.until is not None:
                reset = min(reset, change.until)
            yield Moment(reset, "reset", change, reset - change.at)

    def _spans(self, start: datetime, end: datetime) -> Iterator[tuple[Mode, datetime]]:
        """(mode, UTC start) of each run of one mode, consecutive runs differing."""
        tz = self.calendar.tz
        first, last = start.astimezone(tz).date(), end.astimezone(tz).date()
        previous: Mode | None = None
        for offset in range((last - first).days + 1):
            for period in self._periods(first + timedelta(days=offset)):
                if period.mode is not previous:
                    yield period.mode, period.start.astimezone(UTC)
                    previous = period.mode

    def _periods(self, day: date) -> list[Period]:
        periods = self._days.get(day)
        if periods is None:
            if len(self._days) > _MEMO_DAYS:
                self._days.clear()
            periods = self._days[day] = self.calendar.periods(day)
        return periods


def _action_moment(change: Change, action: Action) -> Moment:
    kind: MomentKind = "announce" if action.announce is not None else "switch"
    minutes = round(-action.at.total_seconds() / 60) if action.at < timedelta(0) else None
    return Moment(change.at + action.at, kind, change, action.at, output=action.output,
                  on=action.on, announce=action.announce, minutes=minutes, when=action.when)

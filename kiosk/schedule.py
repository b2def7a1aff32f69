"""The branch calendar: which mode (staffed, self_service, closed) holds at an instant.

Pure. Weekly rules per weekday plus dated exceptions that replace a day, in local wall time
of the configured zone, so both DST changes fall out of zoneinfo. Staffed wins over
self-service where they overlap; the optional gaps around staffed hours
(calendar.gap_after_staffed / gap_before_staffed) are closed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from kiosk.config.models import WEEKDAYS, CalendarSection, DayRules


class Mode(StrEnum):
    STAFFED = "staffed"
    SELF_SERVICE = "self_service"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Period:
    mode: Mode
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class Announcement:
    at: datetime
    minutes_left: int


class Calendar:
    def __init__(self, section: CalendarSection) -> None:
        self.tz = ZoneInfo(section.timezone)
        self._weekly = section.weekly
        self._exceptions = {e.date: e for e in section.exceptions}
        self._announce = sorted(section.announce_closing_minutes, reverse=True)
        self._gaps = (section.gap_before_staffed, section.gap_after_staffed)

    def rules_for(self, day: date) -> DayRules:
        exception = self._exceptions.get(day)
        rules = exception if exception is not None else self._weekly.get(
            WEEKDAYS[day.weekday()], DayRules())
        return _with_gaps(rules, *self._gaps)

    def exception_name(self, day: date) -> str | None:
        exception = self._exceptions.get(day)
        return exception.name or "exception" if exception is not None else None

    def mode_at(self, instant: datetime) -> Mode:
        local = instant.astimezone(self.tz)
        rules = self.rules_for(local.date())
        wall = local.time().replace(tzinfo=None)
        if _inside(rules.staffed, wall):
            return Mode.STAFFED
        if _inside(rules.self_service, wall):
            return Mode.SELF_SERVICE
        return Mode.CLOSED

    def periods(self, day: date) -> list[Period]:
        """The day split into consecutive periods of one mode each, local time."""
        rules = self.rules_for(day)
        edges = {time(0, 0), time.max}
        for start, end in (*rules.staffed, *rules.self_service):
            edges.update((start, end))
        ordered = sorted(edges)
        out: list[Period] = []
        for start, end in itertools.pairwise(ordered):
            mode = self.mode_at(self._local(day, start))
            if out and out[-1].mode is mode:
                out[-1] = Period(mode, out[-1].start, self._local(day, end))
            else:
                out.append(Period(mode, self._local(day, start), self._local(day, end)))
        return out

    def _local(self, day: date, wall: time) -> datetime:
        return datetime.combine(day, wall, tzinfo=self.tz)

    def next_change(self, instant: datetime, horizon_days: int = 14) -> Period | None:
        """The next period whose mode differs from the mode at `instant`."""
        current = self.mode_at(instant)
        for period in self._periods_from(instant, horizon_days):
            if period.start > instant and period.mode is not current:
                return period
        return None

    def next_opening(self, instant: datetime, horizon_days: int = 14) -> datetime | None:
        """When the branch next opens to patrons (staffed or self-service) after `instant`."""
        for period in self._periods_from(instant, horizon_days):
            if period.mode is not Mode.CLOSED and period.end > instant:
                return max(period.start, instant)
        return None

    def _periods_from(self, instant: datetime, days: int) -> Iterator[Period]:
        first = instant.astimezone(self.tz).date()
        for offset in range(days):
            yield from self.periods(first + timedelta(days=offset))

    def announcements(self, day: date) -> list[Announcement]:
        """"Closing in 15/10/5 minutes" moments before each end of open (non-closed) time."""
        out: list[Announcement] = []
        periods = self.periods(day)
        for index, period in enumerate(periods):
            following = periods[index + 1] if index + 1 < len(periods) else None
            if period.mode is Mode.CLOSED or (following and following.mode is not Mode.CLOSED):
                continue
            if following is None and self.mode_at(period.end + timedelta(seconds=1)) != Mode.CLOSED:
                continue
            out += [Announcement(period.end - timedelta(minutes=m), m) for m in self._announce]
        return out

    def describe_day(self, day: date) -> str:
        """"self_service 07:00-22:00, staffed 10:00-17:00" (for check-config and the screen)."""
        rules = self.rules_for(day)
        parts = [
            f"{name} " + ", ".join(_fmt(i) for i in intervals)
            for name, intervals in (
                ("staffed", rules.staffed),
                ("self_service", rules.self_service),
            )
            if intervals
        ]
        return "; ".join(parts) or "closed"


def _seconds(t: time) -> int:
    return 86_400 if t == time.max else t.hour * 3600 + t.minute * 60 + t.second


def _clock(seconds: int) -> time:
    return time.max if seconds >= 86_400 else time(seconds // 3600, seconds // 60 % 60,
                                                   seconds % 60)


def _with_gaps(rules: DayRules, before: timedelta, after: timedelta) -> DayRules:
    """Self-service hours minus the gaps before and after each staffed interval."""
    if not rules.staffed or not (before or after):
        return rules
    cuts = []
    for start, end in rules.staffed:
        cuts.append((_seconds(start) - int(before.total_seconds()), _seconds(start)))
        cuts.append((_seconds(end), _seconds(end) + int(after.total_seconds())))
    spans = [(_seconds(s), _seconds(e)) for s, e in rules.self_service]
    for cut_start, cut_end in cuts:
        if cut_start >= cut_end:
            continue
        spans = [piece for s, e in spans for piece in ((s, min(e, cut_start)),
                                                       (max(s, cut_end), e)) if piece[0] < piece[1]]
    kept = tuple((_clock(s), _clock(e)) for s, e in spans)
    return rules.model_copy(update={"self_service": kept})


def _inside(intervals: Sequence[tuple[time, time]], wall: time) -> bool:
    return any(start <= wall < end for start, end in intervals)


def _fmt(interval: tuple[time, time]) -> str:
    start, end = interval
    end_text = "24:00" if end == time.max else end.strftime("%H:%M")
    return f"{start.strftime('%H:%M')}-{end_text}"

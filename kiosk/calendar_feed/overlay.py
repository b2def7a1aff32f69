"""Feed events laid over config.toml's calendar: pure, the result is a CalendarSection.

Every day an event touches becomes a dated exception: that day's rule from config.toml (its own
exception, or the weekday's rule), with each event setting the mode for its own time, in order
of start. Closed removes the time from both self-service and staffed hours; self_service makes
it self-service (and not staffed); staffed adds it to the staffed hours. So `kiosk.schedule`
needs to know nothing about feeds, and `kiosk explain`, the door and check-config all see one
calendar.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kiosk.calendar_feed.feed_events import FeedEvent
from kiosk.config.models import WEEKDAYS, CalendarException, CalendarSection, DayRules

Span = tuple[time, time]
"""Wall-clock interval of one day; time.max is midnight at its end (as in config.toml)."""


def overlay(section: CalendarSection, events: Sequence[FeedEvent]) -> CalendarSection:
    """The calendar with every day an event touches replaced by its computed exception."""
    if not events:
        return section
    tz = ZoneInfo(section.timezone)
    configured = {e.date: e for e in section.exceptions}
    per_day: dict[date, list[tuple[FeedEvent, Span]]] = {}
    for event in events:
        for day, span in _day_spans(event, tz):
            per_day.setdefault(day, []).append((event, span))
    computed = {day: _apply(_base(section, configured, day), day, touches)
                for day, touches in per_day.items()}
    kept = tuple(e for e in section.exceptions if e.date not in computed)
    ordered = tuple(sorted((*kept, *computed.values()), key=lambda e: e.date))
    return section.model_copy(update={"exceptions": ordered})


def _base(section: CalendarSection, configured: dict[date, CalendarException],
          day: date) -> DayRules:
    own = configured.get(day)
    if own is not None:
        return own
    return section.weekly.get(WEEKDAYS[day.weekday()], DayRules())


def _apply(base: DayRules, day: date, touches: list[tuple[FeedEvent, Span]]) -> CalendarException:
    self_service = list(base.self_service)
    staffed = list(base.staffed)
    for event, span in touches:
        if event.mode == "closed":
            self_service, staffed = _minus(self_service, span), _minus(staffed, span)
        elif event.mode == "self_service":
            self_service, staffed = _plus(self_service, span), _minus(staffed, span)
        else:
            staffed = _plus(staffed, span)
    names = dict.fromkeys(e.name or "calendar feed" for e, _ in touches)
    own = base.name if isinstance(base, CalendarException) and base.name else None
    label = " / ".join([own, *names] if own else names)
    return CalendarException(date=day, name=label, self_service=tuple(self_service),
                             staffed=tuple(staffed))


def _day_spans(event: FeedEvent, tz: ZoneInfo) -> Iterable[tuple[date, Span]]:
    """The event cut at local midnights: (day, wall-clock span) for each day it touches."""
    start, end = event.start.astimezone(tz), event.end.astimezone(tz)
    day = start.date()
    while True:
        next_midnight = datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=tz)
        begin = start.time() if start.date() == day else time(0, 0)
        finish = end.time() if end < next_midnight else time.max
        if finish > begin:
            yield day, (begin.replace(tzinfo=None), finish.replace(tzinfo=None))
        if end <= next_midnight:
            return
        day += timedelta(days=1)


def _minus(intervals: Sequence[Span], cut: Span) -> list[Span]:
    out: list[Span] = []
    for start, end in intervals:
        if start < cut[0]:
            out.append((start, min(end, cut[0])))
        if end > cut[1]:
            out.append((max(start, cut[1]), end))
    return [(s, e) for s, e in out if e > s]


def _plus(intervals: Sequence[Span], added: Span) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted([*intervals, added]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged

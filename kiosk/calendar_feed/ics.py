"""An iCalendar feed (RFC 5545) read into dated mode changes: pure, no I/O, no Qt.

Each VEVENT sets the branch's mode for its own time: the first of its CATEGORIES found in
`calendar.feed_categories` says which mode (closed, self_service, staffed), and an event with
none of them gets `calendar.feed_default` ("closed": a feed of holidays needs no categories).
An all-day event covers whole days. Cancelled events are left out. A feed is taken whole or not
at all: one bad event refuses the feed (a half-read holiday feed could open the door on a
holiday), and every problem is one line naming the source, the event and what is wrong.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any, Final
from zoneinfo import ZoneInfo

import icalendar
from icalendar.error import IncompleteComponent, InvalidCalendar

from kiosk.calendar_feed.feed_events import FeedError, FeedEvent, FeedRules
from kiosk.config.models import FeedMode

MAX_EVENT: Final = timedelta(days=31)
"""Longer than this is a typo in the feed (a year instead of a day), not an exception."""


def parse_feed(data: bytes, source: str, rules: FeedRules) -> list[FeedEvent]:
    """All events of the feed, sorted by start; FeedError with every problem otherwise."""
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except ValueError as err:
        raise FeedError([f"{source}: not an iCalendar file: {_short(err)}"]) from None
    if not isinstance(calendar, icalendar.Calendar) or calendar.name != "VCALENDAR":
        raise FeedError([f"{source}: not an iCalendar file: no VCALENDAR"])
    events: list[FeedEvent] = []
    problems: list[str] = []
    for component in calendar.walk("VEVENT"):
        try:
            event = _event(component, rules)
        except _BadEvent as err:
            problems.append(f"{source}: event {_describe(component)}: {err}")
            continue
        if event is not None:
            events.append(event)
    if problems:
        raise FeedError(problems)
    return sorted(events, key=lambda e: (e.start, e.end, e.uid))


class _BadEvent(Exception):
    pass


def _event(component: Any, rules: FeedRules) -> FeedEvent | None:
    if component.errors:
        name, message = component.errors[0]
        raise _BadEvent(f"{name}: {message}")
    if str(component.get("STATUS", "")).upper() == "CANCELLED":
        return None
    if component.get("RRULE") is not None or component.get("RDATE") is not None:
        raise _BadEvent("repeating events (RRULE/RDATE) are not supported; publish each date")
    start, end = _span(component, rules.tz)
    if end <= start:
        raise _BadEvent(f"ends ({end:%Y-%m-%d %H:%M}) before it starts ({start:%Y-%m-%d %H:%M})")
    if end - start > MAX_EVENT:
        raise _BadEvent(f"lasts {(end - start).days} days; at most {MAX_EVENT.days} (a typo?)")
    return FeedEvent(
        uid=str(component.get("UID", "")),
        name=str(component.get("SUMMARY", "")).strip(),
        mode=_mode(component, rules),
        start=start,
        end=end,
    )


def _span(component: Any, tz: ZoneInfo) -> tuple[datetime, datetime]:
    try:
        raw_start = component.start
    except IncompleteComponent:
        raise _BadEvent("has no DTSTART") from None
    except InvalidCalendar as err:
        raise _BadEvent(f"DTSTART: {_short(err)}") from None
    has_end = component.get("DTEND") is not None or component.get("DURATION") is not None
    if not has_end:
        if isinstance(raw_start, datetime):  # RFC 5545 would make it last no time at all
            raise _BadEvent("has no DTEND or DURATION")
        raw_end: date | datetime = raw_start + timedelta(days=1)  # an all-day event: its day
    else:
        try:
            raw_end = component.end
        except (IncompleteComponent, InvalidCalendar) as err:
            raise _BadEvent(f"DTEND/DURATION: {_short(err)}") from None
    if isinstance(raw_start, datetime) != isinstance(raw_end, datetime):
        raise _BadEvent("DTSTART and DTEND must both be dates or both be date-times")
    return _instant(raw_start, tz), _instant(raw_end, tz)


def _instant(value: date | datetime, tz: ZoneInfo) -> datetime:
    if isinstance(value, datetime):
        # A floating time (no TZID, no Z) is the branch's wall time.
        return value.replace(tzinfo=tz) if value.tzinfo is None else value.astimezone(tz)
    return datetime.combine(value, time(0, 0), tzinfo=tz)


def _mode(component: Any, rules: FeedRules) -> FeedMode:
    raw = component.get("CATEGORIES")
    lists = raw if isinstance(raw, list) else [raw] if raw is not None else []
    for item in lists:
        for category in getattr(item, "cats", []):
            mode = rules.categories.get(str(category).strip().lower())
            if mode is not None:
                return mode
    return rules.default


def _describe(component: Any) -> str:
    name = str(component.get("SUMMARY", "")).strip() or "(no SUMMARY)"
    uid = component.get("UID")
    when = ""
    try:
        start = component.start
    except (IncompleteComponent, InvalidCalendar):
        start = None
    if isinstance(start, date):
        when = f" on {start:%Y-%m-%d}"
    return f"{name!r}{when}" + (f" (UID {uid})" if uid else "")


def _short(err: Exception) -> str:
    text = str(err).splitlines()[0] if str(err) else type(err).__name__
    return text[:160]

"""Reading the library's iCalendar feed: what each kind of event means, and one line per
problem naming the source and the event when the feed cannot be used."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from feedkit import CHRISTMAS_DAYS, CHRISTMAS_EVE, ics

from kiosk.calendar_feed.feed_events import FeedError, FeedRules
from kiosk.calendar_feed.ics import parse_feed
from kiosk.config.models import FEED_CATEGORIES

CPH = ZoneInfo("Europe/Copenhagen")
RULES = FeedRules(CPH, FEED_CATEGORIES, "closed")
SOURCE = "https://bibliotek.example/kalender.ics"


def event(uid: str, lines: str) -> str:
    return f"BEGIN:VEVENT\nUID:{uid}\n{lines}\nEND:VEVENT"


def test_a_timed_closing_and_an_all_day_holiday() -> None:
    eve, days = parse_feed(ics(CHRISTMAS_EVE, CHRISTMAS_DAYS), SOURCE, RULES)
    assert (eve.mode, eve.name) == ("closed", "Juleaften: lukker kl. 12")
    assert eve.start == datetime(2026, 12, 24, 12, 0, tzinfo=CPH)
    assert eve.end == datetime(2026, 12, 25, 0, 0, tzinfo=CPH)
    # No CATEGORIES: calendar.feed_default ("closed"); all day, two days.
    assert days.mode == "closed"
    assert (days.start, days.end) == (datetime(2026, 12, 25, tzinfo=CPH),
                                      datetime(2026, 12, 27, tzinfo=CPH))


@pytest.mark.parametrize(("lines", "start", "end"), [
    ("DTSTART:20261231T110000Z\nDTEND:20261231T230000Z", (12, 0), (0, 0)),
    ("DTSTART:20261231T120000\nDURATION:PT3H", (12, 0), (15, 0)),
    ("DTSTART;VALUE=DATE:20261231", (0, 0), (0, 0)),
], ids=["utc", "floating-with-duration", "all-day-without-end"])
def test_times_are_the_branchs_wall_time(lines: str, start: tuple[int, int],
                                         end: tuple[int, int]) -> None:
    (got,) = parse_feed(ics(event("a", lines)), SOURCE, RULES)
    assert (got.start.hour, got.start.minute) == start
    assert got.start.date().isoformat() == "2026-12-31"
    assert (got.end.hour, got.end.minute) == end
    assert got.start.tzinfo == CPH


@pytest.mark.parametrize(("categories", "mode"), [
    ("CATEGORIES:Arrangement,Selvbetjent", "self_service"),
    ("CATEGORIES:BETJENT", "staffed"),
    ("CATEGORIES:Arrangement", "closed"),
], ids=["second-category-known", "any-case", "unknown-gets-default"])
def test_categories_say_the_mode(categories: str, mode: str) -> None:
    lines = f"{categories}\nDTSTART:20261105T190000\nDTEND:20261105T210000"
    (got,) = parse_feed(ics(event("b", lines)), SOURCE, RULES)
    assert got.mode == mode


def test_a_cancelled_event_changes_nothing() -> None:
    lines = "STATUS:CANCELLED\nDTSTART;VALUE=DATE:20261105"
    assert parse_feed(ics(event("c", lines)), SOURCE, RULES) == []


def test_an_empty_calendar_is_a_valid_feed() -> None:
    assert parse_feed(ics(), SOURCE, RULES) == []


def test_not_a_calendar_at_all() -> None:
    with pytest.raises(FeedError) as caught:
        parse_feed(b"<html><body>502 Bad Gateway</body></html>", SOURCE, RULES)
    (line,) = caught.value.lines
    assert line.startswith(f"{SOURCE}: not an iCalendar file")


BAD = {
    "no-start": ("SUMMARY:Lukket\nDTEND:20261105T120000", "has no DTSTART"),
    "ends-first": ("SUMMARY:Lukket\nDTSTART:20261105T120000\nDTEND:20261105T100000",
                   "ends (2026-11-05 10:00) before it starts (2026-11-05 12:00)"),
    "repeating": ("SUMMARY:Lukket\nDTSTART:20261105T120000\nDTEND:20261105T130000\n"
                  "RRULE:FREQ=WEEKLY", "repeating events (RRULE/RDATE) are not supported"),
    "a-year": ("SUMMARY:Lukket\nDTSTART;VALUE=DATE:20261105\nDTEND;VALUE=DATE:20271105",
               "lasts 365 days; at most 31 (a typo?)"),
    "garbage-time": ("SUMMARY:Lukket\nDTSTART:tomorrow\nDTEND:20261105T100000", "DTSTART"),
    "timed-without-end": ("SUMMARY:Lukket\nDTSTART:20261105T120000", "has no DTEND or DURATION"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_each_bad_event_is_named_with_what_is_wrong(case: str) -> None:
    lines, what = BAD[case]
    with pytest.raises(FeedError) as caught:
        parse_feed(ics(CHRISTMAS_EVE, event(f"{case}@x", lines)), SOURCE, RULES)
    (line,) = caught.value.lines  # the good event is no problem
    assert line.startswith(f"{SOURCE}: event 'Lukket'")
    assert f"(UID {case}@x)" in line
    assert what in line


def test_every_problem_is_listed_not_only_the_first() -> None:
    with pytest.raises(FeedError) as caught:
        parse_feed(ics(*(event(f"e{i}@x", lines) for i, (lines, _) in enumerate(BAD.values()))),
                   SOURCE, RULES)
    assert len(caught.value.lines) == len(BAD)

"""Feed events laid over the shipped calendar (self-service 07-22 daily, staffed Mon-Fri 10-17):
each event sets the mode for its own time, the rest of the day keeps its rule."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from feedkit import CHRISTMAS_DAYS, CHRISTMAS_EVE, ics

from kiosk.calendar_feed.feed_events import FeedRules
from kiosk.calendar_feed.ics import parse_feed
from kiosk.calendar_feed.overlay import overlay
from kiosk.config import load
from kiosk.config.models import FEED_CATEGORIES, CalendarSection
from kiosk.schedule import Calendar, Mode

CPH = ZoneInfo("Europe/Copenhagen")


def calendar(section: CalendarSection, *events: str) -> Calendar:
    parsed = parse_feed(ics(*events), "feed.ics", FeedRules(CPH, FEED_CATEGORIES, "closed"))
    return Calendar(overlay(section, parsed))


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=CPH)


@pytest.fixture
def shipped(config_path: Path) -> CalendarSection:
    return load(config_path).config.calendar


EVE = date(2026, 12, 24)  # a Thursday: staffed 10-17 inside self-service 07-22


def test_christmas_eve_closes_at_noon_and_the_morning_keeps_its_rule(
    shipped: CalendarSection,
) -> None:
    cal = calendar(shipped, CHRISTMAS_EVE)
    assert cal.mode_at(at(EVE, 8)) is Mode.SELF_SERVICE
    assert cal.mode_at(at(EVE, 11, 59)) is Mode.STAFFED
    assert cal.mode_at(at(EVE, 12)) is Mode.CLOSED
    assert cal.mode_at(at(EVE, 13)) is Mode.CLOSED
    assert cal.describe_day(EVE) == "staffed 10:00-12:00; self_service 07:00-12:00"
    assert cal.exception_name(EVE) == "Juleaften: lukker kl. 12"
    assert cal.mode_at(at(date(2026, 12, 23), 13)) is Mode.STAFFED  # the day before: as ever


def test_an_all_day_event_over_two_days_closes_both(shipped: CalendarSection) -> None:
    cal = calendar(shipped, CHRISTMAS_DAYS)
    for day in (date(2026, 12, 25), date(2026, 12, 26)):
        assert cal.describe_day(day) == "closed"
        assert cal.mode_at(at(day, 12)) is Mode.CLOSED
    assert cal.mode_at(at(date(2026, 12, 27), 12)) is Mode.SELF_SERVICE


def test_an_event_evening_is_self_service_until_late_and_a_staffed_event_is_staffed(
    shipped: CalendarSection,
) -> None:
    late = ("BEGIN:VEVENT\nUID:a\nSUMMARY:Litteraturnat\nCATEGORIES:Selvbetjent\n"
            "DTSTART:20261106T210000\nDTEND:20261107T010000\nEND:VEVENT")
    staffed = ("BEGIN:VEVENT\nUID:b\nSUMMARY:Lørdagsåbent\nCATEGORIES:Betjent\n"
               "DTSTART:20261107T100000\nDTEND:20261107T140000\nEND:VEVENT")
    cal = calendar(shipped, late, staffed)
    friday, saturday = date(2026, 11, 6), date(2026, 11, 7)
    assert cal.mode_at(at(friday, 23, 30)) is Mode.SELF_SERVICE
    assert cal.mode_at(at(saturday, 0, 30)) is Mode.SELF_SERVICE  # past midnight
    assert cal.mode_at(at(saturday, 1, 30)) is Mode.CLOSED
    assert cal.mode_at(at(saturday, 11)) is Mode.STAFFED
    assert cal.mode_at(at(saturday, 15)) is Mode.SELF_SERVICE


def test_self_service_during_staffed_hours_takes_the_staff_away(
    shipped: CalendarSection,
) -> None:
    meeting = ("BEGIN:VEVENT\nUID:c\nSUMMARY:Personalemøde\nCATEGORIES:Selvbetjening\n"
               "DTSTART:20261105T130000\nDTEND:20261105T150000\nEND:VEVENT")
    cal = calendar(shipped, meeting)
    day = date(2026, 11, 5)
    assert cal.mode_at(at(day, 12)) is Mode.STAFFED
    assert cal.mode_at(at(day, 14)) is Mode.SELF_SERVICE
    assert cal.mode_at(at(day, 16)) is Mode.STAFFED


def test_a_config_exception_is_the_base_and_keeps_its_name(config_path: Path) -> None:
    section = load(config_path, ['calendar.exceptions=[{date = 2026-12-24, name = "Jul", '
                                 'self_service = ["07:00-14:00"]}]']).config.calendar
    cal = calendar(section, CHRISTMAS_EVE)
    assert cal.describe_day(EVE) == "self_service 07:00-12:00"
    assert cal.exception_name(EVE) == "Jul / Juleaften: lukker kl. 12"


def test_dst_change_day_uses_wall_time(shipped: CalendarSection) -> None:
    # 25 October 2026, the day the clocks go back (a 25-hour day): times are wall times.
    event = ("BEGIN:VEVENT\nUID:d\nSUMMARY:Lukket\nDTSTART;TZID=Europe/Copenhagen:"
             "20261025T070000\nDTEND;TZID=Europe/Copenhagen:20261025T090000\nEND:VEVENT")
    cal = calendar(shipped, event)
    day = date(2026, 10, 25)
    assert cal.mode_at(at(day, 8)) is Mode.CLOSED
    assert cal.mode_at(at(day, 9)) is Mode.SELF_SERVICE


def test_no_events_leave_the_calendar_as_it_is(shipped: CalendarSection) -> None:
    assert overlay(shipped, []) is shipped

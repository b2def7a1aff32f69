"""The calendar on the shipped config: both 2026 DST changes, exception days, next opening."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from kiosk.clock import COPENHAGEN
from kiosk.config import LoadedConfig, load, load_data
from kiosk.schedule import Calendar, Mode

SS, STAFFED, CLOSED = Mode.SELF_SERVICE, Mode.STAFFED, Mode.CLOSED


def _local(text: str, fold: int = 0) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=COPENHAGEN, fold=fold)


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.fixture
def calendar(loaded: LoadedConfig) -> Calendar:
    return Calendar(loaded.config.calendar)


# 29 March 2026 (Sunday): 02:00 CET -> 03:00 CEST. 25 October 2026 (Sunday): 03:00 CEST ->
# 02:00 CET. Sundays are self-service 07:00-22:00, no staffed hours.
DST_ROWS = {
    "spring-06:59": (_local("2026-03-29T06:59"), CLOSED),
    "spring-07:00": (_local("2026-03-29T07:00"), SS),
    "spring-21:59": (_local("2026-03-29T21:59"), SS),
    "spring-22:00": (_local("2026-03-29T22:00"), CLOSED),
    "spring-02:30-does_not_exist": (_local("2026-03-29T02:30"), CLOSED),
    "spring-utc-04:59Z=06:59": (_utc("2026-03-29T04:59"), CLOSED),
    "spring-utc-05:00Z=07:00": (_utc("2026-03-29T05:00"), SS),
    "spring-utc-19:59Z=21:59": (_utc("2026-03-29T19:59"), SS),
    "spring-utc-20:00Z=22:00": (_utc("2026-03-29T20:00"), CLOSED),
    "spring-eve-utc-05:00Z=06:00_CET": (_utc("2026-03-28T05:00"), CLOSED),
    "spring-eve-utc-20:59Z=21:59_CET": (_utc("2026-03-28T20:59"), SS),
    "autumn-06:59": (_local("2026-10-25T06:59"), CLOSED),
    "autumn-07:00": (_local("2026-10-25T07:00"), SS),
    "autumn-21:59": (_local("2026-10-25T21:59"), SS),
    "autumn-22:00": (_local("2026-10-25T22:00"), CLOSED),
    "autumn-02:30-first": (_local("2026-10-25T02:30", fold=0), CLOSED),
    "autumn-02:30-second": (_local("2026-10-25T02:30", fold=1), CLOSED),
    "autumn-utc-05:59Z=06:59": (_utc("2026-10-25T05:59"), CLOSED),
    "autumn-utc-06:00Z=07:00": (_utc("2026-10-25T06:00"), SS),
    "autumn-utc-20:59Z=21:59": (_utc("2026-10-25T20:59"), SS),
    "autumn-utc-21:00Z=22:00": (_utc("2026-10-25T21:00"), CLOSED),
    "autumn-eve-utc-05:00Z=07:00_CEST": (_utc("2026-10-24T05:00"), SS),
    "autumn-eve-utc-04:59Z=06:59_CEST": (_utc("2026-10-24T04:59"), CLOSED),
    "monday-after-spring-utc-08:00Z=10:00_staffed": (_utc("2026-03-30T08:00"), STAFFED),
    "monday-after-spring-utc-07:59Z=09:59": (_utc("2026-03-30T07:59"), SS),
    "monday-after-autumn-utc-09:00Z=10:00_staffed": (_utc("2026-10-26T09:00"), STAFFED),
    "monday-after-autumn-utc-16:00Z=17:00": (_utc("2026-10-26T16:00"), SS),
    "monday-after-autumn-utc-15:59Z=16:59": (_utc("2026-10-26T15:59"), STAFFED),
}


@pytest.mark.parametrize(("instant", "mode"), DST_ROWS.values(), ids=DST_ROWS.keys())
def test_mode_across_dst(calendar: Calendar, instant: datetime, mode: Mode) -> None:
    assert calendar.mode_at(instant) is mode


NEXT_OPENING = {
    "saturday-night->sunday-07": (_local("2026-11-21T23:00"), _local("2026-11-22T07:00")),
    "inside-hours->now": (_local("2026-11-21T12:00"), _local("2026-11-21T12:00")),
    "night-before-spring-dst": (_local("2026-03-28T22:30"), _utc("2026-03-29T05:00")),
    "night-before-autumn-dst": (_local("2026-10-24T22:30"), _utc("2026-10-25T06:00")),
}


@pytest.mark.parametrize(("after", "opens"), NEXT_OPENING.values(), ids=NEXT_OPENING.keys())
def test_next_opening(calendar: Calendar, after: datetime, opens: datetime) -> None:
    assert calendar.next_opening(after) == opens


CHRISTMAS = (
    '[{date = 2026-12-24, name = "Juleaften", self_service = ["07:00-12:00"]},'
    ' {date = 2026-12-25, name = "Juledag"}]'
)


def _with_exceptions_from_data(config_path: Path) -> Calendar:
    raw = tomllib.loads(config_path.read_text(encoding="utf-8"))
    raw["calendar"]["exceptions"] = tomllib.loads(f"x = {CHRISTMAS}")["x"]
    return Calendar(load_data(raw, config_path).config.calendar)


def _with_exceptions_from_set(config_path: Path) -> Calendar:
    return Calendar(load(config_path, [f"calendar.exceptions={CHRISTMAS}"]).config.calendar)


EXCEPTION_ROWS = {
    # Thursday 24 December: the weekly rule would be staffed 10-17, self-service 07-22.
    "24dec-06:59": (_local("2026-12-24T06:59"), CLOSED),
    "24dec-10:30-not_staffed": (_local("2026-12-24T10:30"), SS),
    "24dec-11:59": (_local("2026-12-24T11:59"), SS),
    "24dec-12:00-closed_early": (_local("2026-12-24T12:00"), CLOSED),
    "25dec-no_intervals-closed": (_local("2026-12-25T12:00"), CLOSED),
    "23dec-weekly_rule": (_local("2026-12-23T10:30"), STAFFED),
    "31dec-weekly_rule": (_local("2026-12-31T21:00"), SS),
}


@pytest.mark.parametrize("build", [_with_exceptions_from_data, _with_exceptions_from_set],
                         ids=["load_data", "set_override"])
@pytest.mark.parametrize(("instant", "mode"), EXCEPTION_ROWS.values(), ids=EXCEPTION_ROWS.keys())
def test_exception_day_replaces_the_weekly_rule(
    config_path: Path, build: Callable[[Path], Calendar], instant: datetime, mode: Mode
) -> None:
    assert build(config_path).mode_at(instant) is mode


def test_next_opening_skips_a_closed_exception_day(config_path: Path) -> None:
    calendar = _with_exceptions_from_set(config_path)
    assert calendar.next_opening(_local("2026-12-24T12:00")) == _local("2026-12-26T07:00")
    assert calendar.exception_name(date(2026, 12, 24)) == "Juleaften"
    assert calendar.describe_day(date(2026, 12, 25)) == "closed"


def test_closing_announcements_follow_the_exception(config_path: Path) -> None:
    calendar = _with_exceptions_from_set(config_path)
    times = [a.at for a in calendar.announcements(date(2026, 12, 24))]
    assert times == [_local("2026-12-24T11:45"), _local("2026-12-24T11:50"),
                     _local("2026-12-24T11:55")]

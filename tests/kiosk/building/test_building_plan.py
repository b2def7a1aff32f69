"""plan(): where every output should be at an instant, and which announcements are due, from
the shipped calendar and a library's actions. Table-driven: no shell, no clock, no hardware."""

from __future__ import annotations

from datetime import timedelta

import pytest
from buildingkit import TUESDAY, calendar_section, local, shipped_calendar, timeline

from kiosk.building.plan import Facts, last_reset, plan
from kiosk.building.timeline import Timeline
from kiosk.schedule import Calendar

ON, OFF = True, False


@pytest.mark.parametrize(("hhmm", "occupancy", "lights", "alarm", "pcs"), [
    ("03:00", 0, OFF, ON, OFF),       # night: closed, armed
    ("06:58", 0, OFF, ON, OFF),
    ("06:59", 0, OFF, OFF, OFF),      # disarmed a minute before opening
    ("07:00", 0, ON, OFF, ON),        # self-service: lights and PCs on
    ("10:00", 0, ON, OFF, ON),        # staffed
    ("21:44", 3, ON, OFF, ON),
    ("21:45", 3, ON, OFF, OFF),       # PCs off 15 minutes before closing
    ("22:00", 3, ON, OFF, OFF),       # closed, but the lights wait 5 minutes
    ("22:05", 3, ON, OFF, OFF),       # ... and for the building to be empty
    ("22:05", 0, OFF, OFF, OFF),
    ("22:09", 0, OFF, OFF, OFF),
    ("22:10", 2, ON, ON, OFF),        # armed at +10 whatever the estimate says
    ("23:30", 0, OFF, ON, OFF),
], ids=lambda v: str(v))
def test_outputs_follow_the_calendar_and_the_actions(
    hhmm: str, occupancy: int, lights: bool, alarm: bool, pcs: bool
) -> None:
    result = plan(timeline(), Facts(occupancy=occupancy), local(TUESDAY, hhmm))
    got = {name: target.on for name, target in result.outputs.items()}
    assert got == {"lights": lights, "alarm": alarm, "pcs": pcs, "siren": False}


@pytest.mark.parametrize(("hhmm", "output", "why"), [
    ("03:00", "alarm", "closed+10m"), ("07:00", "alarm", "self_service-1m"),
    ("07:00", "pcs", "self_service"), ("21:50", "pcs", "closed-15m"),
    ("22:30", "lights", "closed+5m"), ("12:00", "lights", "staffed"),
], ids=lambda v: str(v))
def test_each_target_says_what_put_it_there(hhmm: str, output: str, why: str) -> None:
    assert plan(timeline(), Facts(), local(TUESDAY, hhmm)).outputs[output].why == why


def test_fire_and_siren_override_the_calendar() -> None:
    at = local(TUESDAY, "23:30")
    quiet = plan(timeline(), Facts(), at).outputs
    fire = plan(timeline(), Facts(fire=True, siren=True), at).outputs
    assert (quiet["lights"].on, quiet["siren"].on) == (False, False)
    assert fire["lights"].on
    assert fire["lights"].why == "fire_alarm"
    assert fire["siren"].on
    assert fire["siren"].why == "door_alarm"
    assert fire["alarm"].on  # "keep": the fire alarm does not disarm the intruder alarm


@pytest.mark.parametrize(("hhmm", "occupancy", "due"), [
    ("21:44:59", 0, []),
    ("21:45:00", 0, ["closing-15"]),
    ("21:45:59", 0, ["closing-15"]),   # still said if the kiosk was busy restarting
    ("21:46:01", 0, []),               # later than sound.late_by: skipped, not said late
    ("21:50:00", 0, ["closing-10"]),
    ("21:55:30", 0, ["closing-5"]),
    ("22:00:00", 0, []),
    ("22:00:00", 2, ["still_inside"]), # only said when somebody is still inside
], ids=lambda v: str(v))
def test_announcements_are_due_at_their_moment_and_only_then(
    hhmm: str, occupancy: int, due: list[str]
) -> None:
    result = plan(timeline(), Facts(occupancy=occupancy), local(TUESDAY, hhmm))
    assert [m.announce + (f"-{m.minutes}" if m.minutes else "") for m in result.due] == due


def test_an_announcement_done_is_not_due_again() -> None:
    at = local(TUESDAY, "21:45:10")
    first = plan(timeline(), Facts(), at)
    assert len(first.due) == 1
    again = plan(timeline(), Facts(done=frozenset({first.due[0].key})), at)
    assert again.due == ()


def test_the_next_moment_is_where_the_plan_next_changes() -> None:
    tl = timeline()
    at = local(TUESDAY, "21:44:10")
    result = plan(tl, Facts(), at)
    assert result.next_at == local(TUESDAY, "21:45")
    assert plan(tl, Facts(), local(TUESDAY, "22:10:00")).next_at == local(TUESDAY, "23:00")


def test_occupancy_resets_an_hour_after_closing() -> None:
    tl = timeline()
    assert last_reset(tl, local(TUESDAY, "22:59")) == local("2026-11-23", "23:00")
    assert last_reset(tl, local(TUESDAY, "23:00")) == local(TUESDAY, "23:00")


def test_a_gap_between_staffed_and_self_service_is_closed_and_resets_at_its_end() -> None:
    calendar = shipped_calendar('calendar.gap_after_staffed="15m"')
    tl = Timeline(calendar, timeline().settings)
    assert str(calendar.mode_at(local(TUESDAY, "17:05"))) == "closed"
    assert last_reset(tl, local(TUESDAY, "17:15")) == local(TUESDAY, "17:15")
    said = [m.minutes for m in plan(tl, Facts(), local(TUESDAY, "16:45")).due]
    assert said == [15]  # everyone must leave before self-service begins


@pytest.mark.parametrize(("day", "hhmm", "alarm"), [
    # Spring forward (29 March 2026: 02:00 -> 03:00): armed since 22:10 Saturday, disarmed
    # at 06:59 Sunday; 8h49m of real time, not 9h49m.
    ("2026-03-29", "02:30", ON), ("2026-03-29", "06:58", ON), ("2026-03-29", "06:59", OFF),
    # Fall back (25 October 2026): 02:30 happens twice, armed both times.
    ("2026-10-25", "02:30", ON), ("2026-10-25", "06:59", OFF),
], ids=lambda v: str(v))
def test_actions_across_the_change_to_and_from_summer_time(
    day: str, hhmm: str, alarm: bool
) -> None:
    assert plan(timeline(), Facts(), local(day, hhmm)).outputs["alarm"].on is alarm


def test_offsets_are_real_minutes_across_the_dst_night() -> None:
    tl = timeline()
    saturday_close = local("2026-03-28", "22:00")
    moments = [m for m in tl.moments(saturday_close, saturday_close + timedelta(hours=10))
               if m.output == "alarm"]
    armed, disarmed = moments[0].at, moments[1].at
    assert armed == local("2026-03-28", "22:10")
    assert disarmed == local("2026-03-29", "06:59")
    assert disarmed - armed == timedelta(hours=7, minutes=49)  # one hour less that night


def test_a_long_closure_still_closes_and_arms_and_announces() -> None:
    closed_days = "".join(f'''
[[calendar.exceptions]]
date = 2026-12-{day}
name = "Jul"
''' for day in (24, 25, 26, 27, 28))
    tl = Timeline(Calendar(calendar_section(closed_days)), timeline().settings)
    assert plan(tl, Facts(), local("2026-12-23", "22:10")).outputs["alarm"].on
    assert [m.minutes for m in plan(tl, Facts(), local("2026-12-23", "21:45")).due] == [15]
    assert plan(tl, Facts(), local("2026-12-26", "12:00")).outputs["alarm"].on
    assert not plan(tl, Facts(), local("2026-12-29", "06:59")).outputs["alarm"].on

"""DoorWatch timing with injected monotonic times (reliability.md scenario 20)."""

from __future__ import annotations

import pytest

from drivers.doorwatch import DoorWatch
from drivers.types import DoorEvent, DoorEventKind

K = DoorEventKind


def opened(at: float) -> DoorEvent:
    return DoorEvent(K.OPENED, at)


def closed(at: float) -> DoorEvent:
    return DoorEvent(K.CLOSED, at)


@pytest.fixture
def watch() -> DoorWatch:
    return DoorWatch(held_open_s=15.0, forced_debounce_s=1.0, bounce_s=0.3)


def test_granted_entry_raises_nothing(watch: DoorWatch) -> None:
    assert watch.grant(100.0, 5.0) == []
    assert watch.door(opened(101.0)) == []
    assert watch.door(closed(104.0)) == []
    assert watch.tick(200.0) == []


def test_held_open_after_the_unlock_window_plus_held_time(watch: DoorWatch) -> None:
    watch.grant(100.0, 5.0)
    watch.door(opened(101.0))
    assert watch.next_deadline() == 120.0
    assert watch.tick(119.99) == []
    assert watch.tick(120.0) == [DoorEvent(K.HELD_OPEN, 120.0)]
    assert watch.tick(130.0) == []  # once
    assert watch.alarming
    assert watch.door(closed(131.0)) == [DoorEvent(K.HELD_OPEN_CLEARED, 131.0)]
    assert not watch.alarming


def test_forced_open_one_second_after_an_unauthorised_opening(watch: DoorWatch) -> None:
    watch.grant(100.0, 5.0)
    assert watch.door(opened(105.5)) == []  # the window ended at 105
    assert watch.tick(106.49) == []
    assert watch.tick(106.5) == [DoorEvent(K.FORCED_OPEN, 106.5)]
    assert watch.door(closed(108.0)) == []
    assert not watch.alarming


def test_a_forced_door_left_open_is_also_held_open(watch: DoorWatch) -> None:
    watch.door(opened(10.0))
    assert watch.tick(30.0) == [DoorEvent(K.FORCED_OPEN, 11.0), DoorEvent(K.HELD_OPEN, 25.0)]


def test_a_rattle_shorter_than_the_debounce_is_no_alarm(watch: DoorWatch) -> None:
    assert watch.door(opened(10.0)) == []
    assert watch.door(closed(10.6)) == []
    assert watch.tick(20.0) == []


def test_a_300ms_bounce_after_close_is_no_alarm(watch: DoorWatch) -> None:
    watch.grant(100.0, 3.0)
    watch.door(opened(101.0))
    watch.door(closed(110.0))  # after the window
    assert watch.door(opened(110.1)) == []
    assert watch.door(closed(110.3)) == []
    assert watch.tick(140.0) == []


def test_a_bounce_that_stays_open_is_the_same_opening(watch: DoorWatch) -> None:
    watch.grant(100.0, 3.0)
    watch.door(opened(101.0))
    watch.door(closed(110.0))
    watch.door(opened(110.2))  # the door did not latch: not forced, but held open later
    assert watch.tick(125.19) == []
    assert watch.tick(125.2) == [DoorEvent(K.HELD_OPEN, 125.2)]


def test_a_new_opening_well_after_a_close_needs_a_new_grant(watch: DoorWatch) -> None:
    watch.grant(100.0, 3.0)
    watch.door(opened(101.0))
    watch.door(closed(102.0))
    watch.door(opened(102.5))  # still inside the window: a second person on one grant
    assert watch.tick(104.0) == []
    watch.door(closed(104.0))
    watch.door(opened(105.0))
    assert watch.tick(106.0) == [DoorEvent(K.FORCED_OPEN, 106.0)]


def test_a_grant_while_the_door_is_already_open_cancels_the_forced_alarm(
    watch: DoorWatch,
) -> None:
    watch.door(opened(10.0))
    assert watch.grant(10.5, 5.0) == []
    assert watch.tick(12.0) == []
    assert watch.tick(30.5) == [DoorEvent(K.HELD_OPEN, 30.5)]


def test_fire_alarm_suppresses_door_alarms_until_it_clears(watch: DoorWatch) -> None:
    watch.door(DoorEvent(K.FIRE_ALARM_ON, 5.0))
    watch.door(opened(10.0))
    assert watch.tick(100.0) == []
    watch.door(DoorEvent(K.FIRE_ALARM_OFF, 100.0))
    assert watch.tick(114.9) == []
    assert watch.tick(115.0) == [DoorEvent(K.HELD_OPEN, 115.0)]


def test_door_events_apply_due_alarms_first(watch: DoorWatch) -> None:
    watch.door(opened(10.0))
    assert watch.door(closed(12.0)) == [DoorEvent(K.FORCED_OPEN, 11.0)]

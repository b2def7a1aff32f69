"""Door contact and fire alarm wired to the door (issue 3 item 5), with injected time."""

from __future__ import annotations

from drivers.types import DoorEvent, DoorEventKind
from kiosk.config.models import InputsSection
from kiosk.door.monitor import DoorMonitor


class Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def _monitor() -> tuple[DoorMonitor, Clock, list[bool], list[DoorEventKind]]:
    clock = Clock()
    fires: list[bool] = []
    alarms: list[DoorEventKind] = []
    monitor = DoorMonitor(InputsSection(held_open_seconds=15), fires.append,
                          lambda e: alarms.append(e.kind), clock)
    return monitor, clock, fires, alarms


def _door(monitor: DoorMonitor, clock: Clock, kind: DoorEventKind) -> None:
    monitor.input_event(DoorEvent(kind, clock.t))


def test_opening_after_a_grant_is_not_forced_but_held_open_alarms() -> None:
    monitor, clock, _, alarms = _monitor()
    monitor.granted(4.0)
    clock.t += 1
    _door(monitor, clock, DoorEventKind.OPENED)
    clock.t += 3 + 15 - 0.1
    monitor.tick()
    assert alarms == []
    clock.t += 0.2
    monitor.tick()
    assert alarms == [DoorEventKind.HELD_OPEN]
    assert DoorEventKind.HELD_OPEN in monitor.active_alarms
    _door(monitor, clock, DoorEventKind.CLOSED)
    assert alarms[-1] is DoorEventKind.HELD_OPEN_CLEARED
    assert monitor.active_alarms == set()


def test_opening_without_a_grant_is_forced_after_the_debounce() -> None:
    monitor, clock, _, alarms = _monitor()
    _door(monitor, clock, DoorEventKind.OPENED)
    clock.t += 0.9
    monitor.tick()
    assert alarms == []
    clock.t += 0.2
    monitor.tick()
    assert alarms == [DoorEventKind.FORCED_OPEN]
    _door(monitor, clock, DoorEventKind.CLOSED)
    assert DoorEventKind.FORCED_OPEN not in monitor.active_alarms


def test_a_bounce_after_close_raises_nothing() -> None:
    monitor, clock, _, alarms = _monitor()
    monitor.granted(4.0)
    _door(monitor, clock, DoorEventKind.OPENED)
    clock.t += 2
    _door(monitor, clock, DoorEventKind.CLOSED)
    clock.t += 10  # the unlock window is over: a real opening now would be forced
    _door(monitor, clock, DoorEventKind.OPENED)
    clock.t += 0.2
    _door(monitor, clock, DoorEventKind.CLOSED)
    clock.t += 0.1
    _door(monitor, clock, DoorEventKind.OPENED)  # 100 ms later: contact bounce, same opening
    clock.t += 2
    monitor.tick()
    assert alarms == [DoorEventKind.FORCED_OPEN]  # once, for the real forced opening only


def test_fire_alarm_reaches_the_flow_and_suppresses_door_alarms() -> None:
    monitor, clock, fires, alarms = _monitor()
    _door(monitor, clock, DoorEventKind.FIRE_ALARM_ON)
    _door(monitor, clock, DoorEventKind.OPENED)
    clock.t += 60
    monitor.tick()
    assert fires == [True]
    assert alarms == []
    _door(monitor, clock, DoorEventKind.FIRE_ALARM_OFF)
    assert fires == [True, False]

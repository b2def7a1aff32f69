"""The building's step(): scripted events against the shipped calendar, checked by the effects
they ask for. No shell, no database, no hardware: times are passed in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pytest
from buildingkit import TUESDAY, local, timeline

from drivers.types import DoorEventKind as K
from kiosk.building.flow import (
    BuildingState,
    DoorInput,
    Effect,
    EndCheckout,
    EndIncident,
    Event,
    Granted,
    Notify,
    Record,
    ReleaseDoor,
    Say,
    Switch,
    Tick,
    step,
)
from kiosk.building.timeline import Timeline


@dataclass
class Run:
    """Steps a building from `at` on; `mono` runs with the wall clock."""

    at: datetime
    tl: Timeline = field(default_factory=timeline)
    state: BuildingState = field(default_factory=BuildingState)
    mono: float = 1000.0
    effects: list[Effect] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.send(Tick())
        self.effects.clear()

    def send(self, event: Event, after: float = 0.0) -> list[Effect]:
        self.wait(after)
        result = step(self.state, event, self.at, self.mono, self.tl)
        self.state = result.state
        self.effects += result.effects
        return list(result.effects)

    def wait(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)
        self.mono += seconds

    def door(self, kind: K, after: float = 0.0) -> list[Effect]:
        return self.send(DoorInput(kind, self.mono + after), after)

    def switched(self) -> dict[str, bool]:
        return {e.output: e.on for e in self.effects if isinstance(e, Switch)}


def evening() -> Run:
    return Run(local(TUESDAY, "20:00"))


def test_a_restart_switches_every_output_to_where_the_plan_says() -> None:
    fresh = BuildingState()  # what a new process knows: nothing was told yet
    effects = step(fresh, Tick(), local(TUESDAY, "23:30"), 5.0, timeline()).effects
    assert {e.output: e.on for e in effects if isinstance(e, Switch)} == {
        "lights": False, "alarm": True, "pcs": False, "siren": False}


def test_a_grant_is_one_person_in_and_an_exit_button_one_out_and_releases_the_door() -> None:
    run = evening()
    assert run.send(Granted(run.mono, 4.0)) == [Record("entry", "grant")]
    assert run.state.occupancy == 1
    effects = run.door(K.EXIT_REQUESTED, after=30)
    assert ReleaseDoor(4.0) in effects
    assert Record("exit", "exit_button") in effects
    assert run.state.occupancy == 0
    run.door(K.EXIT_REQUESTED, after=30)
    assert run.state.occupancy == 0  # never below nobody


@pytest.mark.parametrize(("hhmm", "acts"), [
    ("20:00", True), ("23:30", True), ("12:00", False),
], ids=["self_service", "closed", "staffed"])
def test_a_forced_door_sounds_the_siren_notifies_and_is_counted(hhmm: str, acts: bool) -> None:
    run = Run(local(TUESDAY, hhmm))
    effects = run.door(K.FORCED_OPEN)
    if not acts:
        assert effects == []  # staffed hours: the door is the staff's business
        return
    assert Record("forced_open") in effects
    assert Notify("forced_open") in effects
    assert Switch("siren", True, "door_alarm") in effects
    assert run.state.alarms == {"forced_open"}
    assert run.send(Tick(), after=59.0) == []
    off = [(e.output, e.on) for e in run.send(Tick(), after=1.0) if isinstance(e, Switch)]
    assert off == [("siren", False)]  # alarms.siren_seconds, even with the door still open
    assert run.door(K.CLOSED) == [EndIncident("forced_open")]
    assert run.state.alarms == frozenset()


def test_a_held_open_alarm_stops_the_siren_when_the_door_closes() -> None:
    run = evening()
    assert Switch("siren", True, "door_alarm") in run.door(K.HELD_OPEN)
    effects = run.door(K.HELD_OPEN_CLEARED, after=5)
    assert EndIncident("held_open") in effects
    assert [e for e in effects if isinstance(e, Switch)] == [Switch("siren", False,
                                                                     "self_service")]


def test_the_fire_alarm_is_logged_from_start_to_end_and_the_normal_state_returns() -> None:
    run = Run(local(TUESDAY, "23:30"))
    effects = run.door(K.FIRE_ALARM_ON)
    assert Record("fire_alarm", "door released") in effects
    assert EndCheckout() in effects
    assert Notify("fire_alarm") in effects
    assert Switch("lights", True, "fire_alarm") in effects  # the way out is lit
    assert run.door(K.FORCED_OPEN) == []  # doors stand open in a fire: no door alarm
    assert run.door(K.EXIT_REQUESTED) == [Record("exit", "exit_button")]  # no release needed
    effects = run.door(K.FIRE_ALARM_OFF, after=600)
    assert EndIncident("fire_alarm") in effects
    assert Switch("lights", False, "closed+5m") in effects
    assert not run.state.fire


def test_two_openings_on_one_grant_are_a_suspected_tailgate() -> None:
    run = evening()
    run.send(Granted(run.mono, 4.0))
    run.door(K.OPENED, after=0.5)
    run.door(K.CLOSED, after=1.5)
    run.door(K.OPENED, after=1.0)  # the door was still unlocked: somebody else came in
    run.door(K.CLOSED, after=2.0)
    assert run.send(Tick(), after=2.9) == []  # counter pulses may still come
    effects = run.send(Tick(), after=0.2)
    assert Record("tailgating_suspected", "2 entries on 1 grant(s)") in effects
    assert run.state.occupancy == 2  # the one let in and the one who followed


def test_a_bounce_and_two_cards_through_one_opening_are_no_tailgate() -> None:
    run = evening()
    run.send(Granted(run.mono, 4.0))
    run.door(K.OPENED, after=0.5)
    run.door(K.CLOSED, after=1.0)
    run.door(K.OPENED, after=0.1)  # contact bounce: the same opening
    run.send(Granted(run.mono, 4.0), after=1.0)  # the second patron showed a card
    run.door(K.CLOSED, after=3.0)
    run.send(Tick(), after=10.0)
    assert not [e for e in run.effects if isinstance(e, Record) and "tail" in e.kind]
    assert run.state.occupancy == 2


def test_a_people_counter_counts_people_and_spots_the_second_person() -> None:
    tl = timeline(entries_from="counter", exits_from="counter")
    run = Run(local(TUESDAY, "20:00"), tl)
    run.send(Granted(run.mono, 4.0))
    assert run.state.occupancy == 0  # with a counter, grants are not people
    run.door(K.OPENED, after=0.5)
    run.door(K.PERSON_IN, after=0.5)
    run.door(K.PERSON_IN, after=0.5)
    run.door(K.CLOSED, after=1.0)
    effects = run.send(Tick(), after=6.0)
    assert any(isinstance(e, Record) and e.kind == "tailgating_suspected" for e in effects)
    assert run.state.occupancy == 2
    run.door(K.PERSON_OUT, after=60)
    assert run.state.occupancy == 1


def test_announcements_are_said_once_and_the_estimate_resets_after_closing() -> None:
    run = Run(local(TUESDAY, "21:44:30"))
    run.send(Granted(run.mono, 4.0))
    said = run.send(Tick(), after=30.0)
    assert [e for e in said if isinstance(e, Say)] == [
        Say("closing", "announce:closing@2026-11-24T20:45:00Z", 15)]
    assert not [e for e in run.send(Tick(), after=20.0) if isinstance(e, Say)]
    run.send(Tick(), after=timedelta(minutes=9, seconds=40).total_seconds())  # 21:55: 5 min
    still = run.send(Tick(), after=300.0)  # 22:00, and somebody is still inside
    assert [e.announcement for e in still if isinstance(e, Say)] == ["still_inside"]
    assert run.state.occupancy == 1
    reset = run.send(Tick(), after=3600.0)
    assert Record("occupancy_reset", "estimate 1 set to 0") in reset
    assert run.state.occupancy == 0
    assert run.switched()["lights"] is False  # and the lights that waited for it go off


def test_a_clock_stepped_back_does_not_say_an_announcement_again() -> None:
    run = Run(local(TUESDAY, "21:44:59"))
    run.send(Tick(), after=1.0)
    run.at -= timedelta(minutes=3)  # NTP corrects a fast clock
    run.send(Tick(), after=180.0)
    assert [e for e in run.effects if isinstance(e, Say)] == [
        Say("closing", "announce:closing@2026-11-24T20:45:00Z", 15)]


def test_a_tailgate_can_be_announced_and_notified() -> None:
    tl = timeline(tailgating_announcement="one_per_card",
                  notify_on=frozenset({"tailgating_suspected"}))
    run = Run(local(TUESDAY, "20:00"), tl)
    run.send(Granted(run.mono, 4.0))
    for kind, after in ((K.OPENED, 0.5), (K.CLOSED, 1.0), (K.OPENED, 0.5), (K.CLOSED, 1.0)):
        run.door(kind, after=after)
    effects = run.send(Tick(), after=10.0)
    assert Notify("tailgating_suspected") in effects
    assert [e.announcement for e in effects if isinstance(e, Say)] == ["one_per_card"]


def test_a_clock_stepped_forward_brings_every_output_to_now_and_skips_stale_announcements(
) -> None:
    run = Run(local(TUESDAY, "21:00"))  # self-service: lights and PCs on, alarm off
    run.at += timedelta(hours=2)  # the wall clock is set two hours on (the monotonic is not)
    effects = run.send(Tick(), after=1.0)
    assert run.switched() == {"lights": False, "pcs": False, "alarm": True}
    assert not [e for e in effects if isinstance(e, Say)]  # "closing in 15 min" at 23:00: no

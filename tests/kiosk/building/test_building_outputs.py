"""The building's outputs on a real relay board (an LCUS board on a pseudo-terminal behind a
/dev/serial/by-id link): released at start before the calendar's value, a board that stops
taking commands is a fault everywhere a technician looks but does not stop the door, and the
output is told again until the board takes it (after a replug: the state it should be in now).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from buildingkit import TUESDAY, local
from kioskkit import write_config
from ptykit import PtyPair, read_available, relink

from kiosk.building.build import build_building
from kiosk.building.outputs import output_part
from kiosk.building.shell import BuildingShell
from kiosk.clock import FixedClock
from kiosk.config import load
from kiosk.services import Services, build_services

OFF, ON = bytes.fromhex("A0 02 00 A2"), bytes.fromhex("A0 02 01 A3")  # LCUS channel 2


def switched(pty: PtyPair) -> list[bytes]:
    """The commands that arrived, a repeat of the same one counted once: the relay's keeper
    re-sends the current state while idle and retries a command the board did not take."""
    data = read_available(pty.master)
    frames = [data[i:i + 4] for i in range(0, len(data), 4)]
    return [f for i, f in enumerate(frames) if i == 0 or f != frames[i - 1]]


@pytest.fixture
def board(tmp_path: Path) -> Iterator[tuple[Path, PtyPair]]:
    link = tmp_path / "usb-1a86_USB_Serial-if00-port0"
    pty = PtyPair.open()
    relink(link, pty.path)
    yield link, pty
    pty.close()


def lights_on_board(tmp_path: Path, link: Path, clock: FixedClock) -> tuple[
        BuildingShell, Services]:
    loaded = load(write_config(tmp_path), ['outputs.lights.driver="lcus"',
                                           f'outputs.lights.port="{link}"',
                                           "outputs.lights.channel=2"])
    services = build_services(loaded, clock)
    return build_building(loaded, services, clock), services


def test_an_output_is_released_at_start_then_switched_to_where_the_calendar_wants_it(
        tmp_path: Path, board: tuple[Path, PtyPair]) -> None:
    link, pty = board
    clock = FixedClock(local(TUESDAY, "21:00"))  # self-service: the lights are on
    building, services = lights_on_board(tmp_path, link, clock)
    try:
        assert switched(pty) == [OFF]  # a board keeps its state through a crash
        building.drain()
        assert switched(pty) == [ON]
    finally:
        building.stop()
        services.close()
    assert switched(pty) == [OFF]  # and released again on the way out


def test_a_board_that_stops_answering_is_a_fault_that_does_not_stop_the_door(
        tmp_path: Path, board: tuple[Path, PtyPair]) -> None:
    link, first = board
    clock = FixedClock(local(TUESDAY, "21:00"))
    building, services = lights_on_board(tmp_path, link, clock)
    second = PtyPair.open()
    try:
        building.drain()
        assert switched(first) == [OFF, ON]
        first.close()  # unplugged
        clock.set(local(TUESDAY, "22:05"))  # closed and nobody inside: the lights go off
        building.drain()
        part = output_part("lights")
        assert part in services.faults.messages()
        assert not services.faults.out_of_service  # patrons still get in
        assert services.faults.door_messages() == {}
        (lights,) = (o for o in building.view().outputs if o.name == "lights")
        assert lights.fault is not None  # on the technician screen
        assert str(link) in lights.fault
        assert lights.on is True  # what the board last took, not what was asked

        relink(link, second.path)  # plugged in again (udev moves the by-id link)
        clock.advance(5)
        building.drain()
        assert switched(second) == [OFF]  # told again: where it should be now
        assert part not in services.faults.messages()
        (lights,) = (o for o in building.view().outputs if o.name == "lights")
        assert (lights.on, lights.fault) == (False, None)
    finally:
        building.stop()
        services.close()
        second.close()


def test_a_board_the_relay_s_keeper_brings_back_clears_the_fault_by_itself(
        tmp_path: Path, board: tuple[Path, PtyPair]) -> None:
    """No step of the building needed: the relay retries on its own keeper thread."""
    link, first = board
    clock = FixedClock(local(TUESDAY, "21:00"))
    building, services = lights_on_board(tmp_path, link, clock)
    second = PtyPair.open()
    part = output_part("lights")
    try:
        building.drain()
        first.close()
        clock.set(local(TUESDAY, "22:05"))
        building.drain()
        assert part in services.faults.messages()
        relink(link, second.path)
        assert wait_until(lambda: OFF in read_available(second.master, 0.1))  # the keeper
        assert wait_until(lambda: part not in services.faults.messages())
    finally:
        building.stop()
        services.close()
        second.close()


def wait_until(predicate: Callable[[], bool], timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        threading.Event().wait(0.05)
    return True

"""Door contact / fire inputs: pure debounce, modem lines on a real loop:// port, GPIO fake."""

from __future__ import annotations

import queue
import threading
from datetime import timedelta
from typing import Any

import pytest
import serial
from driverkit import TIMEOUT, wait_until

from drivers.inputs import Debouncer, GpioInput, InputRole, ModemLine, ModemLineInput
from drivers.types import DoorEvent, DoorEventKind

K = DoorEventKind


def test_debouncer_reports_the_first_level_and_settled_changes() -> None:
    d = Debouncer(0.05)
    assert d.update(False, 0.0) is False
    assert d.update(True, 0.01) is None
    assert d.update(False, 0.03) is None  # glitch
    assert d.update(False, 0.2) is None  # back where it was: nothing to say
    assert d.update(True, 1.0) is None
    assert d.update(True, 1.04) is None
    assert d.update(True, 1.05) is True
    assert d.update(True, 9.0) is None


class Events:
    def __init__(self) -> None:
        self.queue: queue.Queue[DoorEvent] = queue.Queue()

    def __call__(self, event: DoorEvent) -> None:
        self.queue.put(event)

    def next(self) -> DoorEventKind:
        return self.queue.get(timeout=TIMEOUT).kind


def test_door_contact_on_cts(request: pytest.FixtureRequest) -> None:
    # loop:// wires RTS to CTS and DTR to DSR: the test drives the contact through RTS.
    port = serial.serial_for_url("loop://", timeout=0)
    request.addfinalizer(port.close)
    port.rts = False
    events = Events()
    contact = ModemLineInput("door", "loop://", line="cts", open_port=lambda _: port)
    contact.start(events)
    try:
        assert events.next() is K.CLOSED  # the state at start-up
        port.rts = True
        assert events.next() is K.OPENED
        port.rts = False
        assert events.next() is K.CLOSED
    finally:
        contact.stop()


def test_fire_alarm_on_dsr_active_low(request: pytest.FixtureRequest) -> None:
    port = serial.serial_for_url("loop://", timeout=0)
    request.addfinalizer(port.close)
    port.dtr = True  # an NC loop: asserted while all is well
    events = Events()
    fire = ModemLineInput(
        "fire",
        "loop://",
        line=ModemLine.DSR,
        role=InputRole.FIRE,
        active_low=True,
        open_port=lambda _: port,
    )
    fire.start(events)
    try:
        assert events.next() is K.FIRE_ALARM_OFF
        port.dtr = False
        assert events.next() is K.FIRE_ALARM_ON
    finally:
        fire.stop()


def test_a_missing_port_is_retried_not_fatal() -> None:
    events = Events()
    contact = ModemLineInput("door", "/nonexistent/ttyUSB9")
    contact.start(events)
    thread = contact._thread
    assert thread is not None
    assert not wait_until(lambda: not thread.is_alive(), timeout=0.3)  # failing, not dead
    contact.stop()
    assert events.queue.empty()


class FakeLineRequest:
    def __init__(self) -> None:
        self.value = "inactive"
        self.edge = threading.Event()
        self.released = False

    def get_value(self, line: Any) -> str:
        return self.value

    def set_level(self, value: str) -> None:
        self.value = value
        self.edge.set()

    def wait_edge_events(self, timeout: timedelta) -> bool:
        return self.edge.wait(timeout.total_seconds())

    def read_edge_events(self) -> list[object]:
        self.edge.clear()
        return [object()]

    def release(self) -> None:
        self.released = True


class FakeGpiod:
    class line:
        class Direction:
            INPUT = "input"

        class Value:
            ACTIVE, INACTIVE = "active", "inactive"

        class Edge:
            BOTH = "both"

    def __init__(self) -> None:
        self.request = FakeLineRequest()
        self.config: dict[Any, Any] = {}

    @staticmethod
    def LineSettings(**kwargs: Any) -> dict[str, Any]:
        return kwargs

    def request_lines(self, chip: str, consumer: str, config: dict[Any, Any]) -> FakeLineRequest:
        self.config = config
        return self.request


def test_gpio_door_contact_with_edge_events() -> None:
    gpiod = FakeGpiod()
    events = Events()
    contact = GpioInput("door", line=23, debounce_s=0.02, gpiod_module=gpiod)
    contact.start(events)
    try:
        assert events.next() is K.CLOSED
        gpiod.request.set_level("active")
        assert events.next() is K.OPENED
        assert gpiod.config[23]["edge_detection"] == "both"
    finally:
        contact.stop()
    assert gpiod.request.released


@pytest.mark.parametrize(("role", "kind"), [
    ("exit", K.EXIT_REQUESTED), ("people_in", K.PERSON_IN), ("people_out", K.PERSON_OUT),
])
def test_pulse_inputs_report_each_press_and_nothing_at_start_up(
    request: pytest.FixtureRequest, role: str, kind: DoorEventKind
) -> None:
    port = serial.serial_for_url("loop://", timeout=0)
    request.addfinalizer(port.close)
    port.rts = True  # held at start-up (a stuck button, a counter contact): no event
    events = Events()
    button = ModemLineInput("exit", "loop://", line="cts", role=role,
                            open_port=lambda _: port)
    button.start(events)
    try:
        assert wait_until(lambda: button.level is True)
        port.rts = False  # released: nothing either
        assert wait_until(lambda: button.level is False)
        port.rts = True
        assert events.next() is kind
        port.rts = False
        assert wait_until(lambda: button.level is False)
        port.rts = True
        assert events.next() is kind
        with pytest.raises(queue.Empty):
            events.queue.get(timeout=0.3)
    finally:
        button.stop()

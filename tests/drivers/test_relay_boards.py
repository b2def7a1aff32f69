"""The exact bytes each relay board receives, on real pseudo-terminals."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from driverkit import PtyPair, read_available, read_exact, relink

from drivers.relays import RELAYS, CommandRelay, GpioRelay, NullRelay, make_relay
from drivers.relays.lcus import lcus_command
from drivers.relays.numato import numato_command
from drivers.types import RelayFault

LCUS_ON, LCUS_OFF = bytes.fromhex("A0 01 01 A2"), bytes.fromhex("A0 01 00 A1")


@pytest.mark.parametrize(
    ("driver", "channel", "on", "off"),
    [
        ("lcus", 1, LCUS_ON, LCUS_OFF),
        ("lcus", 2, bytes.fromhex("A0 02 01 A3"), bytes.fromhex("A0 02 00 A2")),
        ("kmtronic", 1, bytes.fromhex("FF 01 01"), bytes.fromhex("FF 01 00")),
        ("kmtronic", 4, bytes.fromhex("FF 04 01"), bytes.fromhex("FF 04 00")),
        ("numato", 0, b"relay on 0\r", b"relay off 0\r"),
        ("numato", 11, b"relay on B\r", b"relay off B\r"),
    ],
    ids=["lcus-1", "lcus-2", "kmtronic-1", "kmtronic-4", "numato-0", "numato-11"],
)
def test_board_bytes_for_construction_on_off_pulse_and_close(
    pty_pair: PtyPair, driver: str, channel: int, on: bytes, off: bytes
) -> None:
    relay = make_relay(driver, port=pty_pair.path, channel=channel)
    try:
        assert read_exact(pty_pair.master, len(off)) == off  # off at start-up
        relay.on()
        assert read_exact(pty_pair.master, len(on)) == on
        assert relay.is_on
        relay.off()
        assert read_exact(pty_pair.master, len(off)) == off
        relay.pulse(0.1)
        assert read_exact(pty_pair.master, len(on) + len(off)) == on + off
        relay.on()
        assert read_exact(pty_pair.master, len(on)) == on
    finally:
        relay.close()
    assert read_exact(pty_pair.master, len(off)) == off  # off on close
    assert read_available(pty_pair.master) == b""
    assert relay.fault is None
    assert not relay.is_on


def test_lcus_checksum_wraps() -> None:
    assert lcus_command(8, True) == bytes((0xA0, 8, 1, 0xA9))
    assert all(
        lcus_command(ch, bool(op))[3] == (0xA0 + ch + op) & 0xFF
        for ch in range(1, 9)
        for op in (0, 1)
    )


@pytest.mark.parametrize(
    ("driver", "channel"), [("lcus", 0), ("lcus", 9), ("kmtronic", 0), ("numato", 32)]
)
def test_bad_channels_are_refused_before_the_port_is_opened(driver: str, channel: int) -> None:
    with pytest.raises(ValueError, match="must be"):
        make_relay(driver, port="/nonexistent", channel=channel)


def test_numato_numbers_from_ten_are_letters() -> None:
    assert numato_command(10, True) == b"relay on A\r"
    assert numato_command(31, False) == b"relay off V\r"


def test_make_relay_names_unknown_drivers_and_parameters() -> None:
    with pytest.raises(ValueError, match="unknown relay driver 'denkovi'"):
        make_relay("denkovi")
    with pytest.raises(ValueError, match="relay driver 'null'"):
        make_relay("null", port="/dev/ttyUSB0")
    assert set(RELAYS) == {"lcus", "kmtronic", "numato", "gpio", "command", "null"}


def test_unplugged_board_is_a_fault_and_the_relay_recovers_on_replug(tmp_path: Path) -> None:
    link = tmp_path / "usb-1a86_USB_Serial-if00-port0"
    first = PtyPair.open()
    relink(link, first.path)
    relay = make_relay("lcus", port=str(link), channel=1)
    second = PtyPair.open()
    try:
        assert read_exact(first.master, 4) == LCUS_OFF
        first.close()
        with pytest.raises(RelayFault):
            relay.pulse(1.0)
        assert relay.fault is not None
        assert not relay.is_on
        relink(link, second.path)
        relay.on()
        # The relay's keeper may get its retry of the failed pulse's OFF to the new board
        # first; what matters is that ON follows and the fault is gone.
        got = read_exact(second.master, 4)
        if got == LCUS_OFF:
            got = read_exact(second.master, 4)
        assert got == LCUS_ON
        assert relay.fault is None
        assert relay.is_on
    finally:
        relay.close()
        first.close()
        second.close()


def test_a_missing_board_at_start_up_shows_as_fault_not_as_a_crash(tmp_path: Path) -> None:
    relay = make_relay("kmtronic", port=str(tmp_path / "nothing-here"))
    try:
        assert relay.fault is not None
        assert "nothing-here" in relay.fault
        with pytest.raises(RelayFault):
            relay.on()
    finally:
        relay.close()


# -- command relay ---------------------------------------------------------------------------

SCRIPT = """
import pathlib, sys, time
log = pathlib.Path(sys.argv[1])
mode = sys.argv[2]
log.write_text(log.read_text() + sys.argv[-1] + "\\n" if log.exists() else sys.argv[-1] + "\\n")
if mode == "fail" and sys.argv[-1] == "on":
    sys.stderr.write("strike controller offline")
    sys.exit(3)
if mode == "slow" and sys.argv[-1] == "on":
    time.sleep(10)
"""


@pytest.fixture
def hook(tmp_path: Path) -> tuple[Path, Path]:
    script = tmp_path / "strike.py"
    script.write_text(SCRIPT)
    return script, tmp_path / "calls.log"


def test_command_relay_appends_on_and_off(hook: tuple[Path, Path]) -> None:
    script, log = hook
    with CommandRelay([sys.executable, str(script), str(log), "ok"]) as relay:
        relay.on()
        relay.off()
    assert log.read_text().split() == ["off", "on", "off", "off"]


def test_command_relay_non_zero_exit_is_a_fault_and_switches_off(hook: tuple[Path, Path]) -> None:
    script, log = hook
    relay = make_relay("command", argv=[sys.executable, str(script), str(log), "fail"])
    try:
        with pytest.raises(RelayFault, match="exited with 3: strike controller offline"):
            relay.pulse(1.0)
        assert log.read_text().split() == ["off", "on", "off"]
        assert not relay.is_on
    finally:
        relay.close()


def test_command_relay_timeout_is_a_fault(hook: tuple[Path, Path]) -> None:
    script, log = hook
    relay = CommandRelay([sys.executable, str(script), str(log), "slow"], timeout_s=0.5)
    try:
        with pytest.raises(RelayFault, match="did not finish"):
            relay.on()
    finally:
        relay.close()


def test_command_relay_missing_program_is_a_fault(tmp_path: Path) -> None:
    relay = CommandRelay([str(tmp_path / "no-such-program")])
    try:
        assert relay.fault is not None
        assert "cannot run" in relay.fault
    finally:
        relay.close()


# -- GPIO relay with a stand-in for the gpiod module -----------------------------------------


class FakeRequest:
    def __init__(self, chip: str, consumer: str, config: dict[Any, Any]) -> None:
        self.chip, self.consumer, self.config = chip, consumer, config
        self.values: list[tuple[Any, str]] = []
        self.released = False

    def set_value(self, line: Any, value: str) -> None:
        if self.released:
            raise ValueError("request released")
        self.values.append((line, value))

    def release(self) -> None:
        self.released = True


class FakeGpiod:
    """The names GpioRelay uses from gpiod 2.x; values are plain strings."""

    class line:
        class Direction:
            OUTPUT, INPUT = "output", "input"

        class Value:
            ACTIVE, INACTIVE = "active", "inactive"

        class Edge:
            BOTH = "both"

    def __init__(self) -> None:
        self.requests: list[FakeRequest] = []

    @staticmethod
    def LineSettings(**kwargs: Any) -> dict[str, Any]:
        return kwargs

    def request_lines(self, chip: str, consumer: str, config: dict[Any, Any]) -> FakeRequest:
        if chip == "/dev/gpiochip9":
            raise FileNotFoundError(2, "No such file or directory", chip)
        self.requests.append(FakeRequest(chip, consumer, config))
        return self.requests[-1]


def test_gpio_relay_keeps_its_request_and_ends_inactive() -> None:
    gpiod = FakeGpiod()
    relay = make_relay("gpio", line="17", active_low=True, gpiod_module=gpiod)
    request = gpiod.requests[0]
    assert request.config == {
        17: {"direction": "output", "output_value": "inactive", "active_low": True}
    }
    relay.pulse(0.05)
    relay.close()
    assert request.values[:2] == [(17, "inactive"), (17, "active")]
    # The pulse's end and close() may both switch off (which comes first depends on the load):
    # after the pulse, the line is only ever set inactive.
    assert set(request.values[2:]) == {(17, "inactive")}
    assert request.released


def test_gpio_relay_on_a_missing_chip_is_a_fault() -> None:
    with pytest.raises(RelayFault, match="gpiochip9"):
        GpioRelay(line="DOOR", chip="/dev/gpiochip9", gpiod_module=FakeGpiod())


def test_null_relay_remembers_state() -> None:
    with NullRelay() as relay:
        relay.on()
        assert relay.is_on
    assert not relay.is_on

"""Relay state is a fact (issue 12), on LCUS boards played by pseudo-terminals.

A board "does not take" a command when its tty stops accepting output (tcflow TCOOFF on the
line: pyserial's write times out, nothing reaches the board) or when it is unplugged (the
pty closes and its by-id link points nowhere). Each test reproduces one finding of the issue:
an OFF not taken at the pulse deadline, a board unplugged and back, the first patron after an
unplug, and an ON that was not taken.
"""

from __future__ import annotations

import contextlib
import termios
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from driverkit import PtyPair, read_available, read_exact, relink, wait_until

from drivers.relays import make_relay
from drivers.relays.base import BaseRelay
from drivers.types import DeviceFault, RelayFault

ON, OFF = bytes.fromhex("A0 01 01 A2"), bytes.fromhex("A0 01 00 A1")


class FaultLog:
    """What a fault listener heard, in order: DeviceFault on a start, None on a clear."""

    def __init__(self) -> None:
        self.notes: list[DeviceFault | None] = []
        self._changed = threading.Condition()

    def __call__(self, note: DeviceFault | None) -> None:
        with self._changed:
            self.notes.append(note)
            self._changed.notify_all()

    def wait_count(self, n: int, timeout: float = 5.0) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: len(self.notes) >= n, timeout)


@contextlib.contextmanager
def stalled(pair: PtyPair) -> Iterator[None]:
    """The board stops taking bytes (as a wedged USB adapter does) until the block ends."""
    termios.tcflow(pair.slave, termios.TCOOFF)
    try:
        yield
    finally:
        termios.tcflow(pair.slave, termios.TCOON)


@pytest.fixture
def board(pty_pair: PtyPair) -> Iterator[tuple[BaseRelay, FaultLog]]:
    relay = make_relay("lcus", port=pty_pair.path, channel=1, probe_s=None)
    faults = FaultLog()
    relay.add_fault_listener(faults)
    assert read_exact(pty_pair.master, 4) == OFF
    try:
        yield relay, faults
    finally:
        relay.close()


def test_an_off_not_taken_at_the_deadline_is_retried_until_the_board_takes_it(
    pty_pair: PtyPair, board: tuple[BaseRelay, FaultLog]
) -> None:
    relay, faults = board
    relay.pulse(0.5)
    assert read_exact(pty_pair.master, 4) == ON
    with stalled(pty_pair):
        assert faults.wait_count(1), "the OFF at the deadline was not taken: that is a fault"
        fault = faults.notes[0]
        assert fault is not None
        assert fault.part == "relay"
        assert "Write timeout" in fault.message
        assert relay.fault_state == fault
        assert relay.is_on, "the board's last accepted state is ON until an OFF is taken"
        # No patron comes: the keeper alone keeps trying.
        assert not faults.wait_count(2, timeout=1.5)
    # The line runs again: the next retry gets OFF through and the fault clears by itself.
    assert read_exact(pty_pair.master, 4, timeout=5) == OFF
    assert faults.wait_count(2)
    assert faults.notes[1] is None
    assert relay.fault is None
    assert not relay.is_on
    assert relay.settled_off


def test_a_pulse_whose_on_was_not_taken_raises_and_never_switches_on_later(
    pty_pair: PtyPair, board: tuple[BaseRelay, FaultLog]
) -> None:
    relay, faults = board
    with stalled(pty_pair), pytest.raises(RelayFault, match="Write timeout"):
        relay.pulse(5.0)
    assert not relay.is_on
    assert relay.fault is not None
    # What the keeper sends once the line runs again is OFF, never the ON of a grant the
    # patron was told had failed.
    assert read_exact(pty_pair.master, 4, timeout=5) == OFF
    assert wait_until(lambda: relay.fault is None)
    assert read_available(pty_pair.master, quiet=0.5) == b""
    assert [n is None for n in faults.notes] == [False, True]


def test_an_unplugged_board_is_found_by_the_idle_probe_and_clears_on_replug(
    tmp_path: Path,
) -> None:
    link = tmp_path / "usb-1a86_USB_Serial-if00-port0"
    first, second = PtyPair.open(), PtyPair.open()
    relink(link, first.path)
    relay = make_relay("lcus", port=str(link), channel=1, probe_s=0.2)
    faults = FaultLog()
    relay.add_fault_listener(faults)
    try:
        assert read_exact(first.master, 4) == OFF
        assert read_exact(first.master, 4, timeout=2) == OFF, "the idle probe re-sends OFF"
        first.close()
        link.unlink()  # udev removes the by-id link with the device
        assert faults.wait_count(1), "an unplugged board must become a fault with no patron"
        assert relay.fault is not None
        relink(link, second.path)
        assert read_exact(second.master, 4, timeout=5) == OFF
        assert faults.wait_count(2)
        assert faults.notes[1] is None
        relay.pulse(0.1)
        while (command := read_exact(second.master, 4)) == OFF:
            pass  # an idle probe that came just before the pulse
        assert command == ON
        assert read_exact(second.master, 4) == OFF
    finally:
        relay.close()
        first.close()
        second.close()


def test_the_first_patron_after_an_unplug_gets_no_on_and_a_fault(tmp_path: Path) -> None:
    link = tmp_path / "usb-1a86_USB_Serial-if00-port0"
    first = PtyPair.open()
    relink(link, first.path)
    # No idle probe: the pulse is the first command after the unplug.
    relay = make_relay("lcus", port=str(link), channel=1, probe_s=None)
    try:
        assert read_exact(first.master, 4) == OFF
        first.close()
        link.unlink()
        with pytest.raises(RelayFault):
            relay.pulse(4.0)
        assert not relay.is_on
        assert relay.fault is not None
    finally:
        relay.close()
        first.close()


def test_close_gives_up_on_a_dead_board_within_its_bound(tmp_path: Path) -> None:
    relay = make_relay("lcus", port=str(tmp_path / "gone"), channel=1, probe_s=None)
    assert relay.fault is not None
    relay.close()  # must return: the process is going; start-up switches off again
    assert relay.fault is not None

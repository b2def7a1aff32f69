"""Two channels of one board in one process (the door strike and the lights on an LCUS-2): the
port is opened once and shared, each channel gets its own bytes, and it is closed with the last
user. On real pseudo-terminals."""

from __future__ import annotations

from pathlib import Path

import pytest
from driverkit import PtyPair, read_exact, relink

from drivers.relays import make_relay
from drivers.relays.lcus import lcus_command
from drivers.relays.serialboard import SerialLink


def test_two_channels_of_one_board_share_one_open_port(pty_pair: PtyPair,
                                                       tmp_path: Path) -> None:
    by_id = tmp_path / "usb-1a86_USB_Serial-if00-port0"
    relink(by_id, pty_pair.path)
    door = make_relay("lcus", port=pty_pair.path, channel=1)
    lights = make_relay("lcus", port=str(by_id), channel=2)  # the same board by another name
    try:
        link = SerialLink.shared(pty_pair.path)
        assert link is not None
        assert link.users == 2
        assert read_exact(pty_pair.master, 8) == lcus_command(1, False) + lcus_command(2, False)
        lights.on()
        door.pulse(0.05)
        assert read_exact(pty_pair.master, 12) == (
            lcus_command(2, True) + lcus_command(1, True) + lcus_command(1, False))
        assert lights.is_on
        door.close()  # the lights' channel goes on working
        assert read_exact(pty_pair.master, 4) == lcus_command(1, False)
        lights.off()
        assert read_exact(pty_pair.master, 4) == lcus_command(2, False)
    finally:
        door.close()
        lights.close()
    assert SerialLink.shared(pty_pair.path) is None  # closed with its last user


def test_one_board_has_one_speed(pty_pair: PtyPair) -> None:
    door = make_relay("lcus", port=pty_pair.path, channel=1)
    try:
        with pytest.raises(ValueError, match="already in use at 9600 baud"):
            make_relay("lcus", port=pty_pair.path, channel=2, baudrate=19200)
    finally:
        door.close()

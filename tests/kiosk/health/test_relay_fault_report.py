"""The relay reports its own faults to the fault owner: set when the board stops taking
commands, cleared when it takes one again, with no patron involved (a pty LCUS board)."""

from __future__ import annotations

import termios
import threading
import time
from pathlib import Path

from kioskkit import SELF_SERVICE_AT
from ptykit import PtyPair, read_available

from drivers.relays import make_relay
from kiosk.clock import FixedClock
from kiosk.health.faults import Faults
from kiosk.health.relay_faults import report_relay_faults


def wait_for(predicate, timeout: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        threading.Event().wait(0.02)
    return True


def test_a_stalled_board_is_a_relay_fault_until_it_takes_a_command_again() -> None:
    pair = PtyPair.open()
    faults = Faults(FixedClock(SELF_SERVICE_AT))
    relay = make_relay("lcus", port=pair.path, channel=1, probe_s=0.2)
    stop = report_relay_faults(relay, faults)
    try:
        assert "relay" not in faults
        termios.tcflow(pair.slave, termios.TCOOFF)  # the board stops taking bytes
        assert wait_for(lambda: "relay" in faults)
        assert faults.out_of_service
        assert "Write timeout" in faults.messages()["relay"]
        termios.tcflow(pair.slave, termios.TCOON)
        assert wait_for(lambda: "relay" not in faults)
        assert not faults.out_of_service
    finally:
        stop()
        relay.close()
        read_available(pair.master, quiet=0.05)
        pair.close()


def test_a_board_missing_at_start_up_is_a_fault_at_once(tmp_path: Path) -> None:
    faults = Faults(FixedClock(SELF_SERVICE_AT))
    relay = make_relay("lcus", port=str(tmp_path / "gone"), channel=1, probe_s=None)
    try:
        stop = report_relay_faults(relay, faults)
        assert "relay" in faults
        stop()
    finally:
        relay.close()

"""`kiosk attempt` (the headless door) with a relay board that does not take commands: the
door is out of service from the start, no grant is claimed or logged, exit 1; once the board
answers again the same attempt opens the door. The real `kiosk` command, an LCUS board on a pty
whose output is suspended (issue 12: the first patron after an unplug was shown "door open")."""

from __future__ import annotations

import json
import subprocess
import sys
import termios
from collections.abc import Iterator
from pathlib import Path

import pytest
from faultkit import child_env
from kioskkit import write_config
from ptykit import OFF_LCUS as OFF
from ptykit import ON_LCUS as ON
from ptykit import Board, PtyPair, read_available

TECHNICIAN_CARD = "3300000099"  # let in in every mode: the test does not depend on the hour


@pytest.fixture
def board() -> Iterator[PtyPair]:
    pair = PtyPair.open()
    yield pair
    termios.tcflow(pair.slave, termios.TCOON)
    pair.close()


def kiosk(config: Path, board: PtyPair, *argv: str) -> subprocess.CompletedProcess[str]:
    args = [sys.executable, "-m", "kiosk", "--config", str(config),
            "--set", 'relay.driver="lcus"', "--set", f'relay.port="{board.path}"',
            "--set", "relay.pulse_seconds=0.2",
            "--set", f'access.technician_cards=["{TECHNICIAN_CARD}"]', *argv]
    return subprocess.run(args, capture_output=True, text=True, timeout=60, check=False,
                          env=child_env())


def attempt(
    config: Path, board: PtyPair, card: str = TECHNICIAN_CARD
) -> tuple[int, dict[str, object]]:
    done = kiosk(config, board, "attempt", "--card", card, "--pin", "0000")
    assert "Traceback" not in done.stderr
    return done.returncode, json.loads(done.stdout)


def logged(config: Path, board: PtyPair) -> list[tuple[bool, str]]:
    done = kiosk(config, board, "log", "--json")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    return [(bool(r["granted"]), str(r["reason"])) for r in rows]


def test_a_board_that_takes_no_command_is_out_of_service_and_no_grant_is_logged(
    tmp_path: Path, board: PtyPair
) -> None:
    config = write_config(tmp_path)
    termios.tcflow(board.slave, termios.TCOOFF)  # the board's USB-serial chip hangs
    # A patron's card: out of service before any PIN (the start-up OFF was not taken).
    code, decision = attempt(config, board, card="3300000001")
    assert (code, decision["granted"], decision["reason"]) == (1, False, "out_of_service")
    # A technician's card is let in even out of service; the relay did not take ON, so the
    # answer and the log say relay_fault, never "door open".
    code, decision = attempt(config, board)
    assert (code, decision["granted"], decision["reason"]) == (1, False, "relay_fault")
    assert "door is open" not in json.dumps(decision["text"])
    assert logged(config, board) == [(False, "out_of_service"), (False, "relay_fault")]

    termios.tcflow(board.slave, termios.TCOON)  # it answers again
    read_available(board.master, quiet=0.2)  # what was queued while it hung
    code, decision = attempt(config, board)
    assert (code, decision["granted"]) == (0, True)
    assert Board(board).commands(3) == [OFF, ON, OFF]  # start-up OFF, the pulse, its end
    assert logged(config, board)[-1] == (True, decision["reason"])

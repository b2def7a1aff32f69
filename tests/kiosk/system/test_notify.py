"""The library's notification command for door alarms (kiosk/system/notify.py), run for real:
it gets the kind, the time, the branch and the kiosk id; a command that fails, hangs past its
timeout or does not exist is a fault on the technician screen ("notify") that does not stop the
door, and the next notification that gets through clears it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from kioskkit import SELF_SERVICE_AT, write_config

from kiosk.building.build import notifier_for
from kiosk.building.shell import NOTIFY
from kiosk.clock import FixedClock
from kiosk.config import load
from kiosk.health.faults import Faults
from kiosk.system.notify import NotifyCommand

RECORD = "import sys, pathlib; pathlib.Path(sys.argv[1]).write_text(' '.join(sys.argv[2:]))"


def script(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "notify-staff.py"
    path.write_text(body, encoding="utf-8")
    return [sys.executable, str(path)]


def run_once(command: NotifyCommand, kind: str = "forced_open") -> list[tuple[str, str | None]]:
    done: list[tuple[str, str | None]] = []
    command.on_done = lambda k, why: done.append((k, why))
    command.notify(kind, SELF_SERVICE_AT)
    command.wait(30.0)
    return done


def test_the_command_gets_the_kind_the_time_the_branch_and_the_kiosk(tmp_path: Path) -> None:
    out = tmp_path / "sent.txt"
    command = NotifyCommand([sys.executable, "-c", RECORD, str(out)], 10.0, "Solrød Bibliotek",
                            "solrod-door-1")
    assert run_once(command, "held_open") == [("held_open", None)]
    assert out.read_text(encoding="utf-8") == (
        f"held_open {SELF_SERVICE_AT.isoformat(timespec='seconds')} Solrød Bibliotek "
        "solrod-door-1")


@pytest.mark.parametrize(("body", "timeout", "why"), [
    ("import sys; sys.stderr.write('SMS gateway refused: no credit'); sys.exit(3)", 10.0,
     "exited 3: SMS gateway refused: no credit"),
    ("import time; time.sleep(30)", 1.0, "did not finish in 1 s"),
], ids=["fails", "hangs"])
def test_a_command_that_fails_or_hangs_says_why_in_one_line(
        tmp_path: Path, body: str, timeout: float, why: str) -> None:
    command = NotifyCommand(script(tmp_path, body), timeout, "Solrød Bibliotek", "k1")
    ((kind, reason),) = run_once(command)
    assert kind == "forced_open"
    assert reason is not None
    assert reason.endswith(why)
    assert "\n" not in reason


def test_a_missing_command_is_a_fault_that_does_not_stop_the_door_until_one_gets_through(
        tmp_path: Path) -> None:
    config = write_config(tmp_path)
    missing = tmp_path / "no-such-notify"
    loaded = load(config, [f'alarms.notify_command=["{missing}"]'])
    faults = Faults(FixedClock(SELF_SERVICE_AT))
    command = notifier_for(loaded, faults)
    assert command is not None
    command.notify("forced_open", SELF_SERVICE_AT)
    command.wait(30.0)
    assert NOTIFY in faults
    assert faults.messages()[NOTIFY].startswith(f"cannot run {missing}")
    assert not faults.out_of_service  # the door does not depend on it

    command.argv = [sys.executable, "-c", "pass"]  # the technician put the script in place
    command.notify("held_open", SELF_SERVICE_AT)
    command.wait(30.0)
    assert NOTIFY not in faults

"""OFF first on every way out, and one relay owner (issue 12), with the real `kiosk` command on
a pty LCUS board and real signals (os.kill). How fast the OFF comes is a benchmark figure
(`python -m bench.relay_exit`), not asserted here; that it comes, and before the process is
gone, is.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from faultkit import child_env, fake_central
from kioskkit import write_config
from ptykit import OFF_LCUS as OFF
from ptykit import ON_LCUS as ON
from ptykit import Board, PtyPair, read_available, reap, stop_signals_at_default

from kiosk.system.relay_owner import LOCK_NAME

TECHNICIAN_CARD = "3300000099"  # let in in every mode: the tests do not depend on the hour


@pytest.fixture
def board() -> Iterator[Board]:
    pair = PtyPair.open()
    yield Board(pair)
    pair.close()


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return write_config(tmp_path)


@pytest.fixture(autouse=True)
def _as_under_systemd() -> Iterator[None]:
    with stop_signals_at_default():
        yield


def kiosk(config: Path, board: Board, *argv: str, pulse: float = 20.0,
          extra: tuple[str, ...] = ()) -> subprocess.Popen[str]:
    args = [sys.executable, "-m", "kiosk", "--config", str(config),
            "--set", 'relay.driver="lcus"', "--set", f'relay.port="{board.path}"',
            "--set", f"relay.pulse_seconds={pulse}",
            "--set", f'access.technician_cards=["{TECHNICIAN_CARD}"]', *extra, *argv]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=child_env(QT_QPA_PLATFORM="offscreen"))


def finish(proc: subprocess.Popen[str], timeout: float = 30) -> tuple[int, str, str]:
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise AssertionError(f"the process did not end within {timeout} s: {err[-2000:]}"
                             ) from None
    return proc.returncode, out, err


ATTEMPT = ("attempt", "--card", TECHNICIAN_CARD, "--pin", "0000")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGABRT],
                         ids=["sigterm", "sigint", "sighup", "sigabrt-watchdog"])
def test_a_signal_during_a_relay_test_switches_off_first(
    config: Path, board: Board, signum: int
) -> None:
    proc = kiosk(config, board, "relay-test", "--seconds", "20")
    try:
        assert board.command() == OFF  # start-up
        assert board.command() == ON
        os.kill(proc.pid, signum)
        assert board.command() == OFF, "the signal must switch the relay off"
        code, out, err = finish(proc)
        assert code == 128 + signum, err
        assert out == ""  # no success line for a test that was cut short
    finally:
        reap(proc)


def test_sigterm_during_an_attempts_pulse_switches_off(config: Path, board: Board) -> None:
    proc = kiosk(config, board, *ATTEMPT)
    try:
        assert board.command() == OFF
        assert board.command() == ON
        os.kill(proc.pid, signal.SIGTERM)
        assert board.command() == OFF
        code, _out, _err = finish(proc)
        assert code == 128 + signal.SIGTERM
    finally:
        reap(proc)


def test_relay_test_is_bounded_when_the_board_does_not_take_off(
    config: Path, board: Board
) -> None:
    proc = kiosk(config, board, "relay-test", "--seconds", "0.5")
    try:
        assert board.command() == OFF
        assert board.command() == ON
        termios.tcflow(board.pair.slave, termios.TCOOFF)  # the board stops taking commands
        code, out, err = finish(proc, timeout=30)  # before: `while relay.is_on` for ever
        assert code == 1
        assert out == ""
        assert "OFF not taken" in err
        assert "Traceback" not in err
    finally:
        termios.tcflow(board.pair.slave, termios.TCOON)
        reap(proc)


HOLD_LOCK = """
import sys
from pathlib import Path
from kiosk.system.relay_owner import RelayLock
lock = RelayLock(Path(sys.argv[1]))
lock.acquire("run")
print("holding", flush=True)
sys.stdin.readline()
"""


def test_an_attempt_while_another_process_owns_the_relay_switches_and_logs_nothing(
    config: Path, board: Board, tmp_path: Path
) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK,
                               str(tmp_path / "data" / LOCK_NAME)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              env=child_env())
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        code, out, err = finish(kiosk(config, board, *ATTEMPT))
        assert code == 1
        assert out == "", "a second process must not print a decision, let alone a grant"
        assert f"in use by kiosk run (pid {holder.pid})" in err
        assert board.silent(), "the second process touched the relay"
        code, out, _err = finish(kiosk(config, board, "log", "--json"))
        assert (code, out) == (0, ""), "an attempt that could not open the door was logged"
    finally:
        reap(holder)
    # The owner is gone (the kernel dropped its lock): the next attempt works.
    proc = kiosk(config, board, *ATTEMPT, pulse=0.2)
    code, out, err = finish(proc)
    assert code == 0, err
    assert '"granted": true' in out


def test_sigkill_mid_pulse_then_a_refused_config_still_switches_off(
    config: Path, board: Board
) -> None:
    # A relay-test takes the settings (the board took its OFF): they are kept in data_dir.
    code, _out, err = finish(kiosk(config, board, "relay-test", "--seconds", "0.1"))
    assert code == 0, err
    assert board.commands(3) == [OFF, ON, OFF]
    board.forget()
    proc = kiosk(config, board, *ATTEMPT)
    assert board.command() == OFF
    assert board.command() == ON
    reap(proc)  # SIGKILL: no handler runs; the board stays ON
    assert board.silent()
    # The technician's edit does not validate: `kiosk run` refuses it (exit 2), but switches
    # the relay off first, with the settings that worked.
    board.forget()
    broken = kiosk(config, board, "run", extra=("--set", 'access.min_age="fifteen"'))
    code, _out, err = finish(broken)
    assert board.command() == OFF
    assert code == 2
    assert "access.min_age" in err
    assert "Traceback" not in err


def _wait_for_sync_running(health: Path, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            jobs = json.loads(health.read_text(encoding="utf-8")).get("jobs", {})
        except (OSError, ValueError):
            jobs = {}
        if jobs.get("sync", {}).get("running"):
            return
        threading.Event().wait(0.05)
    raise AssertionError("the background sync never started")


@pytest.mark.slow
def test_kiosk_run_switches_off_before_joining_a_stuck_sync(
    tmp_path: Path, board: Board
) -> None:
    reader = PtyPair.open()
    try:
        with fake_central(50) as central:
            central.fault("stall", count=100, seconds=60)  # the central never answers
            config = write_config(tmp_path, f'\n[readers.door]\ndriver = "serial"\n'
                                  f'port = "{reader.path}"\n')
            text = config.read_text(encoding="utf-8")
            config.write_text(text.replace('kind = "none"',
                                           f'kind = "http"\nurl = "{central.url}"', 1))
            proc = kiosk(config, board, "run")
            try:
                assert board.command() == OFF
                _wait_for_sync_running(tmp_path / "data" / "health.json", proc)
                for _ in range(30):  # the reader's port opens a moment after the relay's
                    os.write(reader.master, TECHNICIAN_CARD.encode() + b"\r")
                    try:
                        if board.command(timeout=1.0) == ON:
                            break
                    except AssertionError:
                        continue
                os.kill(proc.pid, signal.SIGTERM)
                assert board.command() == OFF
                # The OFF came while the process was still stopping (joining the stuck sync):
                # OFF first, joins after.
                assert proc.poll() is None
                code, _out, err = finish(proc)
                assert code == 128 + signal.SIGTERM, err
            finally:
                reap(proc)
            # reliability.md #1: START and STOP are in the technician audit trail
            code, out, _err = finish(kiosk(config, board, "log", "--audit", "--json"))
            actions = [json.loads(line) for line in out.splitlines()]
            assert [a["action"] for a in actions if a["action"].startswith("kiosk_")] == [
                "kiosk_start", "kiosk_stop"]
            assert actions[-1]["detail"].startswith("signal SIGTERM; relay off"), actions
    finally:
        reader.close()


@pytest.mark.slow
def test_an_attempt_while_kiosk_run_owns_the_relay_exits_1(
    tmp_path: Path, config: Path, board: Board
) -> None:
    proc = kiosk(config, board, "run")
    try:
        assert board.command() == OFF
        code, out, err = finish(kiosk(config, board, *ATTEMPT))
        assert code == 1
        assert out == ""
        assert f"in use by kiosk run (pid {proc.pid})" in err
    finally:
        proc.terminate()
        finish(proc)
    code, out, _err = finish(kiosk(config, board, "log", "--json"))
    assert (code, out) == (0, "")


@pytest.mark.slow
def test_kill_9_at_random_points_of_pulses_and_restarts_never_switch_on_unasked(
    config: Path, board: Board
) -> None:
    """reliability.md #2, five points instead of 200 (each restart is a full `kiosk run`)."""
    code, _out, err = finish(kiosk(config, board, "relay-test", "--seconds", "0.1"))
    assert code == 0, err  # the settings that work are kept for the restarts
    rng = random.Random(2)
    for _ in range(5):
        board.forget()
        proc = kiosk(config, board, *ATTEMPT, pulse=1.0)
        assert board.command() == OFF
        assert board.command() == ON
        threading.Event().wait(rng.uniform(0.0, 1.2))
        proc.kill()
        finish(proc)
        board.forget()
        restart = kiosk(config, board, "run")
        try:
            assert board.command() == OFF, "the restart's first command must be OFF"
            heard = read_available(board.pair.master, quiet=2.0)
            assert ON not in heard, "the relay switched on after a restart with no grant"
        finally:
            restart.terminate()
            finish(restart)

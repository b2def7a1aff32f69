"""A process holding an LCUS relay on a pty switches it off when told to stop."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from driverkit import PtyPair, read_exact
from ptykit import read_available, reap, stop_signals_at_default

LCUS_ON, LCUS_OFF = bytes.fromhex("A0 01 01 A2"), bytes.fromhex("A0 01 00 A1")
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _as_under_systemd() -> Iterator[None]:
    with stop_signals_at_default():
        yield


CHILD = """
import signal, sys
from drivers.relays import make_relay, switch_off_on_exit
relay = make_relay("lcus", port=sys.argv[1], channel=1)
switch_off_on_exit(relay)
relay.on()
print("ready", flush=True)
while True:
    signal.pause()
"""


@pytest.mark.parametrize(
    ("signum", "expected_exit"),
    # Python re-raises an unhandled KeyboardInterrupt as SIGINT, so both die by their signal.
    [(signal.SIGTERM, -signal.SIGTERM), (signal.SIGINT, -signal.SIGINT)],
    ids=["sigterm", "sigint"],
)
def test_signal_switches_the_relay_off_before_exit(
    pty_pair: PtyPair, signum: int, expected_exit: int
) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, pty_pair.path],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        assert read_exact(pty_pair.master, 8, timeout=10) == LCUS_OFF + LCUS_ON
        assert child.stdout is not None
        assert child.stdout.readline() == b"ready\n"
        child.send_signal(signum)
        # Generous waits: a loaded CI machine stalled a child for 5 s. How fast the OFF comes is
        # measured by `python -m bench.relay_exit`; this test proves that it comes, and the exit.
        assert read_exact(pty_pair.master, 4, timeout=30) == LCUS_OFF
        assert child.wait(timeout=30) == expected_exit
    finally:
        reap(child)


def test_uninstall_restores_previous_handlers() -> None:
    from drivers.fake import RecordingRelay
    from drivers.relays import switch_off_on_exit

    before = signal.getsignal(signal.SIGTERM)
    with RecordingRelay() as relay:
        uninstall = switch_off_on_exit(relay)
        assert signal.getsignal(signal.SIGTERM) is not before
        uninstall()
    assert signal.getsignal(signal.SIGTERM) is before


CHILD_SIGNAL_TO_ANOTHER_THREAD = """
import signal, sys, threading
from drivers.relays import make_relay, switch_off_on_exit
relay = make_relay("lcus", port=sys.argv[1], channel=1)
switch_off_on_exit(relay)
relay.on()
watcher = next(t for t in threading.enumerate() if t.name == "relay-signal-watcher")

def deliver():
    sys.stdin.readline()
    signal.pthread_kill(watcher.ident, signal.SIGTERM)

threading.Thread(target=deliver, daemon=True).start()
print("ready", flush=True)
while True:
    signal.pause()
"""


def test_a_stop_signal_given_to_another_thread_still_ends_the_process(
    pty_pair: PtyPair,
) -> None:
    """The kernel may hand a process-directed SIGTERM to any thread. Given to the watcher
    thread, its C handler ran there: the relay went off, and the main thread slept on in
    pause(), never running the Python handler (seen in CI under libfaketime: no exit in 30 s).
    Here the signal is sent to the watcher thread on purpose."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD_SIGNAL_TO_ANOTHER_THREAD, pty_pair.path],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    try:
        assert read_exact(pty_pair.master, 8, timeout=10) == LCUS_OFF + LCUS_ON
        assert child.stdout is not None
        assert child.stdin is not None
        assert child.stdout.readline() == b"ready\n"
        child.stdin.write(b"go\n")
        child.stdin.flush()
        assert read_exact(pty_pair.master, 4, timeout=30) == LCUS_OFF
        assert child.wait(timeout=30) == -signal.SIGTERM
    finally:
        reap(child)


CHILD_STOP_DURING_A_WRITE = """
import sys
import drivers.relays.serialboard as serialboard
from drivers.relays import make_relay
from drivers.relays.shutdown import SignalGuard, exit_by
# A board that takes 10 s to refuse a command, not 0.5 s: the same write, a wider window.
serialboard.WRITE_TIMEOUT_S = 10.0
relay = make_relay("lcus", port=sys.argv[1], channel=1)
SignalGuard(relay, then=exit_by if sys.argv[2] == "exit_by" else None)
print("ready", flush=True)
sys.stdin.readline()
print("switching on", flush=True)
relay.pulse(20)
"""


@pytest.mark.parametrize(("then", "expected_exit"),
                         [("exit_by", 128 + signal.SIGTERM), ("default", -signal.SIGTERM)])
def test_a_stop_signal_during_the_main_threads_own_relay_write_still_switches_off(
    pty_pair: PtyPair, then: str, expected_exit: int
) -> None:
    """CI: `kiosk relay-test` got SIGHUP just as its main thread wrote ON; the board heard
    nothing more for 30 s. Python ran the guard's handler in the main thread, inside the
    serial link's lock, and the handler's OFF waited for that lock for ever (so did the
    watcher's). Here the board stops taking commands (its output stopped), so the main thread
    is surely inside that write when the signal comes; then it takes them again."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD_STOP_DURING_A_WRITE, pty_pair.path, then],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    try:
        assert read_exact(pty_pair.master, 4, timeout=10) == LCUS_OFF  # start-up
        assert child.stdout is not None
        assert child.stdin is not None
        assert child.stdout.readline() == b"ready\n"
        termios.tcflow(pty_pair.slave, termios.TCOOFF)
        child.stdin.write(b"go\n")
        child.stdin.flush()
        assert child.stdout.readline() == b"switching on\n"
        time.sleep(0.5)  # well inside the 10 s the ON's write now takes to fail
        child.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        termios.tcflow(pty_pair.slave, termios.TCOON)
        try:
            code = child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            raise AssertionError("the process never ended: the OFF waited for a lock the "
                                 "interrupted write held") from None
        received = read_available(pty_pair.master)
        assert code == expected_exit, child.stderr.read() if child.stderr else ""
        assert received.endswith(LCUS_OFF), received.hex(" ")
        assert LCUS_ON not in received, "nothing may switch on after the stop"
    finally:
        reap(child)

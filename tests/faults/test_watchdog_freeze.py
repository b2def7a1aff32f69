"""reliability.md #4: `kiosk run` frozen for 2 × WatchdogSec, with the relay on.

The test plays systemd: it listens on NOTIFY_SOCKET, sees the WATCHDOG=1 pings stop while the
process is frozen (SIGSTOP: every thread stops, the worst case of a hung event loop), and then
does what systemd does on a watchdog timeout: SIGABRT, and SIGCONT so that a stopped process
can take it. The relay must be switched off before the process ends. The time from the freeze
being noticed to OFF is printed as a measured figure, not asserted (the machine is shared).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from faultkit import child_env
from kioskkit import write_config
from ptykit import OFF_LCUS as OFF
from ptykit import ON_LCUS as ON
from ptykit import Board, PtyPair

TECHNICIAN_CARD = "3300000099"  # let in in every mode: the test does not depend on the hour
WATCHDOG_S = 1.0


class Systemd:
    """The notify socket's other end: every datagram the kiosk sends, as they come."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))

    def messages(self, seconds: float) -> list[bytes]:
        got: list[bytes] = []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self.sock.settimeout(left)
            with contextlib.suppress(TimeoutError):
                got.append(self.sock.recv(256))
        return got

    def wait_for(self, message: bytes, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if message in self.messages(0.2):
                return
        raise AssertionError(f"no {message!r} from the kiosk in {timeout} s")


@pytest.fixture
def systemd(tmp_path: Path) -> Iterator[Systemd]:
    listener = Systemd(tmp_path / "notify")
    yield listener
    listener.sock.close()


def kiosk_run(tmp_path: Path, board: Board, reader: PtyPair,
              notify: Path) -> subprocess.Popen[str]:
    extra = f'\n[readers.door]\ndriver = "serial"\nport = "{reader.path}"\n'
    config = write_config(tmp_path, extra)
    args = [sys.executable, "-m", "kiosk", "--config", str(config),
            "--set", 'relay.driver="lcus"', "--set", f'relay.port="{board.path}"',
            "--set", "relay.pulse_seconds=30",
            "--set", f'access.technician_cards=["{TECHNICIAN_CARD}"]', "run"]
    env = child_env(QT_QPA_PLATFORM="offscreen", NOTIFY_SOCKET=str(notify),
                    WATCHDOG_USEC=str(int(WATCHDOG_S * 1_000_000)))
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=env)


def open_the_door(board: Board, reader: PtyPair) -> None:
    # The reader's port opens some time after start-up, and a read sent before is dropped.
    for _ in range(30):
        os.write(reader.master, TECHNICIAN_CARD.encode() + b"\r")
        with contextlib.suppress(AssertionError):
            if board.command(timeout=2.0) == ON:
                return
    raise AssertionError("the technician card never switched the relay on")


@pytest.mark.slow
def test_a_frozen_kiosk_stops_pinging_and_the_watchdog_abort_switches_the_relay_off(
    tmp_path: Path, systemd: Systemd, figures: Callable[[str], None]
) -> None:
    board_pair, reader = PtyPair.open(), PtyPair.open()
    board = Board(board_pair)
    proc = kiosk_run(tmp_path, board, reader, systemd.path)
    try:
        assert board.command() == OFF  # start-up
        systemd.wait_for(b"READY=1")
        systemd.wait_for(b"WATCHDOG=1")
        open_the_door(board, reader)

        os.kill(proc.pid, signal.SIGSTOP)  # frozen: the event loop and every other thread
        systemd.messages(0.3)  # a ping already on its way when the process stopped
        silent = systemd.messages(2 * WATCHDOG_S)
        assert b"WATCHDOG=1" not in silent, "a frozen kiosk must not tell systemd it is alive"
        assert board.silent(0.1), "nobody is there to switch the relay while frozen"

        noticed = time.monotonic()
        os.kill(proc.pid, signal.SIGABRT)  # systemd's WatchdogSignal
        os.kill(proc.pid, signal.SIGCONT)  # systemd continues a stopped process it signals
        assert board.command() == OFF, "the watchdog's abort must switch the relay off"
        figures(f"watchdog abort -> relay OFF: {time.monotonic() - noticed:.2f} s "
                f"(reliability.md #4: within WatchdogSec + 5 s = {WATCHDOG_S + 5:.0f} s)")
        proc.wait(timeout=60)
        assert proc.returncode in (-signal.SIGABRT, 128 + signal.SIGABRT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()
        board_pair.close()
        reader.close()

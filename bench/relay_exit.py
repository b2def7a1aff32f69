"""How long the strike can stay energised after each kind of failure: `python -m bench.relay_exit`.

Every figure is measured from outside, on an LCUS board played by a pseudo-terminal: the clock
starts when the failure is made (a signal, an unplug, a stalled line) and stops when the OFF
bytes reach the board. The restart figures play systemd's part as deploy/systemd/kiosk.service
sets it (Restart=always, RestartSec read from the unit file). The baseline is the fastest any
Python process can send OFF here: interpreter start, pyserial, open, write.
Figures are printed as JSON lines and a table (bench/figures.py); docs/hardware.md quotes them.
"""

from __future__ import annotations

import argparse
import os
import re
import select
import signal
import subprocess
import sys
import tempfile
import termios
import threading
import time
import tty
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from bench.figures import Figure, emit, table
from bench.workspace import REPO, write_config

OFF, ON = bytes.fromhex("A0 01 00 A1"), bytes.fromhex("A0 01 01 A2")
TECHNICIAN_CARD = "3300000099"
UNIT_FILE = REPO / "deploy" / "systemd" / "kiosk.service"
SIGTERM_GOAL_S = 0.5
"""Issue 12: OFF within 0.5 s of a stop signal."""


def restart_sec() -> float:
    match = re.search(r"^RestartSec=(\d+(?:\.\d+)?)", UNIT_FILE.read_text(), re.M)
    return float(match.group(1)) if match else 0.1  # systemd's default is 100 ms


class Board:
    """The master side of a pty an LCUS relay driver writes to."""

    def __init__(self) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.master)
        self.path = os.ttyname(self.slave)

    def wait_for(self, command: bytes, timeout: float = 30.0) -> float:
        """Monotonic time at which `command` arrived (earlier bytes are skipped)."""
        deadline = time.monotonic() + timeout
        data = b""
        while time.monotonic() < deadline:
            if select.select([self.master], [], [], 0.005)[0]:
                data += os.read(self.master, 64)
                if command in data:
                    return time.monotonic()
        raise RuntimeError(f"{command.hex()} never reached the board")

    def drain(self) -> None:
        while select.select([self.master], [], [], 0.05)[0]:
            os.read(self.master, 4096)

    def close(self) -> None:
        for fd in (self.master, self.slave):
            with suppress(OSError):
                os.close(fd)


def kiosk(
    config: Path, board: Board, *argv: str, extra: Sequence[str] = ()
) -> subprocess.Popen[bytes]:
    args = [sys.executable, "-m", "kiosk", "--config", str(config),
            "--set", 'relay.driver="lcus"', "--set", f'relay.port="{board.path}"',
            "--set", "relay.pulse_seconds=30",
            "--set", f'access.technician_cards=["{TECHNICIAN_CARD}"]', *extra, *argv]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env, cwd=REPO)


def reap(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=30)


ATTEMPT = ("attempt", "--card", TECHNICIAN_CARD, "--pin", "0000")


def on_by_attempt(config: Path, board: Board) -> subprocess.Popen[bytes]:
    proc = kiosk(config, board, *ATTEMPT)
    board.wait_for(ON)
    return proc


def stop_signal_to_off(board: Board, start: Callable[[], subprocess.Popen[bytes]],
                       signum: int) -> float:
    proc = start()
    try:
        sent = time.monotonic()
        os.kill(proc.pid, signum)
        return board.wait_for(OFF) - sent
    finally:
        reap(proc)
        board.drain()


def death_to_off(config: Path, board: Board, signum: int, extra: Sequence[str] = ()) -> float:
    """SIGKILL (or a native crash) mid-pulse, systemd's RestartSec, `kiosk run` again."""
    proc = on_by_attempt(config, board)
    died = time.monotonic()
    os.kill(proc.pid, signum)
    proc.wait(timeout=30)
    threading.Event().wait(restart_sec())
    again = kiosk(config, board, "run", extra=extra)
    try:
        return board.wait_for(OFF) - died
    finally:
        reap(again)
        board.drain()


def baseline_start_to_off(board: Board) -> float:
    code = ("import serial,sys; p=serial.Serial(sys.argv[1], 9600, write_timeout=0.5);"
            f"p.write(bytes.fromhex('{OFF.hex()}')); p.flush()")
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-c", code, board.path])
    try:
        return board.wait_for(OFF) - started
    finally:
        proc.wait(timeout=30)
        board.drain()


def kiosk_run_start_to_off(config: Path, board: Board) -> float:
    started = time.monotonic()
    proc = kiosk(config, board, "run")
    try:
        return board.wait_for(OFF) - started
    finally:
        reap(proc)
        board.drain()


@contextmanager
def stuck_central() -> Iterator[str]:
    """A fake central that accepts connections and never answers: the sync job hangs."""
    proc = subprocess.Popen([sys.executable, "-m", "sync.fakes.central", "--port", "0",
                             "--patrons", "20"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, cwd=REPO)
    assert proc.stdout is not None
    url = proc.stdout.readline().strip()
    import requests

    requests.post(f"{url}/_fake/faults", json={"mode": "stall", "count": 1000,
                                               "seconds": 120}, timeout=10).raise_for_status()
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


Start = Callable[[], subprocess.Popen[bytes]]


def run_with_reader(root: Path, board: Board, central: str) -> Start:
    """`kiosk run` with a reader and a stuck sync; returns it with the relay ON (a grant)."""
    reader = Board()
    config = write_config(root, f'\n[readers.door]\ndriver = "serial"\nport = "{reader.path}"\n')
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('kind = "none"', f'kind = "http"\nurl = "{central}"', 1))

    def start() -> subprocess.Popen[bytes]:
        proc = kiosk(config, board, "run")
        board.wait_for(OFF)
        for _ in range(60):  # the reader opens its port a moment after the relay's OFF
            os.write(reader.master, TECHNICIAN_CARD.encode() + b"\r")
            try:
                board.wait_for(ON, timeout=0.5)
            except RuntimeError:
                continue
            threading.Event().wait(1.0)  # the stuck sync has started by now
            return proc
        reap(proc)
        raise RuntimeError("kiosk run never switched on for the technician card")

    return start


def unplug_replug_to_off(gap_s: float) -> float:
    """In-process LcusRelay on a by-id link: unplugged mid-pulse, so the OFF at the pulse's end
    is not taken; replugged `gap_s` after that; time from the replug to the OFF."""
    from drivers.relays import make_relay

    pulse_s = 0.5
    with tempfile.TemporaryDirectory() as tmp:
        link = Path(tmp) / "usb-1a86_USB_Serial-if00-port0"
        first, second = Board(), Board()
        link.symlink_to(first.path)
        relay = make_relay("lcus", port=str(link), channel=1)
        try:
            first.wait_for(OFF)
            relay.pulse(pulse_s)
            first.wait_for(ON)
            first.close()
            link.unlink()
            threading.Event().wait(pulse_s + gap_s)
            link.symlink_to(second.path)
            replugged = time.monotonic()
            return second.wait_for(OFF) - replugged
        finally:
            relay.close()
            first.close()
            second.close()


def stall_to_off(stall_s: float) -> float:
    """The board stops taking bytes before a pulse ends; time from the line resuming to OFF."""
    from drivers.relays import make_relay

    board = Board()
    relay = make_relay("lcus", port=board.path, channel=1, probe_s=None)
    try:
        board.wait_for(OFF)
        relay.pulse(0.2)
        board.wait_for(ON)
        termios.tcflow(board.slave, termios.TCOOFF)
        threading.Event().wait(stall_s)
        resumed = time.monotonic()
        termios.tcflow(board.slave, termios.TCOON)
        return board.wait_for(OFF) - resumed
    finally:
        relay.close()
        board.close()


def worst(samples: list[float]) -> float:
    return max(samples)


def measure(root: Path, repeats: int) -> list[Figure]:
    figures: list[Figure] = []
    board = Board()
    for folder in ("plain", "run"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    config = write_config(root / "plain")
    try:
        # the kiosk keeps the relay settings once they worked: the restarts below use them
        subprocess.run([sys.executable, "-m", "kiosk", "--config", str(config), "--set",
                        'relay.driver="lcus"', "--set", f'relay.port="{board.path}"',
                        "relay-test", "--seconds", "0.1"], check=True, cwd=REPO,
                       capture_output=True)
        board.drain()
        base = [baseline_start_to_off(board) for _ in range(repeats)]
        figures.append(emit(Figure("baseline_python_start_to_off_s", worst(base), "s", None,
                                   repeats, "bare python + pyserial: open, write OFF")))
        start = [kiosk_run_start_to_off(config, board) for _ in range(repeats)]
        figures.append(emit(Figure("kiosk_run_start_to_off_s", worst(start), "s", None, repeats,
                                   f"{worst(start) / worst(base):.1f}x the baseline")))
        for name, signum in (("sigterm", signal.SIGTERM), ("sigint", signal.SIGINT),
                             ("sighup", signal.SIGHUP)):
            got = [stop_signal_to_off(board, lambda: on_by_attempt(config, board), signum)
                   for _ in range(repeats)]
            figures.append(emit(Figure(f"attempt_{name}_to_off_s", worst(got), "s",
                                       SIGTERM_GOAL_S, repeats, "kiosk attempt mid-pulse")))
        with stuck_central() as central:
            start_run = run_with_reader(root / "run", board, central)
            got = [stop_signal_to_off(board, start_run, signal.SIGTERM) for _ in range(repeats)]
            figures.append(emit(Figure("run_sigterm_to_off_s", worst(got), "s", SIGTERM_GOAL_S,
                                       repeats, "kiosk run mid-pulse, sync stuck on the central")))
        for name, signum, extra in (
            ("sigkill", signal.SIGKILL, ()),
            ("crash_sigsegv", signal.SIGSEGV, ()),
            ("sigkill_bad_config", signal.SIGKILL, ("--set", 'access.min_age="fifteen"')),
        ):
            got = [death_to_off(config, board, signum, extra) for _ in range(repeats)]
            figures.append(emit(Figure(f"{name}_restart_to_off_s", worst(got), "s", None,
                                       repeats, f"incl. RestartSec={restart_sec():g}")))
    finally:
        board.close()
    for gap in (0.5, 5.0):
        got = [unplug_replug_to_off(gap) for _ in range(repeats)]
        figures.append(emit(Figure(f"replug_{gap:g}s_after_deadline_to_off_s", worst(got), "s",
                                   None, repeats, "the OFF at the deadline failed (unplugged); "
                                   "retried at least every 1 s")))
    got = [stall_to_off(3.0) for _ in range(repeats)]
    figures.append(emit(Figure("stalled_line_resumes_to_off_s", worst(got), "s", None, repeats,
                               "OFF not taken at the deadline; retried at least every 1 s")))
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.relay_exit", description=__doc__)
    parser.add_argument("--repeats", type=int, default=5, help="runs per figure (worst shown)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kiosk-relay-exit-") as tmp:
        figures = measure(Path(tmp), args.repeats)
    sys.stdout.write("\n" + table(figures) + "\n")
    return 1 if any(f.verdict == "MISSED" for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())

"""Pseudo-terminals for serial tests (drivers, faults, scenarios): a pty pair, the udev-style
relink of a by-id path, reading what a driver wrote until the line goes quiet, and an LCUS
relay board that tells the commands it received; and for the processes those tests start,
stop signals at their defaults and reaping."""

from __future__ import annotations

import contextlib
import os
import select
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class PtyPair:
    """A pseudo-terminal: drivers open `path`, the test plays the device on `master`."""

    master: int
    slave: int
    path: str

    @classmethod
    def open(cls) -> PtyPair:
        master, slave = os.openpty()
        return cls(master, slave, os.ttyname(slave))

    def close(self) -> None:
        for fd in (self.master, self.slave):
            with contextlib.suppress(OSError):
                os.close(fd)


def relink(link: Path, target: str) -> None:
    """Point `link` at `target` atomically, as udev does for /dev/serial/by-id on replug."""
    tmp = link.with_name(link.name + ".tmp")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(target)
    tmp.replace(link)


def read_available(fd: int, quiet: float = 0.2) -> bytes:
    """Everything `fd` delivers until it has been silent for `quiet` seconds."""
    data = b""
    while select.select([fd], [], [], quiet)[0]:
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        data += chunk
    return data


OFF_LCUS, ON_LCUS = bytes.fromhex("A0 01 00 A1"), bytes.fromhex("A0 01 01 A2")


class Board:
    """An LCUS relay board on a pty, as the tests see it: the commands it receives.

    A relay re-sends its current state while idle (its probe), so `command()` returns the
    next *change* of state (the first command counts as one), and `silent()` that nothing
    came at all.
    """

    def __init__(self, pair: PtyPair) -> None:
        self.pair = pair
        self.path = pair.path
        self._last: bytes | None = None

    def command(self, timeout: float = 30.0) -> bytes:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            got = self._read4(left)
            if got is None:
                raise AssertionError(f"the board received no new command in {timeout} s")
            if got != self._last:
                self._last = got
                return got

    def commands(self, n: int, timeout: float = 30.0) -> list[bytes]:
        return [self.command(timeout) for _ in range(n)]

    def forget(self, quiet: float = 0.3) -> bytes:
        """A new process drives the board: what the last one sent and the test did not read is
        dropped (and returned), and the next command counts even if it repeats. Call it once
        the last process has ended, before the next starts: a command left over from the last
        one must not pass for the next one's (an ON from a killed attempt was heard as a
        restart's own)."""
        self._last = None
        return read_available(self.pair.master, quiet)

    def silent(self, quiet: float = 0.5) -> bool:
        return read_available(self.pair.master, quiet) == b""

    def _read4(self, timeout: float) -> bytes | None:
        data = b""
        deadline = time.monotonic() + timeout
        while len(data) < 4:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.pair.master], [], [], left)[0]:
                return None
            data += os.read(self.pair.master, 4 - len(data))
        return data


@contextlib.contextmanager
def stop_signals_at_default() -> Iterator[None]:
    """Children started inside get SIGHUP and SIGINT at their defaults, as systemd starts the
    kiosk. The kiosk keeps an ignored stop signal ignored, as daemons do, and the suite may
    have been started with them ignored: nohup ignores SIGHUP, and a shell starts a background
    job with SIGINT ignored. Without this, those signal tests would test how the suite was
    started (a CI run in the background failed both SIGINT cases)."""
    before = {signum: signal.signal(signum, signal.SIG_DFL)
              for signum in (signal.SIGHUP, signal.SIGINT)}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


def reap(proc: subprocess.Popen[Any]) -> None:
    """Kill a child a failed test left running, and close its pipes: left open, they were
    reported minutes later in whichever test the garbage collector ran in."""
    if proc.poll() is None:
        proc.kill()
    proc.communicate()

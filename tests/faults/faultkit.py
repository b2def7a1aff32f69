"""Helpers for the fault tests: a fake central in its own process, child processes to kill,
and what a database file holds (integrity, a content checksum of the cache, the cursor).

Imported by the test modules as `from faultkit import ...`, like kioskkit and driverkit.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import requests

from kiosk.cache.patrons import apply_records
from kiosk.services import Services
from sync.fakes.synthetic import synthetic_patrons
from sync.records import parse_patron

REPO = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("faultchild.py")
TODAY = "2026-11-21"  # the fake central's generation day, matching kioskkit.SELF_SERVICE_AT


def child_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{CHILD.parent.parent}", **extra}


class FakeCentralProcess:
    """`python -m sync.fake_central` in its own process, steered over its /_fake switches."""

    def __init__(self, patrons: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "sync.fakes.central", "--port", "0", "--patrons",
             str(patrons), "--today", TODAY],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=child_env(),
        )
        assert self.proc.stdout is not None
        self.url = self.proc.stdout.readline().strip()
        assert self.url.startswith("http://"), "the fake central did not start"
        self.http = requests.Session()

    def fault(self, mode: str, count: int = 1, seconds: float = 0.0) -> None:
        body = {"mode": mode, "count": count, "seconds": seconds}
        self.http.post(f"{self.url}/_fake/faults", json=body, timeout=10).raise_for_status()

    def patch(self, patron_id: str, changes: dict[str, Any]) -> None:
        resp = self.http.post(f"{self.url}/_fake/patrons/{patron_id}", json=changes, timeout=10)
        resp.raise_for_status()

    def events(self) -> list[dict[str, Any]]:
        resp = self.http.get(f"{self.url}/_fake/events", timeout=10)
        resp.raise_for_status()
        events: list[dict[str, Any]] = resp.json()["events"]
        return events

    def close(self) -> None:
        self.http.close()
        self.proc.terminate()
        self.proc.wait(timeout=10)
        if self.proc.stdout is not None:
            self.proc.stdout.close()


@contextmanager
def fake_central(patrons: int) -> Iterator[FakeCentralProcess]:
    central = FakeCentralProcess(patrons)
    try:
        yield central
    finally:
        central.close()


@dataclass(frozen=True)
class Snapshot:
    """What the cache holds: patrons, a checksum over patrons and credentials, the cursor."""

    patrons: int
    checksum: str
    cursor: str | None


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as con:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])


def snapshot(db: Path) -> Snapshot:
    digest = hashlib.sha256()
    with sqlite3.connect(db) as con:
        count = 0
        for row in con.execute("SELECT patron_id, name, birth_date, blocked_reason, debt_ore, "
                               "opt_in, pin_verifier FROM patrons ORDER BY patron_id"):
            digest.update(repr(row).encode())
            count += 1
        for row in con.execute("SELECT id, patron_id, status FROM credentials ORDER BY id"):
            digest.update(repr(row).encode())
        found = con.execute("SELECT value FROM sync_state WHERE key = 'sync_cursor'").fetchone()
    return Snapshot(count, digest.hexdigest(), found[0] if found else None)


def scalar(db: Path, sql: str) -> Any:
    with sqlite3.connect(db) as con:
        return con.execute(sql).fetchone()[0]


class Child:
    """A faultchild.py process; `wait_line` reads its progress lines, `kill` is SIGKILL."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env(),
        )
        self.lines: list[str] = []

    def wait_line(self, prefix: str, timeout: float = 60) -> str:
        assert self.proc.stdout is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            self.lines.append(line.strip())
            if line.startswith(prefix):
                return line.strip()
        raise AssertionError(f"child never said {prefix!r}; stderr: {self.stderr_tail()}")

    def kill_after(self, seconds: float) -> None:
        time.sleep(seconds)
        self.kill()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def finish(self, timeout: float = 120) -> int:
        try:
            out, err = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise
        self.lines += out.splitlines()
        self._err = err
        return self.proc.returncode

    def stderr_tail(self) -> str:
        err = getattr(self, "_err", None)
        if err is None and self.proc.poll() is not None and self.proc.stderr is not None:
            err = self.proc.stderr.read()
        return (err or "")[-2000:]

    def close(self) -> None:
        self.kill()
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


def run_child(*args: str, timeout: float = 120) -> list[str]:
    child = Child(*args)
    try:
        code = child.finish(timeout)
        assert code == 0, f"child {args[0]} exited {code}: {child.stderr_tail()}"
        return child.lines
    finally:
        child.close()


def kill_points(n: int, seed: int) -> list[float]:
    """n kill moments as fractions of the operation's duration, spread over it, reproducible."""
    rng = random.Random(seed)
    return [(i + rng.random()) / n for i in range(n)]


def copy_db(src: Path, dst: Path) -> None:
    """A consistent copy of a closed database (file only: no -wal is left after a clean close)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.touch(mode=0o600)  # the kiosk refuses a database others may read (issue 13)
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)


def json_line(line: str) -> Any:
    return json.loads(line.split(" ", 1)[1])


def seed_patrons(services: Services, n: int) -> None:
    """The first `n` synthetic patrons of the fake central's day (the demo personas first)."""
    today = date.fromisoformat(TODAY)
    records = [parse_patron(r, "seed") for r in synthetic_patrons(n, 1, today)]
    with services.sessions.begin() as session:
        apply_records(session, records, services.hasher, today=services.clock.now().date())

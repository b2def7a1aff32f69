"""Background jobs under real database faults (issue 12): a second process holding the write
lock, a full disk (SQLITE_FULL injected with max_page_count, and a real 16 MB tmpfs filled
up), a malformed page. The failing job
reports its error and is retried; the other jobs go on; all recover when the fault goes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from kioskkit import write_config
from sqlalchemy import event

from kiosk.cache import queries
from kiosk.clock import FixedClock
from kiosk.config import load
from kiosk.health.snapshot import read_health
from kiosk.jobs.background import OUTBOX, PURGE, SYNC, BackgroundWork
from kiosk.services import Services, build_services
from sync.fakes.central import FakeCentral

PATRONS = 120

HOLD_LOCK = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")      # the write lock, as a stuck `kiosk import-patrons` holds it
con.execute("UPDATE sync_state SET value = value")
print("locked", flush=True)
sys.stdin.readline()
con.execute("COMMIT")
"""


def wait_for(predicate: Callable[[], bool], timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    tick = threading.Event()
    while not predicate():
        if time.monotonic() > deadline:
            return False
        tick.wait(0.02)
    return True


@pytest.fixture
def central() -> Iterator[FakeCentral]:
    fake = FakeCentral(PATRONS, seed=3, today=date(2026, 11, 21))
    with fake.serve("127.0.0.1", 0):
        yield fake


@pytest.fixture
def http_services(tmp_path: Path, central: FakeCentral, clock: FixedClock) -> Iterator[Services]:
    config = write_config(tmp_path)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('kind = "none"', f'kind = "http"\nurl = "{central.url}"', 1),
                      encoding="utf-8")
    services = build_services(load(config), clock)
    yield services
    services.close()


@pytest.fixture
def work(http_services: Services) -> Iterator[BackgroundWork]:
    background = BackgroundWork(http_services.loaded, http_services, retry_first_s=0.1)
    yield background
    background.stop()


def patrons(services: Services) -> int:
    with services.sessions() as session:
        return queries.patron_count(session)


def db_path(services: Services) -> Path:
    return Path(services.engine.url.database or "")


def test_a_database_locked_by_another_process_is_a_retry_not_a_death(
    http_services: Services, work: BackgroundWork
) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db_path(http_services))],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdin is not None
        assert holder.stdout.readline().strip() == "locked"
        work.start()
        # The busy timeout (5 s) runs out: the sync fails with the driver's message...
        assert wait_for(lambda: work.reports()[SYNC].failures >= 1)
        report = work.reports()[SYNC]
        assert report.last_error == "OperationalError: database is locked"
        assert report.next_try is not None
        # ...and the outbox, which only reads here, is not taken down with it.
        assert wait_for(lambda: work.reports()[OUTBOX].last_success is not None)
        # kiosk status reads the same from the health file (written just after the report).
        health_file = http_services.loaded.data_dir / "health.json"

        def health_says_locked() -> bool:
            health = read_health(health_file) or {}
            sync = health.get("jobs", {}).get(SYNC, {})
            return bool(sync.get("last_error") == "OperationalError: database is locked")

        assert wait_for(health_says_locked)
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.wait(timeout=10) == 0
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
        for stream in (holder.stdin, holder.stdout):
            if stream is not None:
                stream.close()
    # The lock is gone: the next retry syncs, with no restart.
    assert wait_for(lambda: work.reports()[SYNC].last_success is not None)
    assert work.reports()[SYNC].failures == 0
    assert patrons(http_services) == PATRONS
    assert wait_for(lambda: work.reports()[PURGE].last_success is not None)


def _disk_full(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    pages = cursor.execute("PRAGMA page_count").fetchone()[0]
    cursor.execute(f"PRAGMA max_page_count = {pages}")
    cursor.close()


def test_a_full_disk_fails_the_sync_visibly_and_it_recovers_when_space_returns(
    http_services: Services, work: BackgroundWork
) -> None:
    engine = http_services.engine
    engine.dispose()
    event.listen(engine, "connect", _disk_full)
    work.start()
    assert wait_for(lambda: work.reports()[SYNC].failures >= 2)
    assert work.reports()[SYNC].last_error == "OperationalError: database or disk is full"
    assert wait_for(lambda: work.reports()[OUTBOX].last_success is not None)
    assert patrons(http_services) == 0, "a full sync that failed halfway left a mix"
    event.remove(engine, "connect", _disk_full)
    engine.dispose()  # space is back
    assert wait_for(lambda: work.reports()[SYNC].last_success is not None)
    assert patrons(http_services) == PATRONS


def _corrupt_table(db: Path, table: str) -> None:
    """Overwrite the b-tree page headers of `table` and its indexes with garbage."""
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        roots = [r for (r,) in con.execute(
            "SELECT rootpage FROM sqlite_master WHERE tbl_name = ? AND rootpage > 0", (table,))]
    assert roots
    with db.open("r+b") as f:
        for root in roots:
            f.seek((root - 1) * page_size)
            f.write(b"\xff" * 12)


def test_a_malformed_page_fails_only_the_job_that_reads_it(
    http_services: Services, work: BackgroundWork
) -> None:
    http_services.engine.dispose()
    _corrupt_table(db_path(http_services), "outbox")
    work.start()
    assert wait_for(lambda: work.reports()[OUTBOX].failures >= 2)
    assert "malformed" in (work.reports()[OUTBOX].last_error or "")
    assert wait_for(lambda: work.reports()[SYNC].last_success is not None)
    assert patrons(http_services) == PATRONS
    assert all(t.is_alive() for t in threading.enumerate() if t.name.startswith("job:"))


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 MB tmpfs: a real file system that fills up (needs the right to mount)."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m,mode=0700", "tmpfs",
                           str(mount)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_file_system_fails_the_sync_and_it_recovers_when_space_returns(
    small_disk: Path, central: FakeCentral, clock: FixedClock, tmp_path: Path
) -> None:
    config = write_config(tmp_path)
    text = config.read_text(encoding="utf-8").replace(
        'kind = "none"', f'kind = "http"\nurl = "{central.url}"', 1)
    config.write_text(text.replace(f'data_dir = "{(tmp_path / "data").as_posix()}"',
                                   f'data_dir = "{small_disk.as_posix()}"', 1), encoding="utf-8")
    services = build_services(load(config), clock)
    filler = small_disk / "filler"
    with filler.open("wb") as f:  # leave almost nothing free
        free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
        f.write(b"\0" * max(free - 64 * 1024, 0))
    work = BackgroundWork(services.loaded, services, retry_first_s=0.1)
    try:
        work.start()
        assert wait_for(lambda: work.reports()[SYNC].failures >= 1)
        assert "full" in (work.reports()[SYNC].last_error or "")
        assert patrons(services) == 0
        filler.unlink()  # space is back
        assert wait_for(lambda: work.reports()[SYNC].last_success is not None)
        assert patrons(services) == PATRONS
    finally:
        work.stop()
        services.close()

"""kill -9 in the middle of a full or a delta sync (reliability.md #6).

Afterwards the database passes integrity_check, and the cache with its cursor is the old
snapshot or the new one: never a mix, never a cursor that does not match the data. A restart
then completes the sync. The kill points are spread over the measured length of the sync.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from faultkit import (
    Child,
    FakeCentralProcess,
    Snapshot,
    copy_db,
    fake_central,
    integrity,
    kill_points,
    run_child,
    scalar,
    snapshot,
)
from kioskkit import write_config

from kiosk.cache.counting import TRIGGERS
from kiosk.jobs.snapshot_worker import WORKERS
from sync.fakes.synthetic import FIRST_PATRON_NUMBER

PATRONS = 10_000
FULL_PAGE = "500"  # 20 pages: many commit points for a kill to land between


def install(where: Path) -> Path:
    where.mkdir(parents=True, exist_ok=True)
    return write_config(where)


def db_of(config: Path) -> Path:
    return config.parent / "data" / "kiosk.db"


def staging_files(config: Path) -> list[Path]:
    """A full sync's staging files (kiosk/cache/staging.py) beside the cache."""
    return sorted(db_of(config).parent.glob("kiosk.db.staging-*"))


def clone(config: Path, where: Path) -> Path:
    """Another installation with the same key and a copy of the cache."""
    copy = install(where)
    (where / "data").mkdir(parents=True, exist_ok=True, mode=0o700)
    shutil.copy2(config.parent / "data" / "installation.key", where / "data" / "installation.key")
    copy_db(db_of(config), db_of(copy))
    return copy


def timed_sync(config: Path, url: str, kind: str, page_limit: str) -> float:
    """Seconds from the child's "start" to its exit."""
    child = Child("sync", str(config), url, kind, page_limit)
    try:
        child.wait_line("start")
        started = time.monotonic()
        assert child.finish() == 0, child.stderr_tail()
        return time.monotonic() - started
    finally:
        child.close()


def change(central: FakeCentralProcess, count: int, tag: str) -> None:
    step = PATRONS // count
    for n in range(count):
        central.patch(str(FIRST_PATRON_NUMBER + 7 + n * step), {"name": f"{tag} {n}"})


def kill_and_check(config: Path, url: str, kind: str, page_limit: str, after: float,
                   allowed: tuple[Snapshot, ...]) -> Snapshot:
    child = Child("sync", str(config), url, kind, page_limit)
    try:
        child.wait_line("start")
        child.kill_after(after)
    finally:
        child.close()
    assert integrity(db_of(config)) == "ok"
    assert scalar(db_of(config), "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                  "AND name = 'ix_credentials_patron_id'") == 1, "the schema lost an index"
    assert scalar(db_of(config), "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                  "AND name LIKE 'patrons_counted_%'") == len(TRIGGERS), "a count lost a trigger"
    assert scalar(db_of(config), "SELECT value FROM sync_state WHERE key = 'patron_count'") \
        == str(scalar(db_of(config), "SELECT count(*) FROM patrons")), "patron count wrong"
    return snapshot(db_of(config))


@pytest.mark.slow
def test_kill_9_during_a_full_sync_leaves_the_old_or_the_new_cache(tmp_path: Path) -> None:
    with fake_central(PATRONS) as central:
        base = install(tmp_path / "base")
        run_child("sync", str(base), central.url, "full", FULL_PAGE)
        old = snapshot(db_of(base))
        assert old.patrons == PATRONS
        change(central, 50, "Renamed")
        reference = clone(base, tmp_path / "reference")
        duration = timed_sync(reference, central.url, "full", FULL_PAGE)
        new = snapshot(db_of(reference))
        assert new.checksum != old.checksum
        assert new.cursor != old.cursor
        assert staging_files(reference) == []
        left_over = 0
        for i, fraction in enumerate(kill_points(4, seed=61)):
            run = clone(base, tmp_path / f"kill{i}")
            got = kill_and_check(run, central.url, "full", FULL_PAGE, fraction * duration,
                                 (old, new))
            assert got in (old, new), f"kill at {fraction:.0%} of the sync left a mix"
            left_over += len(staging_files(run))
            run_child("sync", str(run), central.url, "full", FULL_PAGE)
            assert snapshot(db_of(run)) == new
            assert staging_files(run) == [], "the restart left the killed sync's staging file"
        assert left_over, "no kill landed while a staging file existed: the test proved nothing"


@pytest.mark.slow
def test_kill_9_during_a_one_page_delta_leaves_the_old_or_the_new_cache(tmp_path: Path) -> None:
    with fake_central(PATRONS) as central:
        base = install(tmp_path / "base")
        run_child("sync", str(base), central.url, "full", "5000")
        old = snapshot(db_of(base))
        change(central, 1000, "Moved")
        reference = clone(base, tmp_path / "reference")
        duration = timed_sync(reference, central.url, "delta", "5000")
        new = snapshot(db_of(reference))
        assert new.checksum != old.checksum
        for i, fraction in enumerate(kill_points(4, seed=62)):
            run = clone(base, tmp_path / f"kill{i}")
            got = kill_and_check(run, central.url, "delta", "5000", fraction * duration,
                                 (old, new))
            assert got in (old, new), f"kill at {fraction:.0%} of the delta left a mix"
            run_child("sync", str(run), central.url, "delta", "5000")
            assert snapshot(db_of(run)) == new


@pytest.mark.slow
def test_kill_9_during_a_paged_delta_keeps_the_old_cursor_until_the_last_page(
    tmp_path: Path,
) -> None:
    """A delta of several pages commits page by page (so a sync never holds the write lock the
    entry log needs): a kill may leave some pages applied, but then the cursor is still the old
    one, and the restart applies every change again and ends on the new snapshot."""
    with fake_central(PATRONS) as central:
        base = install(tmp_path / "base")
        run_child("sync", str(base), central.url, "full", "5000")
        old = snapshot(db_of(base))
        change(central, 400, "Paged")
        reference = clone(base, tmp_path / "reference")
        duration = timed_sync(reference, central.url, "delta", "50")
        new = snapshot(db_of(reference))
        for i, fraction in enumerate(kill_points(4, seed=63)):
            run = clone(base, tmp_path / f"kill{i}")
            got = kill_and_check(run, central.url, "delta", "50", fraction * duration,
                                 (old, new))
            assert got == new or got.cursor == old.cursor
            assert got.patrons == old.patrons
            run_child("sync", str(run), central.url, "delta", "50")
            assert snapshot(db_of(run)) == new


def _workers_of(pid: int) -> list[int]:
    """The spawned processes (kiosk/jobs/snapshot_worker.py) whose parent is `pid`."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines()
                          if ":\t" in line)
            cmdline = (status.parent / "cmdline").read_bytes()
        except OSError:
            continue  # ended while we looked
        if fields.get("PPid", "").strip() == str(pid) and b"spawn_main" in cmdline:
            found.append(int(status.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in state


@pytest.mark.slow
def test_kill_9_of_a_sync_leaves_no_snapshot_worker_running(tmp_path: Path) -> None:
    """The workers outlive a killed sync only until they next speak to it or to each other:
    here worker 1 waits for a page the central holds back 5 s, then finds the pipe broken and
    ends, and worker 2, waiting for its turn, ends with it."""
    with fake_central(3 * 5000) as central:
        config = install(tmp_path / "k")
        central.fault("latency")  # page 1 at once, made by the sync itself
        central.fault("latency", seconds=5)  # page 2, the worker's first, 5 s late
        child = Child("sync", str(config), central.url, "full", "5000")
        try:
            child.wait_line("start")
            deadline = time.monotonic() + 30
            while len(workers := _workers_of(child.proc.pid)) < WORKERS \
                    and time.monotonic() < deadline:
                time.sleep(0.05)
            assert len(workers) == WORKERS, "the sync did not start its snapshot workers"
            child.kill()
        finally:
            child.close()
        deadline = time.monotonic() + 20
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(map(_alive, workers)), "a killed sync's worker is still running"
        assert snapshot(db_of(config)).patrons == 0  # nothing of the snapshot was swapped in
        assert integrity(db_of(config)) == "ok"

"""Start-up integrity (issue 12, reliability.md #25): a truncated file, random byte flips, a
file that is not a database, a deleted -wal. Every verb still runs (or says one line), the
damaged file goes to data_dir/quarantine/ (0700, 0600, never deleted), a new cache is built,
and no traceback is printed."""

from __future__ import annotations

import logging
import os
import random
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from kioskkit import CONTRACT_PATRON, REPO, SELF_SERVICE_AT, KioskCli, write_jsonl

from kiosk.cache import integrity
from kiosk.cache.integrity import (
    NotChecked,
    begin_cache_check,
    begin_check,
    check,
    ensure_sound,
    whole_file_check,
)
from kiosk.clock import FixedClock
from kiosk.config import load
from kiosk.health.faults import CACHE_DAMAGED
from kiosk.jobs.background import BackgroundWork
from kiosk.services import build_services
from kiosk.system.relay_owner import LOCK_NAME


def _seeded(kiosk: KioskCli, tmp_path: Path) -> Path:
    patrons = [{**CONTRACT_PATRON, "patron_id": f"10{n:05d}", "cpr": None,
                "cards": [{"number": f"33{n:08d}", "status": "active"}]} for n in range(300)]
    assert kiosk("import-patrons", str(write_jsonl(tmp_path / "p.jsonl", patrons))).code == 0
    db = tmp_path / "data" / "kiosk.db"
    assert check(db) is None
    return db


def _quarantined(data: Path) -> list[Path]:
    folder = data / "quarantine"
    return sorted(folder.iterdir()) if folder.exists() else []


def _assert_one_line_and_a_new_cache(result_err: str, db: Path, kiosk: KioskCli) -> None:
    assert "Traceback" not in result_err
    lines = [line for line in result_err.splitlines() if "damaged" in line]
    assert len(lines) == 1, result_err
    assert str(db) in lines[0]
    assert "moved to" in lines[0]
    moved = _quarantined(db.parent)
    assert moved, "nothing in quarantine"
    assert stat.S_IMODE((db.parent / "quarantine").stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in moved)
    assert check(db) is None, "the new cache is not sound"
    assert kiosk("status", "--json").json["patrons"] == 0  # empty: a sync refills it


def test_a_truncated_file_is_quarantined_and_replaced(kiosk: KioskCli, tmp_path: Path) -> None:
    db = _seeded(kiosk, tmp_path)
    size = db.stat().st_size
    with db.open("r+b") as f:
        f.truncate(size // 2)
    damaged = db.read_bytes()
    result = kiosk("status", "--json")
    assert result.code == 0
    _assert_one_line_and_a_new_cache(result.err, db, kiosk)
    kept = [p for p in _quarantined(db.parent) if p.name.startswith("kiosk.db.")]
    assert kept[0].read_bytes() == damaged, "the quarantined copy must be the damaged file"


def _flip(db: Path, seed: int, flips: int = 200) -> None:
    rng = random.Random(seed)
    data = bytearray(db.read_bytes())
    for _ in range(flips):
        at = rng.randrange(100, len(data))  # not the 100-byte header: that is another test
        data[at] ^= 1 << rng.randrange(8)
    db.write_bytes(bytes(data))


def test_random_byte_flips_are_found_by_the_start_up_check(
    kiosk: KioskCli, tmp_path: Path
) -> None:
    db = _seeded(kiosk, tmp_path)
    pristine = db.read_bytes()
    for seed in range(20):  # flips that land only inside record payloads go unseen
        db.write_bytes(pristine)
        _flip(db, seed)
        if check(db) is not None:
            break
    else:
        pytest.fail("no seed damaged the structure; the test file is too small")
    result = kiosk("explain", "--card", "3300000001", "--at", SELF_SERVICE_AT.isoformat())
    assert result.code == 0, result.err
    assert result.json["reason"] == "unknown_card"  # the damaged cache no longer decides
    _assert_one_line_and_a_new_cache(result.err, db, kiosk)


def test_a_file_that_is_not_a_database(kiosk: KioskCli, tmp_path: Path) -> None:
    db = _seeded(kiosk, tmp_path)
    with db.open("r+b") as f:
        f.write(b"this is not SQLite at all")
    result = kiosk("log")
    assert result.code == 0
    _assert_one_line_and_a_new_cache(result.err, db, kiosk)


WRITER = """
import sqlite3, sys, os, signal
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA wal_autocheckpoint=0")
for n in range(200):
    con.execute("UPDATE patrons SET name = ? WHERE rowid = (SELECT min(rowid) FROM patrons)",
                (f"later {n}",))
print("written", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_deleted_wal_leaves_the_last_checkpoint_and_says_so(
    kiosk: KioskCli, tmp_path: Path
) -> None:
    db = _seeded(kiosk, tmp_path)
    proc = subprocess.run([sys.executable, "-c", WRITER, str(db)], capture_output=True,
                          text=True, check=False)
    assert proc.returncode == -signal.SIGKILL
    wal = db.with_name("kiosk.db-wal")
    assert wal.exists()
    assert wal.stat().st_size > 0
    wal.unlink()  # someone "cleaned up"
    result = kiosk("status", "--json")
    assert result.code == 0
    assert "Traceback" not in result.err
    assert "write-ahead log kiosk.db-wal is missing" in result.err
    assert result.json["patrons"] == 300  # the last checkpoint: consistent, older
    assert _quarantined(db.parent) == []
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


HOLD = """
import sys
from pathlib import Path
from kiosk.system.relay_owner import RelayLock
RelayLock(Path(sys.argv[1])).acquire("run")
print("holding", flush=True)
sys.stdin.readline()
"""


def test_a_damaged_file_another_kiosk_has_open_is_not_moved(
    kiosk: KioskCli, tmp_path: Path
) -> None:
    db = _seeded(kiosk, tmp_path)
    with db.open("r+b") as f:
        f.write(b"garbage in the header of the file")
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db.parent / LOCK_NAME)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        result = kiosk("status")
    finally:
        holder.kill()
        holder.wait()
        for stream in (holder.stdin, holder.stdout):
            if stream is not None:
                stream.close()
    assert result.code == 1
    assert "Traceback" not in result.err
    assert f"in use by kiosk run (pid {holder.pid})" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert db.exists()
    assert _quarantined(db.parent) == []


def test_quarantine_is_never_emptied_by_a_purge(kiosk: KioskCli, tmp_path: Path) -> None:
    db = _seeded(kiosk, tmp_path)
    shutil.copy(db, tmp_path / "copy.db")
    with db.open("r+b") as f:
        f.truncate(4096)
    assert kiosk("status").code == 0
    before = _quarantined(db.parent)
    assert kiosk("purge", "--force").code == 0
    assert _quarantined(db.parent) == before


LOCKER = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA locking_mode=EXCLUSIVE")
con.execute("BEGIN EXCLUSIVE")
con.execute("UPDATE patrons SET name = name WHERE rowid = (SELECT min(rowid) FROM patrons)")
print("locked", flush=True)
sys.stdin.readline()
"""


def test_a_sound_file_another_process_has_locked_is_not_quarantined(
    kiosk: KioskCli, tmp_path: Path
) -> None:
    """'database is locked' says nothing about damage: moving a sound file (a backup tool, a
    technician's sqlite3 shell) out from under its writer would throw the cache away."""
    db = _seeded(kiosk, tmp_path)
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout is not None
        assert locker.stdout.readline().strip() == "locked"
        assert ensure_sound(db, budget_s=0.5) is None
    finally:
        locker.kill()
        locker.wait()
        for stream in (locker.stdin, locker.stdout):
            if stream is not None:
                stream.close()
    assert db.exists()
    assert _quarantined(db.parent) == []
    assert check(db) is None


# --- the whole file in the background (issue 18: start-up checks only half a second) ---------

def _damaging_flips(db: Path) -> bytes:
    """The file with byte flips that quick_check finds (tried on a copy: the file stays)."""
    pristine = db.read_bytes()
    trial = db.with_name("trial.db")
    for seed in range(20):
        trial.write_bytes(pristine)
        _flip(trial, seed)
        if check(trial) is not None:
            damaged = trial.read_bytes()
            trial.unlink()
            return damaged
    pytest.fail("no seed damaged the structure; the test file is too small")


def test_a_check_cut_short_is_no_verdict(
    kiosk: KioskCli, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A million patrons are not read to the end at start: that is no verdict, and no move."""
    db = _seeded(kiosk, tmp_path)
    with pytest.raises(NotChecked):
        whole_file_check(db, 60.0, stop=lambda: True)
    with caplog.at_level(logging.INFO, logger="kiosk.cache.integrity"):
        assert check(db, stop=lambda: True) is None
    assert "checks it in the background" in caplog.text
    assert db.exists()
    assert _quarantined(db.parent) == []


def test_a_small_cache_is_checked_whole_however_late(
    kiosk: KioskCli, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The start-up budget is wall time, so on a loaded machine a small cache could be cut
    short, and a damaged one kept; a file up to ALWAYS_WHOLE_BYTES is always checked whole."""
    db = _seeded(kiosk, tmp_path)
    with caplog.at_level(logging.INFO, logger="kiosk.cache.integrity"):
        assert check(db, budget_s=0.0) is None
    assert "not checked whole" not in caplog.text


def test_a_large_cache_is_checked_no_longer_than_the_budget(
    kiosk: KioskCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above ALWAYS_WHOLE_BYTES the budget holds: a cache too large to check at start is left
    to the background job. (The check's first SQLite instruction walks every page; a watcher
    thread interrupts it: `python -m bench.start_check` measures that at 1 M and 6 M.)"""
    db = _seeded(kiosk, tmp_path)
    monkeypatch.setattr(integrity, "ALWAYS_WHOLE_BYTES", 0)  # this cache counts as large
    with pytest.raises(NotChecked):
        whole_file_check(db, 0.0)


def test_damage_found_in_the_background_stops_the_door_and_is_moved_aside_at_the_restart(
    kiosk: KioskCli, tmp_path: Path, config_path: Path, clock: FixedClock
) -> None:
    db = _seeded(kiosk, tmp_path)
    damaged = _damaging_flips(db)
    services = build_services(load(config_path), clock)
    found: list[str] = []
    work = BackgroundWork(services.loaded, services, on_cache_damaged=found.append,
                          integrity_first_s=0.0)
    try:
        db.write_bytes(damaged)  # under the running kiosk, as a failing card does it
        work.start()
        deadline = time.monotonic() + 60
        while not found and time.monotonic() < deadline:
            time.sleep(0.05)
        fault = {f.part: f for f in services.faults.active()}.get(CACHE_DAMAGED)
        out_of_service = services.faults.out_of_service
    finally:
        work.stop()
        services.close()
    assert found, "the background check did not find the damage"
    assert fault is not None
    assert fault.stops_door
    assert out_of_service
    mark = db.with_name("kiosk.db.damaged")
    assert stat.S_IMODE(mark.stat().st_mode) == 0o600
    assert found[0] in mark.read_text(encoding="utf-8")
    result = kiosk("status", "--json")  # the restart: moved aside by the marker, not re-read
    assert result.code == 0
    assert "found by the last whole-file check" in result.err
    _assert_one_line_and_a_new_cache(result.err, db, kiosk)
    assert not mark.exists()


def test_status_on_a_large_cache_still_moves_aside_a_file_that_is_not_a_database(
    kiosk: KioskCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`kiosk status` gives the start-up check no time on a large cache (a report: the
    background job checks whole), yet a file SQLite cannot read at all is still found."""
    db = _seeded(kiosk, tmp_path)
    monkeypatch.setattr(integrity, "ALWAYS_WHOLE_BYTES", 0)  # this cache counts as large
    with db.open("r+b") as f:
        f.write(b"this is not SQLite at all")
    result = kiosk("status", "--json")
    assert result.code == 0
    _assert_one_line_and_a_new_cache(result.err, db, kiosk)


def test_a_check_begun_early_gives_the_same_verdict_and_the_same_move(
    kiosk: KioskCli, tmp_path: Path
) -> None:
    """`kiosk run` begins the start-up check before its imports (begin_check); what it finds
    must be what the check at opening would have found, and be acted on the same way."""
    db = _seeded(kiosk, tmp_path)
    assert begin_check(db)() is None
    db.write_bytes(_damaging_flips(db))
    problem = check(db)
    assert problem is not None
    assert begin_check(db)() == problem
    repair = ensure_sound(db, checked=begin_check(db))
    assert repair is not None
    assert repair.problem == problem
    assert any(p.name.startswith("kiosk.db.") for p in _quarantined(db.parent))


def test_no_check_is_begun_early_on_a_cache_others_may_read(
    kiosk: KioskCli, tmp_path: Path
) -> None:
    """`kiosk run` begins the check before opening anything else; a file others may read is
    not opened then either (it is refused, with its line, when the cache is opened)."""
    db = _seeded(kiosk, tmp_path)
    url = f"sqlite:///{db}"
    verdict = begin_cache_check(url)
    assert verdict is not None
    assert verdict() is None
    db.chmod(0o644)
    assert begin_cache_check(url) is None
    assert begin_cache_check("sqlite://") is None  # in memory: no file to check

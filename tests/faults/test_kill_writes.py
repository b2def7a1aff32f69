"""kill -9 in the middle of an entry-log write, an outbox upload and a purge (reliability.md
#6, #9): integrity_check ok, no acknowledged entry or outbox item lost, the fake central applied
every idempotency key exactly once, a purge is all or nothing."""

from __future__ import annotations

import random
import shutil
import time
from datetime import timedelta
from pathlib import Path

import pytest
from faultkit import Child, copy_db, fake_central, integrity, kill_points, run_child, scalar
from kioskkit import SELF_SERVICE_AT, write_config
from sqlalchemy import insert

from kiosk.cache.models import EntryLog
from kiosk.clock import FixedClock
from kiosk.config import load
from kiosk.services import build_services


def db_of(config: Path) -> Path:
    return config.parent / "data" / "kiosk.db"


def acknowledged(child: Child) -> int:
    """The last "recorded n" the child printed before it died."""
    assert child.proc.stdout is not None
    child.lines += child.proc.stdout.read().splitlines()
    done = [int(line.split()[1]) for line in child.lines if line.startswith("recorded ")]
    return max(done, default=0)


@pytest.mark.slow
def test_kill_9_during_entry_log_writes_loses_no_acknowledged_entry(seeded: Path) -> None:
    db = db_of(seeded)
    rng = random.Random(64)
    for _ in range(4):
        before = scalar(db, "SELECT count(*) FROM entry_log")
        child = Child("attempts", str(seeded), "1000000")
        try:
            child.wait_line("start")
            child.kill_after(rng.uniform(0.05, 0.6))
            acked = acknowledged(child)
        finally:
            child.close()
        assert integrity(db) == "ok"
        entries = scalar(db, "SELECT count(*) FROM entry_log") - before
        assert acked <= entries <= acked + 1, "an acknowledged entry was lost"
        # the statistic for the central is written in the same transaction as the entry
        assert scalar(db, "SELECT count(*) FROM outbox") == before + entries


@pytest.mark.slow
def test_kill_9_during_an_outbox_upload_sends_every_item_exactly_once(seeded: Path) -> None:
    run_child("attempts", str(seeded), "300")
    db = db_of(seeded)
    keys = set(_keys(db))
    assert len(keys) == 300
    now = SELF_SERVICE_AT
    with fake_central(10) as central:
        # Slow answers, so a kill lands while a batch is on the wire or just applied.
        central.fault("latency", count=1000, seconds=0.05)
        for i, fraction in enumerate(kill_points(4, seed=65)):
            child = Child("outbox", str(seeded), central.url, "20", now.isoformat())
            try:
                child.wait_line("start")
                child.kill_after(fraction * 15 * 0.05)
            finally:
                child.close()
            assert integrity(db) == "ok", f"kill {i}"
            now += timedelta(hours=1)  # past any backoff
        central.fault("none")
        lines = run_child("outbox", str(seeded), central.url, "20", now.isoformat())
        assert lines[-1].startswith("done")
        events = central.events()
    assert scalar(db, "SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 0
    applied = {e["idempotency_key"] for e in events if e["applied"]}
    assert applied == keys, "an outbox item was lost or invented"
    assert all(e["applied"] == 1 for e in events), "an idempotency key was applied twice"


def _keys(db: Path) -> list[str]:
    import sqlite3

    with sqlite3.connect(db) as con:
        return [r[0] for r in con.execute("SELECT idempotency_key FROM outbox")]


OLD_ROWS = 100_000
RECENT_ROWS = 500


def _fill(config: Path) -> None:
    services = build_services(load(config), FixedClock(SELF_SERVICE_AT))
    old = SELF_SERVICE_AT - timedelta(days=40)
    recent = SELF_SERVICE_AT - timedelta(days=1)
    row = {"mode": "self_service", "reason": "ok", "granted": True, "credential_kind": "card",
           "patron_id": None, "rule_set_version": "t", "cache_age_s": 1, "technician": False}
    with services.sessions.begin() as session:
        session.execute(insert(EntryLog), [{**row, "at": old} for _ in range(OLD_ROWS)])
        session.execute(insert(EntryLog), [{**row, "at": recent} for _ in range(RECENT_ROWS)])
    services.close()


@pytest.mark.slow
def test_kill_9_during_a_purge_purges_all_or_nothing(seeded: Path, tmp_path: Path) -> None:
    _fill(seeded)
    base = db_of(seeded)
    cutoff = (SELF_SERVICE_AT - timedelta(days=30)).isoformat()
    count_old = f"SELECT count(*) FROM entry_log WHERE at < '{cutoff[:19].replace('T', ' ')}'"
    assert scalar(base, count_old) == OLD_ROWS
    reference = _clone(seeded, tmp_path / "reference")
    child = Child("purge", str(reference), SELF_SERVICE_AT.isoformat())
    try:
        child.wait_line("start")
        started = time.monotonic()
        assert child.finish() == 0
        duration = time.monotonic() - started
    finally:
        child.close()
    for i, fraction in enumerate(kill_points(3, seed=66)):
        run = _clone(seeded, tmp_path / f"kill{i}")
        child = Child("purge", str(run), SELF_SERVICE_AT.isoformat())
        try:
            child.wait_line("start")
            child.kill_after(fraction * duration)
        finally:
            child.close()
        db = db_of(run)
        assert integrity(db) == "ok"
        assert scalar(db, count_old) in (0, OLD_ROWS), "a purge was left half done"
        assert scalar(db, "SELECT count(*) FROM entry_log") - scalar(db, count_old) == RECENT_ROWS
        run_child("purge", str(run), SELF_SERVICE_AT.isoformat())
        assert scalar(db, count_old) == 0


def _clone(config: Path, where: Path) -> Path:
    where.mkdir(parents=True, exist_ok=True)
    copy = write_config(where)
    (where / "data").mkdir(mode=0o700, exist_ok=True)
    shutil.copy2(config.parent / "data" / "installation.key", where / "data" / "installation.key")
    copy_db(db_of(config), db_of(copy))
    return copy

"""Issue 13: a purge reported success while another connection's read transaction kept the
WAL from being checkpointed, so the purged rows were still in kiosk.db/-wal. Now the purge
retries the checkpoint and, if it cannot make the files clean, exits 1 saying so."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from kioskkit import SELF_SERVICE_AT, KioskCli

from kiosk.cache.models import EntryLog
from kiosk.clock import FixedClock
from kiosk.config import load
from kiosk.services import build_services

MARKER = "kiosk-purge-marker"


@pytest.fixture
def old_rows(config_path: Path) -> Path:
    built = build_services(load(config_path), FixedClock(SELF_SERVICE_AT))
    try:
        with built.sessions.begin() as session:
            for n in range(200):
                session.add(EntryLog(at=SELF_SERVICE_AT - timedelta(days=40), mode="closed",
                                     reason="ok", granted=True, credential_kind="card",
                                     patron_id=f"{MARKER}-{n:04d}"))
    finally:
        built.close()
    return config_path.parent / "data"


@pytest.fixture
def reader(old_rows: Path) -> Iterator[sqlite3.Connection]:
    """Another process's connection in the middle of a read (a kiosk run showing the log)."""
    con = sqlite3.connect(old_rows / "kiosk.db", isolation_level=None)
    con.execute("BEGIN")
    con.execute("SELECT count(*) FROM entry_log").fetchone()
    yield con
    con.close()


def _marker_bytes(data: Path) -> int:
    found = 0
    for path in data.iterdir():
        found += path.read_bytes().count(MARKER.encode())
    return found


def test_a_busy_checkpoint_is_not_reported_as_success(
    kiosk: KioskCli, old_rows: Path, reader: sqlite3.Connection
) -> None:
    result = kiosk("purge", "--now", SELF_SERVICE_AT.isoformat(), "--force")
    assert result.code == 1, result.out
    assert "kiosk.db" in result.err
    assert "read transaction" in result.err
    assert "entry_log: 200 rows deleted" in result.out  # the rows went; the file is not clean
    assert _marker_bytes(old_rows) > 0

    reader.execute("COMMIT")
    again = kiosk("purge", "--now", SELF_SERVICE_AT.isoformat(), "--force")
    assert again.code == 0, again.err
    assert _marker_bytes(old_rows) == 0


def test_without_a_reader_the_purge_leaves_no_byte(kiosk: KioskCli, old_rows: Path) -> None:
    result = kiosk("purge", "--now", SELF_SERVICE_AT.isoformat(), "--force")
    assert result.code == 0, result.err
    assert _marker_bytes(old_rows) == 0

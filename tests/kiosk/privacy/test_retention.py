"""`kiosk purge --now`: the 30-day boundary, dry run, idempotence, a clock set back, a long gap."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from kioskkit import KioskCli

from kiosk.clock import COPENHAGEN

# Sunday 1 November 2026, 12:00 (self-service); no DST change in the 31 days after it.
FIRST = datetime(2026, 11, 1, 12, 0, tzinfo=COPENHAGEN)
SECOND = FIRST + timedelta(days=1)


def _entries(config_path: Path) -> list[str]:
    with sqlite3.connect(config_path.parent / "data" / "kiosk.db") as db:
        return [row[0] for row in db.execute("SELECT at FROM entry_log ORDER BY at")]


def _entry_log_line(out: str) -> str:
    return next(line for line in out.splitlines() if line.startswith("entry_log:"))


def _deleted(out: str) -> int:
    # "entry_log: 1 rows deleted (...)": the count of the entry-log rule, wording aside.
    match = re.search(r"(\d+) rows", _entry_log_line(out))
    assert match is not None, out
    return int(match.group(1))


@pytest.fixture
def two_entries(kiosk: KioskCli, config_path: Path) -> KioskCli:
    for at in (FIRST, SECOND):
        result = kiosk("attempt", "--card", "3300009999", "--pin", "1234", "--at", at.isoformat())
        assert result.code == 0, result.err
        assert result.json["reason"] == "unknown_card"
    assert len(_entries(config_path)) == 2
    return kiosk


BOUNDARY = {
    "29d23h-kept": (timedelta(days=29, hours=23), 0, 2),
    "30d-exactly-kept": (timedelta(days=30), 0, 2),
    "30d1h-deleted": (timedelta(days=30, hours=1), 1, 1),
    "31d1h-both_deleted": (timedelta(days=31, hours=1), 2, 0),
}


@pytest.mark.parametrize(("after", "deleted", "left"), BOUNDARY.values(), ids=BOUNDARY.keys())
def test_purge_boundary(
    two_entries: KioskCli, config_path: Path, after: timedelta, deleted: int, left: int
) -> None:
    result = two_entries("purge", "--now", (FIRST + after).isoformat())
    assert result.code == 0, result.err
    assert _deleted(result.out) == deleted
    assert len(_entries(config_path)) == left


def test_local_time_without_offset(two_entries: KioskCli, config_path: Path) -> None:
    # 1 December 2026 11:00 and 13:00 local (CET) = FIRST + 29d23h and + 30d1h.
    assert _deleted(two_entries("purge", "--now", "2026-12-01T11:00").out) == 0
    assert _deleted(two_entries("purge", "--now", "2026-12-01T13:00").out) == 1


def test_dry_run_deletes_nothing_and_second_run_deletes_nothing(
    two_entries: KioskCli, config_path: Path
) -> None:
    now = (FIRST + timedelta(days=30, hours=1)).isoformat()
    dry = two_entries("purge", "--dry-run", "--now", now)
    assert dry.code == 0
    assert _deleted(dry.out) == 1
    assert "would" in _entry_log_line(dry.out)
    assert len(_entries(config_path)) == 2
    assert _deleted(two_entries("purge", "--now", now).out) == 1
    assert _deleted(two_entries("purge", "--now", now).out) == 0
    assert len(_entries(config_path)) == 1


def test_clock_set_back_skips_the_purge(two_entries: KioskCli, config_path: Path) -> None:
    first = two_entries("purge", "--now", (FIRST + timedelta(days=30, hours=1)).isoformat())
    assert first.code == 0
    back = two_entries("purge", "--now", (FIRST + timedelta(days=29)).isoformat())
    assert back.code == 1
    assert "clock moved back" in back.err
    assert len(_entries(config_path)) == 1


def test_a_long_gap_since_the_last_purge_is_not_a_jump(
    two_entries: KioskCli, config_path: Path
) -> None:
    # Issue 12: the kiosk was switched off for six weeks after a purge. last_purge_at only
    # moved on success and every later purge was "skipped": a 44-day-old entry stayed.
    first = two_entries("purge", "--now", (FIRST + timedelta(days=1)).isoformat())
    assert (first.code, _deleted(first.out)) == (0, 0)
    back = two_entries("purge", "--now", (FIRST + timedelta(days=44)).isoformat())
    assert back.code == 0, back.err
    assert _deleted(back.out) == 2
    assert _entries(config_path) == []


def test_purged_rows_are_gone_from_the_file(two_entries: KioskCli, config_path: Path) -> None:
    db = config_path.parent / "data" / "kiosk.db"
    # The rule-set version is stored in entry-log rows only (the statistics outbox keeps the
    # reason code without it), so it marks the rows' bytes.
    version = two_entries("explain", "--card", "3300009999", "--at", FIRST.isoformat())
    marker = version.json["rule_set_version"].encode()
    raw = b"".join(p.read_bytes() for p in db.parent.glob("kiosk.db*"))
    assert marker in raw
    assert two_entries("purge", "--now", (FIRST + timedelta(days=32)).isoformat()).code == 0
    assert _entries(config_path) == []
    raw = b"".join(p.read_bytes() for p in db.parent.glob("kiosk.db*"))
    assert marker not in raw  # secure_delete and the WAL checkpoint leave no copy

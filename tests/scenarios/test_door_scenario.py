"""End to end without a screen: import patrons, try the door, purge, then look for the CPRs and
PINs used in the database file, its WAL and shared memory, the logs and the output: zero hits.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from kioskkit import CONTRACT_PATRON, SELF_SERVICE_AT, KioskCli, write_jsonl


def _patron(pid: str, cpr: str, pin: str, **fields: Any) -> dict[str, Any]:
    base = {**CONTRACT_PATRON, "patron_id": pid, "cpr": cpr, "pin": pin, "cards": []}
    return {**base, "name": f"Test {pid}", **fields}


PATRONS = [
    CONTRACT_PATRON,  # valid: CPR 1705901234, card 3300001234, PIN 1234
    _patron("2000001", "0302851237", "4821", blocked={"since": "2026-10-01", "reason": "F"}),
    _patron("2000002", "1206144321", "7302", birth_date="2014-06-12"),
    _patron("2000003", "2207794455", "5190",
            cards=[{"number": "3300005678", "status": "lost"}]),
    _patron("2000004", "0511126068", "6634", birth_date=None),  # under age by CPR alone
    _patron("2000005", "1904881122", "9051", debt_dkk="250.00"),
    _patron("2000006", "0101884433", "3817", self_service_opt_in=False),
]
PINS = {p["patron_id"]: p["pin"] for p in PATRONS}
CPRS = [p["cpr"] for p in PATRONS] + ["0101903333"]  # the last one is never imported
AT = SELF_SERVICE_AT.isoformat()
NIGHT = SELF_SERVICE_AT.replace(hour=23).isoformat()

# id -> (card as the reader sends it, PIN, --at, reason, patron in the JSON)
CASES = {
    "valid-cpr": ("1705901234", "1234", AT, "ok", "1000123"),
    "valid-hyphenated_cpr": ("170590-1234", "1234", AT, "ok", "1000123"),
    "valid-library_card": ("3300001234", "1234", AT, "ok", "1000123"),
    "blocked": ("0302851237", "4821", AT, "patron_blocked", "2000001"),
    "under_age": ("1206144321", "7302", AT, "under_age", "2000002"),
    "under_age-by_cpr": ("0511126068", "6634", AT, "under_age", "2000004"),
    "debt": ("1904881122", "9051", AT, "debt_over_limit", "2000005"),
    "not_opted_in": ("0101884433", "3817", AT, "not_opted_in", "2000006"),
    "wrong_pin": ("1705901234", "9999", AT, "wrong_pin", "1000123"),
    "lost_card": ("3300005678", "5190", AT, "card_lost", "2000003"),
    "outside_hours": ("1705901234", "1234", NIGHT, "outside_hours", "1000123"),
    "unknown": ("0101903333", "1234", AT, "unknown_card", None),
    "unreadable": ("hello", "1234", AT, "unreadable_card", None),
}


@pytest.fixture
def imported(kiosk: KioskCli, tmp_path: Path) -> KioskCli:
    result = kiosk("import-patrons", str(write_jsonl(tmp_path / "patrons.jsonl", PATRONS)))
    assert result.code == 0, result.err
    assert result.out.strip() == f"imported {len(PATRONS)} patrons, deleted 0"
    return kiosk


def _db(config_path: Path) -> Path:
    return config_path.parent / "data" / "kiosk.db"


def _count(config_path: Path, table: str) -> int:
    with sqlite3.connect(_db(config_path)) as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.mark.parametrize("verb", ["explain", "attempt"])
@pytest.mark.parametrize(("card", "pin", "at", "reason", "patron"), CASES.values(),
                         ids=CASES.keys())
def test_reason_for_each_case(
    imported: KioskCli, verb: str, card: str, pin: str, at: str, reason: str, patron: str | None
) -> None:
    result = imported(verb, "--card", card, "--pin", pin, "--at", at)
    assert result.code == 0, result.err
    out = result.json
    assert (out["reason"], out["patron"], out["granted"]) == (reason, patron, reason == "ok")
    assert out["mode"] == ("closed" if at == NIGHT else "self_service")
    assert set(out["text"]) == {"da", "en"}
    assert out["attempts_left"] == (4 if reason == "wrong_pin" else None)


def test_explain_writes_nothing(imported: KioskCli, config_path: Path) -> None:
    for _ in range(6):
        assert imported("explain", "--card", "1705901234", "--pin", "9999", "--at", AT).code == 0
    assert imported("explain", "--card", "1705901234", "--at", AT).json["pin_required"] is True
    assert (_count(config_path, "entry_log"), _count(config_path, "pin_lockouts")) == (0, 0)
    assert _count(config_path, "outbox") == 0
    attempt = imported("attempt", "--card", "1705901234", "--pin", "9999", "--at", AT)
    assert attempt.json["attempts_left"] == 4
    assert (_count(config_path, "entry_log"), _count(config_path, "pin_lockouts")) == (1, 1)


def test_purge_deletes_exactly_the_entries_older_than_the_window(
    imported: KioskCli, config_path: Path
) -> None:
    now = SELF_SERVICE_AT
    ages = [timedelta(days=d, hours=h) for d, h in ((0, 0), (10, 0), (29, 23), (30, 1), (45, 0))]
    for age in ages:
        imported("attempt", "--card", "0101903333", "--pin", "1234", "--at",
                 (now - age).isoformat())
    result = imported("purge", "--now", now.isoformat())
    assert result.code == 0, result.err
    entry_log = next(line for line in result.out.splitlines() if line.startswith("entry_log:"))
    assert re.search(r"\b2 rows\b", entry_log), entry_log
    with sqlite3.connect(_db(config_path)) as db:
        left = [datetime.fromisoformat(r[0]).replace(tzinfo=UTC)
                for r in db.execute("SELECT at FROM entry_log ORDER BY at")]
    assert left == sorted(now - age for age in ages[:3])  # stored as UTC


def _needles() -> dict[str, bytes]:
    needles: dict[str, bytes] = {}
    for cpr in CPRS:
        needles[f"cpr {cpr}"] = cpr.encode()
        needles[f"cpr {cpr[:6]}-{cpr[6:]}"] = f"{cpr[:6]}-{cpr[6:]}".encode()
    for record in PATRONS:
        line = json.dumps(record)
        needles[f"record line {record['patron_id']}"] = line.encode()
        needles[f"pin in context {record['patron_id']}"] = f'"pin": "{record["pin"]}"'.encode()
        needles[f"pin with id {record['patron_id']}"] = (
            f"{record['patron_id']}\0{record['pin']}".encode()
        )
    return needles


def test_no_cpr_or_pin_anywhere(
    imported: KioskCli, config_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for card, pin, at, _reason, _patron in CASES.values():
        imported("attempt", "--card", card, "--pin", pin, "--at", at)
        imported("explain", "--card", card, "--pin", pin, "--at", at)
    imported("log", "--json")
    imported("status", "--json")
    imported("purge", "--dry-run", "--now", AT)

    db = _db(config_path)
    files = [p for p in (db, db.with_name("kiosk.db-wal"), db.with_name("kiosk.db-shm"))
             if p.exists()]
    assert db in files
    blobs = {str(p.name): p.read_bytes() for p in files}
    blobs["logs"] = "\n".join(r.getMessage() for r in caplog.records).encode()
    blobs["logs (formatted)"] = caplog.text.encode()
    blobs["output"] = "\n".join(imported.outputs).encode()
    assert b"unknown_card" in blobs["output"]  # the scan looks at real output and logs
    assert b"door denied: reason=unknown_card" in blobs["logs"]
    hits = [(where, name) for where, blob in blobs.items()
            for name, needle in _needles().items() if needle in blob]
    assert hits == []

    with sqlite3.connect(db) as conn:
        verifiers = dict(conn.execute("SELECT patron_id, pin_verifier FROM patrons"))
        assert set(verifiers) == set(PINS)
        for pid, verifier in verifiers.items():
            assert verifier is not None
            assert verifier != PINS[pid]
            assert verifier.split("$", 1)[0] in {"hk1", "a2k1"}
        secrets = set(PINS.values()) | set(CPRS)
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                assert not secrets & {str(cell) for cell in row}, table

"""Purge of N expired entry-log rows, repeated, with the database file size after each cycle.

Runs in its own installation (no patrons), so the figure is the entry-log rule and the WAL
checkpoint alone. The file must not grow from cycle to cycle: with secure_delete the freed
pages are zeroed and reused by the next cycle's rows.
"""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert

from bench.figures import Figure, emit
from bench.workspace import SELF_SERVICE_AT, database_file, open_services, write_config
from kiosk.cache.models import EntryLog
from kiosk.privacy.retention import purge
from kiosk.services import Services

CHUNK = 50_000


def fill_entry_log(services: Services, rows: int, cycle: int) -> None:
    """`rows` entries 40 days old (past the 30-day retention) in chunks of CHUNK per commit."""
    old = SELF_SERVICE_AT + timedelta(days=cycle) - timedelta(days=40)
    for start in range(0, rows, CHUNK):
        batch = [
            {"at": old + timedelta(seconds=i % 86_400), "mode": "self_service",
             "reason": "ok", "granted": True, "credential_kind": "card",
             "patron_id": f"{1_000_001 + i}", "rule_set_version": "bench",
             "cache_age_s": 60, "technician": False}
            for i in range(start, min(rows, start + CHUNK))
        ]
        with services.sessions.begin() as session:
            session.execute(insert(EntryLog), batch)


def purge_cycles(root: Path, rows: int, cycles: int) -> list[Figure]:
    root.mkdir(parents=True, exist_ok=True)
    services, _clock = open_services(write_config(root))
    policy = services.loaded.config.retention
    path = database_file(services)
    times: list[float] = []
    sizes: list[int] = []
    filled: list[int] = []
    for cycle in range(cycles):
        fill_entry_log(services, rows, cycle)
        filled.append(path.stat().st_size)
        now = SELF_SERVICE_AT + timedelta(days=cycle)
        start = time.perf_counter()
        report = purge(services.engine, services.sessions, policy, now)
        times.append(time.perf_counter() - start)
        sizes.append(path.stat().st_size)
        purged = sum(r.rows for r in report.results if r.rule == "entry_log")
        if purged != rows:
            raise RuntimeError(f"purge cycle {cycle} removed {purged} rows, expected {rows}")
    services.close()
    growth = (sizes[-1] - sizes[0]) / sizes[0] * 100
    mb = 1024 * 1024
    sizes_note = "after purge per cycle: " + ", ".join(f"{s / mb:.1f}" for s in sizes) + " MB"
    return [
        emit(Figure("purge_s", max(times), "s", 10, rows,
                    f"worst of {cycles} cycles; incl. wal_checkpoint(TRUNCATE)")),
        emit(Figure("purge_db_size_before_mb", filled[0] / mb, "MB", None, rows,
                    "file after inserting the rows (WAL not yet folded in)")),
        emit(Figure("purge_db_size_after_mb", sizes[-1] / mb, "MB", None, rows, sizes_note)),
        emit(Figure("purge_db_growth_pct", growth, "%", 10, cycles,
                    "file size change from the first to the last purge cycle")),
    ]

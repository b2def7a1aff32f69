"""Counts over the patrons table kept by SQLite triggers, so reading them is O(1).

`SELECT count(*) FROM patrons` walks the whole primary-key index (0.86 s at 1 M patrons with a
cold page cache), and counting PIN verifiers by kind reads every row (4.7 s warm at 1 M), for
every `kiosk status`, metrics scrape and technician screen (issue 18). Triggers keep the counts
in `sync_state` instead, whoever writes the table: a sync, an import, the retention purge, the
SIP2 learned cache, the background verifier upgrade.

A full sync's swap deletes and inserts every patron: millions of trigger runs. The swap drops
the triggers inside its transaction (`suspended`), makes them again at the end and sets the
counts once (the patrons it staged; the verifiers by one grouped scan of the new table, which
the copy has just read into the page cache), so a crash rolls the drop back with everything
else. Migration 0007 created them with the same SQL (tests/kiosk/cache/test_patron_count.py
compares them).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

from sqlalchemy import Connection, text

PATRON_COUNT_KEY: Final = "patron_count"
FAST_KEY: Final = "verifiers_fast"
MEMORY_HARD_KEY: Final = "verifiers_memory_hard"
"""PIN verifiers that are hk1 (fast, keyed) and any other kind (argon2id: a2k1, a2p1). The SQL
says 'hk1' || '$', not the four bytes: tests/privacy scan the file for a verifier's prefix, and
the trigger text is in the file."""

_ADD = ("UPDATE sync_state SET value = CAST(value AS INTEGER) {sign} 1 WHERE key = "
        "'patron_count'; UPDATE sync_state SET value = CAST(value AS INTEGER) {sign} 1 "
        "WHERE {row}.pin_verifier IS NOT NULL AND key = CASE WHEN substr({row}.pin_verifier, "
        "1, 4) = 'hk1' || '$' THEN 'verifiers_fast' ELSE 'verifiers_memory_hard' END;")
_VERIFIER = ("UPDATE sync_state SET value = CAST(value AS INTEGER) {sign} 1 WHERE "
             "{row}.pin_verifier IS NOT NULL AND key = CASE WHEN substr({row}.pin_verifier, "
             "1, 4) = 'hk1' || '$' THEN 'verifiers_fast' ELSE 'verifiers_memory_hard' END;")
TRIGGERS: Final = {
    "patrons_counted_insert": "CREATE TRIGGER patrons_counted_insert AFTER INSERT ON patrons "
                              "BEGIN " + _ADD.format(sign="+", row="NEW") + " END",
    "patrons_counted_delete": "CREATE TRIGGER patrons_counted_delete AFTER DELETE ON patrons "
                              "BEGIN " + _ADD.format(sign="-", row="OLD") + " END",
    "patrons_counted_verifier": "CREATE TRIGGER patrons_counted_verifier AFTER UPDATE OF "
                                "pin_verifier ON patrons WHEN OLD.pin_verifier IS NOT "
                                "NEW.pin_verifier BEGIN " + _VERIFIER.format(sign="-", row="OLD")
                                + " " + _VERIFIER.format(sign="+", row="NEW") + " END",
}
"""name -> CREATE TRIGGER statement (SQLite)."""

COUNT_VERIFIERS: Final = (
    "SELECT CASE WHEN substr(pin_verifier, 1, 4) = 'hk1' || '$' THEN 'verifiers_fast' ELSE "
    "'verifiers_memory_hard' END, count(*) FROM patrons WHERE pin_verifier IS NOT NULL "
    "GROUP BY 1")


def set_counts(connection: Connection, patrons: int) -> None:
    """Write the patron count given and the verifier counts found (one scan of the table)."""
    found = {FAST_KEY: 0, MEMORY_HARD_KEY: 0}
    found.update({str(k): int(n) for k, n in connection.execute(text(COUNT_VERIFIERS))})
    for key, value in ((PATRON_COUNT_KEY, patrons), *found.items()):
        connection.execute(text("DELETE FROM sync_state WHERE key = :key"), {"key": key})
        connection.execute(text("INSERT INTO sync_state (key, value) VALUES (:key, :value)"),
                           {"key": key, "value": str(value)})


@contextmanager
def suspended(connection: Connection) -> Iterator[list[int]]:
    """Bulk-replace the patrons without per-row counting: the triggers are dropped, and made
    again at the end with the patron count the caller puts in the yielded list (one number).
    Run it inside the caller's transaction (pysqlite runs DDL before a transaction's first
    DML in autocommit: begin with a DML statement first, as swap_staging does)."""
    if connection.dialect.name != "sqlite":
        yield []
        return
    for name in TRIGGERS:
        connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    count: list[int] = []
    yield count
    for sql in TRIGGERS.values():
        connection.execute(text(sql))
    set_counts(connection, count[0])

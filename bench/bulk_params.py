"""The cost of turning 5,000 patron rows into driver parameters: `python -m bench.bulk_params`.

SQLAlchemy's own bind processors against kiosk/cache/bulk.py's (the SQLite fast ones), on the
rows a full sync builds from the synthetic population, interleaved; best CPU time of each.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from typing import Any

from sqlalchemy.dialects import sqlite

from kiosk.cache.bulk import processor
from kiosk.cache.models import Patron
from kiosk.cache.patrons import patron_row
from kiosk.privacy.keyed_hash import KeyedHasher
from sync.fakes.synthetic import synthetic_patrons
from sync.records import parse_patron

DIALECT = sqlite.dialect()


def _convert(rows: list[dict[str, Any]], processors: dict[str, Any]) -> None:
    for column, process in processors.items():
        if process is not None:
            for row in rows:
                process(row[column])


def main() -> int:
    hasher = KeyedHasher(bytes(32))
    today = date(2026, 11, 21)
    rows = [patron_row(parse_patron(r, "bench"), hasher, today)
            for r in synthetic_patrons(5000, 1, today)]
    table = Patron.__table__
    ways: dict[str, dict[str, Any]] = {
        "SQLAlchemy's processors": {c.name: c.type.dialect_impl(DIALECT).bind_processor(DIALECT)
                                    for c in table.c},
        "kiosk/cache/bulk.py": {c.name: processor(table, c.name, DIALECT)  # type: ignore[arg-type]
                                for c in table.c},
    }
    best = dict.fromkeys(ways, float("inf"))
    for _ in range(7):
        for name, processors in ways.items():
            start = time.process_time()
            _convert(rows, processors)
            best[name] = min(best[name], time.process_time() - start)
    for name, seconds in best.items():
        sys.stdout.write(f"{name}: {seconds * 1000:.1f} ms CPU to convert 5,000 patron rows\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The start-up integrity check against its budget: `python -m bench.start_check DB [DB ...]`.

Every verb and `kiosk run` check the cache file before opening it, for at most
START_CHECK_BUDGET_S (kiosk/cache/integrity.py); the rest is the background job's. Each DB (e.g.
the `kiosk/data/kiosk.db` of a `python -m bench --workdir DIR`) is checked as start-up checks it,
with the page cache dropped first (as after a reboot; root only, else the figure says warm) and
again, beside the same file's whole check with the file in the page cache, in the same run.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bench.figures import Figure, emit, table
from bench.provenance import drop_page_cache
from kiosk.cache.integrity import START_CHECK_BUDGET_S, NotChecked, whole_file_check

WATCH_MARGIN_S = 0.1
"""The goal is the budget and this: the deadline is watched every 20 ms, then SQLite stops."""


def _timed(db: Path, budget_s: float) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        verdict = whole_file_check(db, budget_s) or "sound"
    except NotChecked as err:
        verdict = f"not checked whole ({err})"
    return time.perf_counter() - start, verdict


def measure(db: Path) -> list[Figure]:
    mb = db.stat().st_size / 1e6
    note = drop_page_cache() or "page cache dropped first"
    cold, cold_verdict = _timed(db, START_CHECK_BUDGET_S)
    warm, warm_verdict = _timed(db, START_CHECK_BUDGET_S)
    _timed(db, 3600.0)  # reads the file into the page cache: the budgeted checks did not
    whole, whole_verdict = _timed(db, 3600.0)
    n = round(mb)
    goal = START_CHECK_BUDGET_S + WATCH_MARGIN_S
    return [
        emit(Figure("start_check_cold_s", cold, "s", goal, n,
                    f"{db.name}, {mb:.0f} MB; {note}; {cold_verdict}")),
        emit(Figure("start_check_warm_s", warm, "s", goal, n, warm_verdict)),
        emit(Figure("whole_check_warm_s", whole, "s", None, n,
                    f"baseline: the whole file, no budget; {whole_verdict}")),
    ]


def main(argv: list[str]) -> int:
    if not argv:
        sys.stderr.write(__doc__ or "")
        return 2
    figures = [f for db in argv for f in measure(Path(db))]
    sys.stdout.write("\n" + table(figures) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

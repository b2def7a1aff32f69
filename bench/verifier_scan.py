"""Finding the next batch of fast PIN verifiers to upgrade: `python -m bench.verifier_scan`.

A cache of `--patrons` rows (default 1,000,000) of which all but the last `--fast-share` are
upgraded already, as near the end of the upgrades after a full sync. Both ways of finding the
next batch of four, in the same run and database, warm: the scan from the first row that every
batch made before (issue 18), and the range of the id index after where the last batch stopped
(kiosk/privacy/verifiers.py `fast_after`). Only the finding is timed; the hashing (~23 ms a
verifier) is the same either way. Rows are written by SQL, not by a sync: this measures reads.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.workspace import database_file, open_services, write_config
from kiosk.privacy.verifiers import UPGRADE_BATCH, fast_after

BEFORE = "SELECT patron_id, pin_verifier FROM patrons WHERE pin_verifier LIKE 'hk1$%' LIMIT ?"


def _fill(db: Path, patrons: int, fast_from: int) -> None:
    con = sqlite3.connect(db)
    try:
        columns = con.execute("PRAGMA table_info(patrons)").fetchall()
        required = [(c[1], c[2].upper()) for c in columns
                    if c[3] and c[4] is None and c[1] not in ("patron_id", "pin_verifier")]
        names = ["patron_id", "pin_verifier", *(n for n, _ in required)]
        filler = ["0" if "INT" in kind or "BOOL" in kind else "''" for _, kind in required]
        # Column names from the schema itself, not from input.
        sql = (f"INSERT INTO patrons ({', '.join(names)}) VALUES (?, ?"  # noqa: S608
               f"{''.join(', ' + f for f in filler)})")
        rows = ((f"{10_000_000 + n}", ("hk1$" if n >= fast_from else "a2k1$") + "x" * 60)
                for n in range(patrons))
        with con:
            con.executemany(sql, rows)
    finally:
        con.close()


def _best_ms(run: Callable[[], object], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.verifier_scan", description=__doc__)
    parser.add_argument("--patrons", type=int, default=1_000_000)
    parser.add_argument("--fast-share", type=float, default=0.1)
    args = parser.parse_args(argv)
    fast_from = int(args.patrons * (1 - args.fast_share))
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        services, _clock = open_services(write_config(Path(tmp)))
        try:
            db = database_file(services)
            _fill(db, args.patrons, fast_from)
            after = f"{10_000_000 + fast_from + 1000}"  # a pass partway through the fast rows
            stmt = fast_after(after, UPGRADE_BATCH)
            with services.engine.connect() as connection:
                now = _best_ms(lambda: connection.execute(stmt).all())
            con = sqlite3.connect(db)
            try:
                before = _best_ms(lambda: con.execute(BEFORE, (UPGRADE_BATCH,)).fetchall())
            finally:
                con.close()
        finally:
            services.close()
    batches = (args.patrons - fast_from) / UPGRADE_BATCH
    sys.stdout.write(
        f"{args.patrons:,} patrons, the last {args.patrons - fast_from:,} still fast:\n"
        f"  finding a batch of {UPGRADE_BATCH}, scan from the first row (before): "
        f"{before:.1f} ms; from the cursor (now): {now:.2f} ms\n"
        f"  for the {batches:,.0f} batches left: {before * batches / 1000:,.0f} s of reading "
        f"before, {now * batches / 1000:,.1f} s now (hashing them: "
        f"~{batches * UPGRADE_BATCH * 0.023:,.0f} s either way)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

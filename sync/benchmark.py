"""Sync edge throughput: `python -m sync.benchmark [--patrons N] [--page-limit L]`.

Prints three figures: the parse rate of HttpCentralClient's page decoding alone (JSON +
validation of every record, records/s on one core) with msgspec (decode_page, the client's
path) and with the reference path beside it (json.loads + the pydantic PatronModel per record,
what the client did before issue 18), and a full snapshot of N patrons from a FakeCentral in a
separate process over loopback (records/s end to end, peak RSS of this process). The fake runs
in its own process so it does not share this interpreter's GIL, as a real central would not.
Imports nothing from kiosk/ or drivers/.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import date

from sync.api_wire import decode_json, decode_page
from sync.client import iter_pages
from sync.fakes.synthetic import synthetic_patrons
from sync.http_client import HttpCentralClient
from sync.records import PatronModel

_TODAY = date(2026, 11, 21)


def parse_rate(records: int, page_limit: int) -> tuple[float, float]:
    """Records per CPU second over pre-encoded pages (no network): (decode_page, reference)."""
    page = list(synthetic_patrons(page_limit, 1, _TODAY))
    body = json.dumps({"records": page, "next_page": "t", "cursor": "0"}).encode()
    pages = max(1, records // page_limit)
    # CPU time of this process, not the wall clock: the rate on one core, whatever else runs.
    start = time.process_time()
    for n in range(pages):
        decode_page(body, "application/json", n + 1)
    fast = pages * page_limit / (time.process_time() - start)
    start = time.process_time()
    for _ in range(pages):
        for item in decode_json(body, "application/json", "bench")["records"]:
            PatronModel.model_validate(item)
    return fast, pages * page_limit / (time.process_time() - start)


def full_sync(patrons: int, page_limit: int) -> tuple[int, float]:
    """(records, seconds) for one full snapshot from a FakeCentral subprocess."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "sync.fakes.central", "--port", "0", "--patrons", str(patrons),
         "--today", _TODAY.isoformat()],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        count = 0
        start = time.perf_counter()
        with HttpCentralClient(url, page_limit=page_limit,
                               snapshot_page_limit=page_limit) as client:
            for page in iter_pages(client, None):
                count += len(page.records)
        return count, time.perf_counter() - start
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sync.benchmark", description=__doc__)
    parser.add_argument("--patrons", type=int, default=1_000_000)
    parser.add_argument("--page-limit", type=int, default=1000)
    parser.add_argument("--parse-records", type=int, default=200_000)
    args = parser.parse_args(argv)
    fast, reference = parse_rate(args.parse_records, args.page_limit)
    out = sys.stdout  # a command-line tool: figures go to stdout (T20 guards library code)
    out.write(f"parse (decode_page: msgspec): {fast:,.0f} records/s\n")
    out.write(f"parse (json.loads + pydantic PatronModel per record, the reference): "
              f"{reference:,.0f} records/s ({fast / reference:.1f} x slower)\n")
    count, seconds = full_sync(args.patrons, args.page_limit)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.write(f"full snapshot over loopback: {count:,} records in {seconds:.1f} s "
              f"= {count / seconds:,.0f} records/s; client peak RSS {peak_mb:.0f} MB\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

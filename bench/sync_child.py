"""One sync in its own process, so its peak RSS is the sync's alone: `python -m bench.sync_child`.

Usage: `python -m bench.sync_child {full,delta,fetch} CONFIG URL`; prints one JSON object
{"seconds", "records", "peak_rss_mb", "start_rss_mb"}. "fetch" pages through the snapshot
without touching the cache: the network + JSON + validation baseline of a full sync.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from bench.workspace import current_rss_mb, open_services, peak_rss_mb
from kiosk.sync_service import SyncService
from sync.client import iter_pages
from sync.http_client import HttpCentralClient

PAGE_LIMIT = 5000


def main(argv: list[str]) -> int:
    mode, config, url = argv
    services, clock = open_services(Path(config))
    start_rss = current_rss_mb()
    records = 0
    with HttpCentralClient(url, page_limit=PAGE_LIMIT) as client:
        start = time.perf_counter()
        if mode == "fetch":
            for page in iter_pages(client, None):
                records += len(page.records)
        else:
            report = SyncService(client, services.sessions, services.hasher, clock).sync(
                full=mode == "full")
            records = report.counts.upserted + report.counts.deleted
        seconds = time.perf_counter() - start
    services.close()
    result = {"seconds": seconds, "records": records, "peak_rss_mb": peak_rss_mb(),
              "start_rss_mb": start_rss}
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

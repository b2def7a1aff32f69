"""One sync in its own process, so its peak RSS is the sync's alone: `python -m bench.sync_child`.

Usage: `python -m bench.sync_child {full,delta,fetch} CONFIG URL [PAGE_LIMIT]`; prints one JSON
object {"seconds", "cpu_s", "records", "peak_rss_mb", "start_rss_mb", "worker_cpu_s",
"worker_peak_rss_mb"}; cpu_s is this process's CPU time over the same span with its snapshot
workers' (kiosk/jobs/snapshot_worker.py; on a shared machine the wall clock also measures the
neighbours), and peak_rss_mb is the highest resident set of this process and its workers
together, sampled every 50 ms (bench/workspace.py FamilyRss), never below this process's own
peak; worker_peak_rss_mb is the largest worker's own peak.
"fetch" pages through the snapshot without touching the cache: the network + JSON + validation
baseline of a full sync.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from bench.workspace import FamilyRss, current_rss_mb, open_services
from kiosk.jobs.sync import SyncService
from kiosk.system.heap import freeze_startup_heap
from sync.client import iter_pages
from sync.http_client import HttpCentralClient


def main(argv: list[str]) -> int:
    mode, config, url = argv[:3]
    # A page limit given is used for snapshots too; without one, the kiosk's own two sizes.
    limits = {"page_limit": int(argv[3]), "snapshot_page_limit": int(argv[3])} \
        if len(argv) > 3 else {}
    services, clock = open_services(Path(config))
    freeze_startup_heap()  # as `kiosk sync` and `kiosk run` do
    start_rss = current_rss_mb()
    records = 0
    with HttpCentralClient(url, **limits) as client, FamilyRss() as family:
        start, cpu = time.perf_counter(), time.process_time()
        if mode == "fetch":
            for page in iter_pages(client, None):
                records += len(page.records)
        else:
            report = SyncService(client, services.sessions, services.hasher, clock).sync(
                full=mode == "full")
            records = report.counts.upserted + report.counts.deleted
        seconds, cpu_s = time.perf_counter() - start, time.process_time() - cpu
    services.close()
    worker = resource.getrusage(resource.RUSAGE_CHILDREN)
    worker_cpu = worker.ru_utime + worker.ru_stime
    worker_rss = worker.ru_maxrss / 1024  # KiB on Linux; the largest child's
    result = {"seconds": seconds, "cpu_s": cpu_s + worker_cpu, "records": records,
              "peak_rss_mb": family.peak_mb, "start_rss_mb": start_rss,
              "worker_cpu_s": worker_cpu, "worker_peak_rss_mb": worker_rss}
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

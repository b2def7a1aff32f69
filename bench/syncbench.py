"""Full and delta sync figures against a FakeCentral in another process, over loopback HTTP.

The fake central runs in its own process (its memory and GIL are not the kiosk's), and each
sync runs in a fresh child process so `full_sync_peak_rss_mb` is the peak of the process that
did the sync (plus its snapshot workers' peaks) and nothing else.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests

from bench.figures import Figure, emit
from bench.workspace import REPO, SEED, TODAY
from kiosk.jobs.snapshot_worker import WORKERS
from sync.fakes.synthetic import FIRST_PATRON_NUMBER
from sync.http_client import SNAPSHOT_PAGE_LIMIT

SECONDS_PER_MILLION = 30.0
MAX_RATIO_TO_FETCH = 1.5


@contextmanager
def fake_central(patrons: int, *, keep_snapshot: bool = False) -> Iterator[str]:
    """The fake central in its own process; `keep_snapshot`: its snapshot pages rendered
    before the URL is given, so timing a full sync does not time the central's generator too
    (on a 2-core machine it took a core away from the kiosk; in a library it runs elsewhere)."""
    keep = ["--keep-snapshot", str(SNAPSHOT_PAGE_LIMIT)] if keep_snapshot else []
    proc = subprocess.Popen(
        [sys.executable, "-m", "sync.fakes.central", "--port", "0", "--patrons", str(patrons),
         "--seed", str(SEED), "--today", TODAY.isoformat(), *keep],
        stdout=subprocess.PIPE, text=True, cwd=REPO,
    )
    try:
        assert proc.stdout is not None
        yield proc.stdout.readline().strip()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()


def run_child(mode: str, config: Path, url: str, page_limit: int | None = None,
              ) -> dict[str, Any]:
    limit = [] if page_limit is None else [str(page_limit)]
    out = subprocess.run(
        [sys.executable, "-m", "bench.sync_child", mode, str(config), url, *limit],
        check=True, capture_output=True, text=True, cwd=REPO,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def full_sync(config: Path, url: str, patrons: int) -> list[Figure]:
    fetch = run_child("fetch", config, url)
    full = run_child("full", config, url)
    if full["records"] != patrons:
        raise RuntimeError(f"full sync applied {full['records']} records, expected {patrons}")
    return [
        emit(Figure("full_sync_s", full["seconds"], "s", SECONDS_PER_MILLION * patrons / 1e6,
                    patrons, f"goal {SECONDS_PER_MILLION:g} s per million patrons (issue 18)")),
        emit(Figure("full_sync_peak_rss_mb", full["peak_rss_mb"], "MB", 300, patrons,
                    f"process RSS before the sync {full['start_rss_mb']:.0f} MB; with "
                    f"{WORKERS} workers, each at most {full['worker_peak_rss_mb']:.0f} MB")),
        emit(Figure("full_sync_baseline_fetch_s", fetch["seconds"], "s", None, patrons,
                    "same pages fetched and validated, nothing written")),
        emit(Figure("full_sync_ratio_to_fetch", full["seconds"] / fetch["seconds"], "x",
                    MAX_RATIO_TO_FETCH, patrons, "the same run's fetch baseline")),
        emit(Figure("full_sync_cpu_s", full["cpu_s"], "s", None, patrons,
                    f"the sync's CPU time ({full['worker_cpu_s']:.1f} s of it the workers'); "
                    f"fetch baseline {fetch['cpu_s']:.1f} s")),
    ]


def change_patrons(url: str, patrons: int, changes: int) -> None:
    """Rename `changes` patrons spread over the population at the fake central."""
    step = max(1, patrons // changes)
    with requests.Session() as session:
        for n in range(changes):
            patron_id = str(FIRST_PATRON_NUMBER + (n * step) % patrons)
            resp = session.post(f"{url}/_fake/patrons/{patron_id}",
                                json={"name": f"Renamed {n}"}, timeout=10)
            resp.raise_for_status()
    # Not timed: this is the central changing, not the kiosk syncing.


def delta_sync(config: Path, url: str, patrons: int, changes: int = 1000) -> list[Figure]:
    empty = run_child("delta", config, url)  # nothing changed: the fixed cost of a sync
    if empty["records"]:
        # The cache's cursor came from another fake central (a --workdir kept from an earlier
        # run), so that was a full sync to catch up: measure the empty delta again.
        empty = run_child("delta", config, url)
    change_patrons(url, patrons, changes)
    started = time.perf_counter()
    delta = run_child("delta", config, url)
    process_s = time.perf_counter() - started
    if delta["records"] != changes:
        raise RuntimeError(f"delta sync applied {delta['records']} records, expected {changes}")
    return [
        emit(Figure("delta_sync_s", delta["seconds"], "s", 1, changes,
                    f"sync call only; whole child process {process_s:.2f} s")),
        emit(Figure("delta_sync_baseline_empty_s", empty["seconds"], "s", None, 0,
                    "a delta sync with no changes")),
    ]

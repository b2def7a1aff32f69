"""Decisions while a delta sync runs, reliability.md #22: `python -m bench.load_during_sync`.

A cache of N patrons (1,000,000 by default) is filled by a full sync from the fake central (its
own process). Then, in this process as in `kiosk run` (the sync job is a thread beside the door
worker): rounds of a 1,000-change delta sync on a thread while card+PIN decisions run back to
back on the main thread, until 10,000 decisions have overlapped a sync. Meanwhile a ticker
thread stands in for the Qt event loop: it asks to wake every 5 ms and records how late it
woke; its worst lateness is the longest stall. The same decisions and ticker without a sync
are the baseline in the same run.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from bench.figures import Figure, emit, percentile, table
from bench.syncbench import change_patrons, fake_central, run_child
from bench.workspace import Visitor, open_services, visitors, write_config
from drivers.cardparse import parse_card
from kiosk.jobs.sync import SyncService
from kiosk.services import Services
from kiosk.system.heap import freeze_startup_heap
from sync.http_client import HttpCentralClient

MS = 1000.0
TICK_S = 0.005
CHANGES = 1000


class Ticker:
    """A thread that wants to run every TICK_S; `worst` is its largest lateness (seconds)."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-ticker", daemon=True)

    def _run(self) -> None:
        due = time.perf_counter() + TICK_S
        while not self._stop.is_set():
            self._stop.wait(max(due - time.perf_counter(), 0.0))
            late = time.perf_counter() - due
            self.worst = max(self.worst, late)
            due = time.perf_counter() + TICK_S

    @contextmanager
    def running(self) -> Iterator[Ticker]:
        self._thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            self._thread.join()


def decide(services: Services, v: Visitor) -> float:
    start = time.perf_counter()
    read = parse_card(v.card, "bench")
    evaluation = services.access.screen_card(read)
    if evaluation.needs_pin:
        evaluation = services.access.check_pin(read, v.pin)
    assert evaluation.decision is not None
    return time.perf_counter() - start


def baseline(services: Services, people: Sequence[Visitor], n: int) -> tuple[list[float], float]:
    with Ticker().running() as ticker:
        times = [decide(services, people[i % len(people)]) for i in range(n)]
    return times, ticker.worst


def during_sync(services: Services, url: str, patrons: int,
                people: Sequence[Visitor], n: int) -> tuple[list[float], float, list[float]]:
    times: list[float] = []
    syncs: list[float] = []
    worst = 0.0
    i = 0
    with HttpCentralClient(url, page_limit=500) as client:
        sync = SyncService(client, services.sessions, services.hasher, services.clock)
        while len(times) < n:
            change_patrons(url, patrons, CHANGES)  # the central changes; not timed
            done = threading.Event()
            took: list[float] = []

            def run_delta(record: list[float] = took, finished: threading.Event = done) -> None:
                start = time.perf_counter()
                sync.sync()
                record.append(time.perf_counter() - start)
                finished.set()

            thread = threading.Thread(target=run_delta, name="bench-delta")
            with Ticker().running() as ticker:
                thread.start()
                while not done.is_set():
                    times.append(decide(services, people[i % len(people)]))
                    i += 1
                thread.join()
            worst = max(worst, ticker.worst)
            syncs += took
    return times, worst, syncs


def measure(root: Path, patrons: int, decisions: int) -> list[Figure]:
    config = write_config(root)
    with fake_central(patrons) as url:
        config.write_text(config.read_text(encoding="utf-8").replace(
            'kind = "none"', f'kind = "http"\nurl = "{url}"', 1), encoding="utf-8")
        full = run_child("full", config, url)
        services, _clock = open_services(config)
        freeze_startup_heap()  # as `kiosk run` does before its event loop (issue 18)
        try:
            people = visitors(patrons, min(2000, patrons), random.Random(22))
            base, base_stall = baseline(services, people, decisions)
            loaded, stall, syncs = during_sync(services, url, patrons, people,
                                               decisions)
        finally:
            services.close()
    n = len(loaded)
    return [
        emit(Figure("load_full_sync_s", full["seconds"], "s", None, patrons, "filling the cache")),
        emit(Figure("load_decision_p99_during_delta_ms", percentile(loaded, 99) * MS, "ms", 16,
                    n, f"card+PIN (hk1) decisions overlapping {len(syncs)} deltas of "
                       f"{CHANGES} changes")),
        emit(Figure("load_decision_p99_no_sync_ms", percentile(base, 99) * MS, "ms", None,
                    len(base), "baseline: the same decisions, no sync")),
        emit(Figure("load_longest_stall_during_delta_ms", stall * MS, "ms", 50, n,
                    "how late a 5 ms ticker thread woke (the event loop's stand-in)")),
        emit(Figure("load_longest_stall_no_sync_ms", base_stall * MS, "ms", None, len(base),
                    "baseline")),
        emit(Figure("load_delta_sync_s", max(syncs), "s", 1, len(syncs),
                    "slowest 1,000-change delta while deciding")),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load_during_sync",
                                     description=__doc__)
    parser.add_argument("--patrons", type=int, default=1_000_000)
    parser.add_argument("--decisions", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="100,000 patrons, 2,000 decisions")
    parser.add_argument("--workdir", type=Path, help="keep the database here (default: temp)")
    args = parser.parse_args(argv)
    patrons, decisions = (100_000, 2_000) if args.quick else (args.patrons, args.decisions)
    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
        figures = measure(args.workdir, patrons, decisions)
    else:
        with tempfile.TemporaryDirectory(prefix="kiosk-load-") as tmp:
            figures = measure(Path(tmp), patrons, decisions)
    sys.stdout.write("\n" + table(figures) + "\n")
    return 1 if any(f.verdict == "MISSED" for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())

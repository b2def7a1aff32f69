"""The door while the cache syncs, reliability.md #22 as figures (issue 18).

In one process as in `kiosk run` (the sync job is a thread beside the door's worker): card+PIN
decisions back to back on the main thread while (a) rounds of a 1,000-change delta sync and
(b) one full sync of the whole population run on a thread. A ticker thread stands in for the
Qt event loop: it asks to wake every 5 ms and records how late it woke; its worst lateness is
the longest stall a screen would have seen. The same decisions and ticker with no sync running
are the baseline in the same run. The ticker and the decision are bench/load_during_sync.py's
(the delta-only figure, `python -m bench.load_during_sync`); this adds the full sync and runs
inside `python -m bench`.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.figures import Figure, emit, percentile
from bench.load_during_sync import MS, Ticker, decide
from bench.syncbench import change_patrons
from bench.workspace import Visitor, open_services, visitors
from kiosk.jobs.sync import SyncService
from kiosk.services import Services
from kiosk.system.heap import freeze_startup_heap
from sync.http_client import HttpCentralClient

CHANGES = 1000


def while_running(services: Services, people: Sequence[Visitor], work: Callable[[], object],
                  ) -> tuple[list[float], float, float]:
    """Decide until `work` (on a thread) is done: (decision times, worst stall, work seconds)."""
    done = threading.Event()
    took: list[float] = []
    failed: list[BaseException] = []

    def background() -> None:
        start = time.perf_counter()
        try:
            work()
        except Exception as err:  # noqa: BLE001 - raised again on the main thread
            failed.append(err)
        finally:
            took.append(time.perf_counter() - start)
            done.set()

    times: list[float] = []
    thread = threading.Thread(target=background, name="bench-sync")
    with Ticker().running() as ticker:
        thread.start()
        i = 0
        while not done.is_set():
            times.append(decide(services, people[i % len(people)]))
            i += 1
        thread.join()
    if failed:
        raise failed[0]
    return times, ticker.worst, took[0]


def _delta(sync: SyncService) -> None:
    report = sync.sync()
    if report.full or report.counts.upserted != CHANGES:
        raise RuntimeError(f"expected a delta of {CHANGES:,} changes, got: {report.summary()}")


def measure(config: Path, url: str, patrons: int, decisions: int) -> list[Figure]:
    services, clock = open_services(config)
    freeze_startup_heap()  # as `kiosk run` does before its event loop
    try:
        people = visitors(patrons, min(2000, patrons), random.Random(22))
        with Ticker().running() as ticker:
            base = [decide(services, people[i % len(people)]) for i in range(decisions)]
        base_stall = ticker.worst
        with HttpCentralClient(url) as client:  # the kiosk's page sizes
            sync = SyncService(client, services.sessions, services.hasher, clock)
            # A --workdir kept from an earlier run holds another fake central's cursor: its
            # first "delta" was a full sync, which made the slowest delta 20 s. Catch up first.
            sync.sync()
            delta: list[float] = []
            delta_stall, slowest = 0.0, 0.0
            while len(delta) < decisions:
                change_patrons(url, patrons, CHANGES)  # the central changes; not timed
                times, stall, took = while_running(services, people, lambda: _delta(sync))
                delta += times
                delta_stall, slowest = max(delta_stall, stall), max(slowest, took)
            full, full_stall, full_s = while_running(services, people,
                                                     lambda: sync.sync(full=True))
    finally:
        services.close()
    return [
        emit(Figure("decision_p99_during_sync_ms", percentile(full, 99) * MS, "ms", 16,
                    len(full), f"card+PIN decisions while a full sync of {patrons:,} ran "
                    f"({full_s:.1f} s) on a thread")),
        emit(Figure("longest_stall_during_sync_ms", full_stall * MS, "ms", 50, len(full),
                    "how late a 5 ms ticker thread woke (the event loop's stand-in)")),
        emit(Figure("decision_p99_during_delta_ms", percentile(delta, 99) * MS, "ms", 16,
                    len(delta), f"while {CHANGES:,}-change deltas ran (slowest {slowest:.2f} s)")),
        emit(Figure("longest_stall_during_delta_ms", delta_stall * MS, "ms", 50, len(delta))),
        emit(Figure("decision_p99_no_sync_ms", percentile(base, 99) * MS, "ms", None,
                    len(base), "baseline: the same decisions, no sync")),
        emit(Figure("longest_stall_no_sync_ms", base_stall * MS, "ms", None, len(base),
                    "baseline")),
    ]

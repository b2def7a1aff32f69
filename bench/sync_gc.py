"""Garbage collection during full syncs, with the start-up heap as it is and frozen, interleaved:
`python -m bench.sync_gc [--patrons N] [--rounds R]`.

One process syncs a population from the fake central (its own process) once to fill the cache,
then runs full syncs alternately without and with kiosk.system.heap.freeze_startup_heap(),
timing every collection pass through gc.callbacks: total and longest pass, and the sync's wall
and CPU time.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.syncbench import fake_central
from bench.workspace import open_services, write_config
from kiosk.jobs.sync import SyncService
from kiosk.system.heap import freeze_startup_heap
from sync.http_client import HttpCentralClient


class _Passes:
    def __init__(self) -> None:
        self.total = self.longest = self._start = 0.0
        self.count = 0

    def __call__(self, phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
            return
        took = time.perf_counter() - self._start
        self.total, self.longest, self.count = (self.total + took, max(self.longest, took),
                                                self.count + 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sync_gc", description=__doc__)
    parser.add_argument("--patrons", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    out = sys.stdout
    with tempfile.TemporaryDirectory(prefix="kiosk-gc-") as tmp, \
            fake_central(args.patrons) as url:
        services, clock = open_services(write_config(Path(tmp)))
        with HttpCentralClient(url, page_limit=5000) as client:
            sync = SyncService(client, services.sessions, services.hasher, clock)
            sync.sync(full=True)
            for _ in range(args.rounds):
                for frozen in (False, True):
                    gc.unfreeze()
                    if frozen:
                        freeze_startup_heap()
                    passes = _Passes()
                    gc.callbacks.append(passes)
                    wall, cpu = time.perf_counter(), time.process_time()
                    sync.sync(full=True)
                    gc.callbacks.remove(passes)
                    out.write(f"heap {'frozen' if frozen else 'as is '}: full sync of "
                              f"{args.patrons:,} {time.perf_counter() - wall:.1f} s wall, "
                              f"{time.process_time() - cpu:.1f} s CPU; {passes.count} GC passes "
                              f"{passes.total:.2f} s, longest {passes.longest * 1000:.0f} ms\n")
        services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How long page decoding keeps other threads waiting: `python -m bench.decode_stall`.

A thread waits while another holds the GIL, so while the sync decodes, the door's worker and
the Qt event loop wait. A ticker thread (bench/during_sync.py) asks to wake every 5 ms while
another thread decodes 5,000-record pages: in one msgspec call per page (what decode_page
does), in one call per record (tried and reverted: more CPU, and no shorter stall once the
heap is frozen), and a baseline thread that sleeps (the lateness the machine's load alone
causes). Each way's worst lateness and CPU time per page are printed, first with the start-up
heap as it is, then frozen as `kiosk run` freezes it: the long stalls are not the decoder's
calls but full garbage-collection passes over the start-up heap.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import msgspec

import kiosk.app.run  # noqa: F401 - a heap the size of kiosk run's (without Qt's C++ side)
from bench.load_during_sync import Ticker
from kiosk.system.heap import freeze_startup_heap
from sync.fakes.synthetic import synthetic_patrons
from sync.records import PatronRecord, decode_hook

PAGE = 5000


def _worst_stall(decode: Callable[[], Any], pages: int) -> tuple[float, float]:
    """(worst ticker lateness, CPU seconds per page of the decoding thread)."""
    cpu: list[float] = []

    def work() -> None:
        start = time.thread_time()
        for _ in range(pages):
            decode()
        cpu.append((time.thread_time() - start) / pages)

    with Ticker().running() as ticker:
        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
    return ticker.worst, cpu[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.decode_stall", description=__doc__)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    records = list(synthetic_patrons(PAGE, 1, date(2026, 11, 21)))
    body = json.dumps({"records": records, "next_page": "t", "cursor": "0"}).encode()
    whole = msgspec.json.Decoder(dict[str, list[PatronRecord] | str], dec_hook=decode_hook)
    raw_page = msgspec.json.Decoder(dict[str, list[msgspec.Raw] | str])
    one = msgspec.json.Decoder(PatronRecord, dec_hook=decode_hook)
    ways: dict[str, Callable[[], Any]] = {
        "baseline, sleeping instead": lambda: time.sleep(0.05),
        "one call per page": lambda: whole.decode(body),
        "one call per record": lambda: [one.decode(r) for r in raw_page.decode(body)["records"]],
    }
    for heap in ("start-up heap as it is", "start-up heap frozen (kiosk.system.heap)"):
        if heap.startswith("start-up heap frozen"):
            freeze_startup_heap()
        worst = dict.fromkeys(ways, 0.0)
        cpu = dict.fromkeys(ways, float("inf"))
        for _ in range(args.rounds):
            for name, decode in ways.items():
                stall, per_page = _worst_stall(decode, args.pages)
                worst[name] = max(worst[name], stall)
                cpu[name] = min(cpu[name], per_page)
        for name in ways:
            sys.stdout.write(f"{heap}, {name}: longest stall {worst[name] * 1000:.1f} ms, "
                             f"{cpu[name] * 1000:.1f} ms CPU per page of {PAGE:,}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

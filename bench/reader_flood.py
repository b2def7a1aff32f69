"""A valid card after a flood of garbage (issue 12): `python -m bench.reader_flood`.

A SerialCardReader on a pseudo-terminal gets short garbage lines at the rate 9600 baud allows
(480 two-byte lines a second) for `--seconds`, into a taker that needs 20 ms per read (a
synchronous entry-log write on a slow SD card); then a valid card. Measured: from the card's
last byte written to the taker holding it; the events the taker got per second of flood (each
carries a count); the process's RSS growth over the flood. Baseline in the same run: the same
card with no flood before it.
"""

from __future__ import annotations

import argparse
import os
import queue
import sys
import threading
import time
import tty

from bench.figures import Figure, emit, table
from bench.workspace import current_rss_mb
from drivers.serial_reader import SerialCardReader
from drivers.types import CardKind, CardRead, ReaderState, ReaderStatus

CARD = b"3300000001\r"
LINES_PER_S = 480  # 9600 baud, 10 bits a byte, 2 bytes a line


class SlowTaker:
    def __init__(self) -> None:
        self.reads: queue.Queue[tuple[float, CardRead]] = queue.Queue()
        self.connected = threading.Event()

    def on_read(self, read: CardRead) -> None:
        threading.Event().wait(0.02)
        self.reads.put((time.monotonic(), read))

    def on_status(self, status: ReaderStatus) -> None:
        if status.state is ReaderState.CONNECTED:
            self.connected.set()


def one_run(flood_s: float) -> tuple[float, int, int, int, float]:
    """(card latency s, events during the flood, unreadable lines counted, lines sent,
    RSS growth MB)."""
    master, slave = os.openpty()
    tty.setraw(master)
    taker = SlowTaker()
    reader = SerialCardReader("bench", os.ttyname(slave), reconnect_s=0.05)
    reader.start(taker.on_read, taker.on_status)
    try:
        if not taker.connected.wait(30):
            raise RuntimeError("the reader never opened its port")
        rss = current_rss_mb()
        started = time.monotonic()
        sent = 0
        while time.monotonic() - started < flood_s:
            sent += os.write(master, b"x\r" * (LINES_PER_S // 10)) // 2
            threading.Event().wait(0.1)
        grown = current_rss_mb() - rss
        os.write(master, CARD)
        written = time.monotonic()
        events, counted = 0, 0
        while True:
            at, read = taker.reads.get(timeout=60)
            if read.kind is CardKind.CARD:
                return at - written, events, counted, sent, grown
            events += 1
            counted += read.count
    finally:
        reader.stop()
        for fd in (master, slave):
            os.close(fd)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reader_flood", description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0, help="length of the flood")
    args = parser.parse_args(argv)
    base, *_ = one_run(0.0)
    latency, events, counted, sent, grown = one_run(args.seconds)
    figures = [
        emit(Figure("flood_valid_card_s", latency, "s", 1.0, 1,
                    f"after {args.seconds:g} s of garbage at 9600 baud")),
        emit(Figure("flood_baseline_card_s", base, "s", None, 1, "the same card, no flood")),
        emit(Figure("flood_events_per_s", events / args.seconds, "1/s", None, events,
                    f"{counted} of {sent} unreadable lines reported in {events} events")),
        emit(Figure("flood_rss_growth_mb", grown, "MB", None, 1, "over the flood")),
    ]
    sys.stdout.write("\n" + table(figures) + "\n")
    return 1 if any(f.verdict == "MISSED" for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())

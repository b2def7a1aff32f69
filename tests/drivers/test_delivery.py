"""Backpressure (issue 12): unreadable bursts coalesced with a count, a bounded queue, and a
valid card that gets through a flood of garbage on a real pty. How fast it gets through is a
benchmark figure (`python -m bench.reader_flood`), not asserted here."""

from __future__ import annotations

import os
import threading
import time

import pytest
from driverkit import PtyPair, Recorder

from drivers.delivery import Coalescer
from drivers.serial_reader import SerialCardReader
from drivers.types import CardKind, CardRead, ReaderState

GOOD = CardRead("door", CardKind.CARD, "3300000001", "******0001")
BAD = CardRead("door", CardKind.UNKNOWN, "", "<1 chars>")


def feed(coalescer: Coalescer, events: list[tuple[float, CardRead]], until: float) -> list[str]:
    """Feed timed reads, taking whatever is ready at each moment; 'U3' = unreadable x3."""
    out: list[str] = []
    moments = sorted({t for t, _ in events} | {until})
    pending = list(events)
    for now in moments:
        for t, read in [e for e in pending if e[0] == now]:
            coalescer.add(read, t)
            pending.remove((t, read))
        while (read := coalescer.take(now)) is not None:
            out.append(f"U{read.count}" if read.kind is CardKind.UNKNOWN else "C")
    return out


@pytest.mark.parametrize(
    ("events", "until", "expected"),
    [
        ([(0.0, BAD)], 0.1, []),  # a burst is not over yet
        ([(0.0, BAD)], 0.3, ["U1"]),  # one bad swipe: reported after the gap
        ([(0.0, BAD), (0.1, BAD), (0.2, BAD)], 0.5, ["U3"]),
        ([(0.0, BAD), (0.1, BAD), (0.15, GOOD)], 0.2, ["U2", "C"]),  # the card ends it at once
        ([(0.0, GOOD)], 0.0, ["C"]),
        # a flood that never stops still reports once a second
        ([(t / 100, BAD) for t in range(250)], 2.5, ["U100", "U100"]),
        ([(0.0, BAD), (0.5, BAD)], 0.9, ["U1", "U1"]),  # two bursts
    ],
    ids=["open-burst", "single", "burst", "card-ends-burst", "card", "endless-flood",
         "two-bursts"],
)
def test_coalescing(events: list[tuple[float, CardRead]], until: float,
                    expected: list[str]) -> None:
    assert feed(Coalescer(), events, until) == expected


def test_the_queue_is_bounded_and_a_burst_count_is_never_lost() -> None:
    coalescer = Coalescer(capacity=4)
    for n in range(10):
        coalescer.add(BAD, n * 2.0)
        coalescer.add(GOOD, n * 2.0 + 0.5)
    taken = []
    while (read := coalescer.take(100.0)) is not None:
        taken.append(read)
    assert len(taken) <= 4
    assert coalescer.dropped == 10 - sum(r.kind is CardKind.CARD for r in taken)
    assert sum(r.count for r in taken if r.kind is CardKind.UNKNOWN) == 10


class SlowTaker(Recorder):
    """Takes reads like a synchronous entry-log write on a slow SD card would: 20 ms each."""

    def on_read(self, read: CardRead) -> None:
        threading.Event().wait(0.02)
        super().on_read(read)


def test_a_valid_card_gets_through_a_flood_of_garbage(pty_pair: PtyPair) -> None:
    taker = SlowTaker()
    reader = SerialCardReader("door", pty_pair.path, baudrate=9600, reconnect_s=0.05)
    reader.start(taker.on_read, taker.on_status)
    try:
        assert taker.wait_state(ReaderState.CONNECTED)
        frames = 0
        started = time.monotonic()
        while time.monotonic() - started < 2.0:  # 9600 baud: 480 two-byte lines a second
            os.write(pty_pair.master, b"x\r" * 48)
            frames += 48
            threading.Event().wait(0.1)
        os.write(pty_pair.master, b"3300000001\r")
        reads: list[CardRead] = []
        deadline = time.monotonic() + 10
        while not any(r.kind is CardKind.CARD for r in reads) and time.monotonic() < deadline:
            reads.append(taker.next_read(timeout=10))
    finally:
        reader.stop()
    cards = [r for r in reads if r.kind is CardKind.CARD]
    bursts = [r for r in reads if r.kind is CardKind.UNKNOWN]
    assert [c.value for c in cards] == ["3300000001"]
    assert sum(b.count for b in bursts) == frames, "every unreadable read is counted once"
    assert len(bursts) <= 5, f"{len(bursts)} events for a 2 s flood: not coalesced"

"""Backpressure between a reader's thread and whoever takes its reads (reliability.md #18).

A reader sending short garbage lines fast (a loose cable, a babbling scanner) made every frame
a synchronous entry-log write behind an unbounded queue: memory grew and a valid card waited
over a minute. `Coalescer` is the pure rule: unreadable reads in a burst become one CardRead
with `count` (the burst ends after `gap_s` without one, or at the latest `max_burst_s` after it
began, so a flood that never stops still reports once a second); a valid read ends the burst
at once and goes right behind it; at most `capacity` reads wait, and when full the oldest
waiting read is dropped (a card shown minutes ago opens nothing now) and counted.
`ReadQueue` is the thread-safe shell the reader thread puts into and its delivery thread takes
from. Nothing from kiosk/ or sync/.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from typing import Final

from drivers.types import CardKind, CardRead

DEFAULT_CAPACITY: Final = 16
DEFAULT_GAP_S: Final = 0.3
DEFAULT_MAX_BURST_S: Final = 1.0


class Coalescer:
    """Pure: feed reads with their monotonic time; take what is ready to deliver."""

    def __init__(
        self,
        capacity: int = DEFAULT_CAPACITY,
        gap_s: float = DEFAULT_GAP_S,
        max_burst_s: float = DEFAULT_MAX_BURST_S,
    ) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be >= 1, got {capacity!r}")
        self.capacity = capacity
        self.gap_s = gap_s
        self.max_burst_s = max_burst_s
        self._ready: deque[CardRead] = deque()
        self._burst: CardRead | None = None
        self._burst_began = 0.0
        self._burst_last = 0.0
        self.dropped = 0
        """Reads dropped because `capacity` were waiting (never an unreadable burst's count)."""

    def add(self, read: CardRead, at: float) -> None:
        due = self.due()
        if due is not None and at >= due:
            self._close_burst()  # the last burst ended before this read came
        if read.kind is CardKind.UNKNOWN:
            if self._burst is None:
                self._burst, self._burst_began = read, at
            else:
                self._burst = replace(self._burst, count=self._burst.count + read.count)
            self._burst_last = at
            return
        self._close_burst()
        self._push(read)

    def due(self) -> float | None:
        """When the open burst is complete (monotonic), or None if there is none."""
        if self._burst is None:
            return None
        return min(self._burst_last + self.gap_s, self._burst_began + self.max_burst_s)

    def take(self, at: float) -> CardRead | None:
        """The next read to deliver at `at`, oldest first, or None."""
        if not self._ready:
            due = self.due()
            if due is not None and at >= due:
                self._close_burst()
        return self._ready.popleft() if self._ready else None

    def _close_burst(self) -> None:
        if self._burst is not None:
            self._push(self._burst)
            self._burst = None

    def _push(self, read: CardRead) -> None:
        self._ready.append(read)
        _merge_bursts(self._ready)
        while len(self._ready) > self.capacity:
            # Bursts never sit side by side (merged), so a full queue holds valid reads: the
            # oldest goes (its patron has long gone), counted; a burst's count is never lost.
            victim = next(i for i, r in enumerate(self._ready) if r.kind is not CardKind.UNKNOWN)
            del self._ready[victim]
            self.dropped += 1
            _merge_bursts(self._ready)


def _merge_bursts(ready: deque[CardRead]) -> None:
    """Fold waiting unreadable bursts that now sit side by side into one, counts added."""
    merged: list[CardRead] = []
    for read in ready:
        if merged and read.kind is CardKind.UNKNOWN and merged[-1].kind is CardKind.UNKNOWN:
            merged[-1] = replace(merged[-1], count=merged[-1].count + read.count)
        else:
            merged.append(read)
    if len(merged) != len(ready):
        ready.clear()
        ready.extend(merged)


class ReadQueue:
    """The Coalescer behind a condition: `put` never blocks the reader thread; `get` waits."""

    def __init__(
        self, coalescer: Coalescer, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self._coalescer = coalescer
        self._now = monotonic
        self._changed = threading.Condition()
        self._closed = False

    @property
    def dropped(self) -> int:
        return self._coalescer.dropped

    def put(self, read: CardRead) -> None:
        with self._changed:
            self._coalescer.add(read, self._now())
            self._changed.notify_all()

    def get(self) -> CardRead | None:
        """The next read to deliver, waiting as long as needed; None once closed."""
        with self._changed:
            while not self._closed:
                now = self._now()
                read = self._coalescer.take(now)
                if read is not None:
                    return read
                due = self._coalescer.due()
                self._changed.wait(None if due is None else max(due - now, 0.0))
            return None

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._changed.notify_all()

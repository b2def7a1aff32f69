"""Switchable misbehaviour of the fake central (docs/central-api.md "The fake central").

Queued faults: each /v1 request takes the next one until its count runs out.
Imports nothing from kiosk/ or drivers/.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Final

from sync.fakes.store import FakeError

FAULT_MODES: Final = frozenset(
    {"latency", "html", "truncated", "malformed", "invalid_record", "drop", "stall", "gone",
     "records"}
)
"""Named fault modes; a three-digit HTTP status ("500", "429", "403", …) is also a mode.
"records" serves the given JSON values verbatim as the next page's records, unvalidated: a
vendor's bad data, for the kiosk's tests."""


@dataclass(slots=True)
class Fault:
    mode: str
    count: int
    seconds: float
    retry_after: str | None = None
    records: list[Any] | None = None


class Faults:
    """Queued misbehaviour: each /v1 request takes the next one (FIFO) until the count runs out."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queue: list[Fault] = []

    def add(
        self,
        mode: str,
        count: int = 1,
        seconds: float = 0.0,
        retry_after: str | None = None,
        records: list[Any] | None = None,
    ) -> None:
        """Queue a fault; `retry_after` is sent verbatim (e.g. an HTTP-date) instead of S."""
        if mode not in FAULT_MODES and not (mode.isdigit() and 400 <= int(mode) <= 599):
            raise FakeError(400, "invalid_fault", f"mode must be one of {sorted(FAULT_MODES)} "
                            "or an HTTP status 400-599")
        if count < 1 or seconds < 0:
            raise FakeError(400, "invalid_fault", "count must be >= 1 and seconds >= 0")
        if (mode == "records") != isinstance(records, list):
            raise FakeError(400, "invalid_fault", "mode \"records\" needs a \"records\" list")
        with self._lock:
            self._queue.append(Fault(mode, count, seconds, retry_after, records))

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()

    def take(self) -> Fault | None:
        with self._lock:
            if not self._queue:
                return None
            fault = self._queue[0]
            fault.count -= 1
            if fault.count == 0:
                self._queue.pop(0)
            return Fault(fault.mode, 1, fault.seconds, fault.retry_after, fault.records)

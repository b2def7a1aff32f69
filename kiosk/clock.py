"""Time, injected: aware Europe/Copenhagen wall time and a monotonic clock for timeouts."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Final, Protocol
from zoneinfo import ZoneInfo

COPENHAGEN: Final = ZoneInfo("Europe/Copenhagen")


class Clock(Protocol):
    def now(self) -> datetime:
        """Aware wall-clock time in the kiosk's zone."""
        ...

    def monotonic(self) -> float:
        """Seconds that never jump (timeouts, pulse deadlines)."""
        ...


class SystemClock:
    def __init__(self, tz: ZoneInfo = COPENHAGEN) -> None:
        self.tz = tz

    def now(self) -> datetime:
        return datetime.now(self.tz)

    def monotonic(self) -> float:
        return time.monotonic()


class FixedClock:
    """A clock that moves only when told to: the CLI's --at, tests, the headless demo."""

    def __init__(self, at: datetime, monotonic: float = 1000.0) -> None:
        self._at = at
        self._mono = monotonic

    def now(self) -> datetime:
        return self._at

    def monotonic(self) -> float:
        return self._mono

    def advance(self, delta: timedelta | float) -> None:
        """Real seconds: across a DST change the wall clock moves by an hour more or less
        (aware arithmetic in one zone would add wall time, not elapsed time)."""
        seconds = delta.total_seconds() if isinstance(delta, timedelta) else delta
        moved = self._at.astimezone(UTC) + timedelta(seconds=seconds)
        self._at = moved.astimezone(self._at.tzinfo)
        self._mono += seconds

    def set(self, at: datetime) -> None:
        self._at = at


def parse_instant(text: str, tz: ZoneInfo = COPENHAGEN) -> datetime:
    """ISO 8601; without an offset it is Europe/Copenhagen local time (CONTRACT.md)."""
    value = datetime.fromisoformat(text)
    return value if value.tzinfo is not None else value.replace(tzinfo=tz)

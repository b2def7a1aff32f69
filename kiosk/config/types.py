"""Value types used in config.toml: durations ("15m", "24h", "7d") and clock-time intervals."""

from __future__ import annotations

import re
from datetime import time, timedelta
from typing import Annotated, Final

from pydantic import BeforeValidator, PlainSerializer

_DURATION: Final = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)\s*$")
_UNIT_SECONDS: Final = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL: Final = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


def parse_duration(value: object) -> timedelta:
    """"90s", "15m", "24h", "7d" or a number of seconds -> timedelta."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
        return timedelta(seconds=value)
    if isinstance(value, str):
        m = _DURATION.match(value)
        if m:
            return timedelta(seconds=float(m.group(1)) * _UNIT_SECONDS[m.group(2)])
    raise ValueError('expected a duration like "90s", "15m", "24h" or "7d"')


def _show_duration(value: timedelta) -> str:
    return f"{int(value.total_seconds())}s"


Duration = Annotated[
    timedelta, BeforeValidator(parse_duration), PlainSerializer(_show_duration, return_type=str)
]


def parse_interval(value: object) -> tuple[time, time]:
    """"07:00-22:00" -> (07:00, 22:00); "24:00" is allowed as an end meaning midnight."""
    if isinstance(value, str):
        m = _INTERVAL.match(value)
        if m:
            h1, m1, h2, m2 = (int(g) for g in m.groups())
            if h1 < 24 and m1 < 60 and m2 < 60 and (h2 < 24 or (h2 == 24 and m2 == 0)):
                start = time(h1, m1)
                end = time.max if h2 == 24 else time(h2, m2)
                if end > start:
                    return start, end
    raise ValueError('expected a time interval like "07:00-22:00" (start before end)')


Interval = Annotated[tuple[time, time], BeforeValidator(parse_interval)]

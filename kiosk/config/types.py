"""Value types used in config.toml: durations ("15m", "24h", "7d") and clock-time intervals."""

from __future__ import annotations

import re
from datetime import time, timedelta
from typing import Annotated, Final

from pydantic import BeforeValidator, PlainSerializer

_DURATION: Final = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)\s*$")
_UNIT_SECONDS: Final = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# Ten years is longer than any period a kiosk needs (the longest retention rule is 3 years) and
# keeps `now ± duration` inside datetime's range; larger values are typos, not intentions.
MAX_DURATION: Final = timedelta(days=3650)
_INTERVAL: Final = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


def parse_duration(value: object) -> timedelta:
    """"90s", "15m", "24h", "7d" or a number of seconds -> timedelta, at most MAX_DURATION."""
    if isinstance(value, timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
        seconds = float(value)
    elif isinstance(value, str) and (m := _DURATION.match(value)):
        seconds = float(m.group(1)) * _UNIT_SECONDS[m.group(2)]
    else:
        raise ValueError('expected a duration like "90s", "15m", "24h" or "7d"')
    # Compared as a float first: timedelta() itself overflows on huge or infinite values.
    if not seconds <= MAX_DURATION.total_seconds():
        raise ValueError(f"expected a duration of at most {MAX_DURATION.days}d")
    return timedelta(seconds=seconds)


def _show_duration(value: timedelta) -> str:
    return f"{int(value.total_seconds())}s"


Duration = Annotated[
    timedelta, BeforeValidator(parse_duration), PlainSerializer(_show_duration, return_type=str)
]


def parse_interval(value: object) -> tuple[time, time]:
    """"07:00-22:00" -> (07:00, 22:00); "24:00" is allowed as an end meaning midnight. A pair of
    times (start before end; time.max for midnight) passes as it is (the calendar feed)."""
    if isinstance(value, tuple) and len(value) == 2:
        start, end = value
        if isinstance(start, time) and isinstance(end, time) and end > start:
            return start, end
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

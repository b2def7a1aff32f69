"""Retry timing: capped full-jitter exponential backoff and the HTTP Retry-After header.

Pure functions; the randomness and the clock are passed in so tests can pin them.
Imports nothing from kiosk/ or drivers/.
"""

from __future__ import annotations

import random
from datetime import datetime
from email.utils import parsedate_to_datetime


def full_jitter(attempt: int, base: float, cap: float, rng: random.Random) -> float:
    """Seconds to wait before retry number `attempt + 1` (attempt counts from 0).

    "Full jitter" (AWS architecture blog, 2015): uniform in [0, min(cap, base * 2**attempt)].
    Spreading retries over the whole window keeps a fleet of kiosks that lost the central at
    the same moment from coming back in lockstep. reference/reliability.md #10: cap <= 5 min.
    """
    # min() before the power would overflow: 2**attempt grows without bound in a long outage.
    ceiling = cap if attempt >= 64 else min(cap, base * (2.0**attempt))
    return rng.uniform(0.0, max(0.0, ceiling))


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Retry-After (RFC 9110 §10.2.3) as seconds from `now`: delta-seconds or an HTTP-date.

    None when absent or unparseable (the caller then falls back to its own backoff); a date in
    the past gives 0. `now` must be timezone-aware.
    """
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # RFC 850 / asctime forms carry no zone; HTTP dates are GMT
        return None
    return max(0.0, (when - now).total_seconds())

"""Capped full-jitter backoff and Retry-After parsing (pure functions)."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from sync.backoff import full_jitter, parse_retry_after

NOW = datetime(2026, 11, 21, 11, 0, 0, tzinfo=UTC)


def test_full_jitter_stays_inside_the_growing_window_and_the_cap() -> None:
    rng = random.Random(3)
    for attempt in range(40):
        samples = [full_jitter(attempt, 0.5, 300, rng) for _ in range(200)]
        ceiling = min(300, 0.5 * 2**attempt)
        assert all(0 <= s <= ceiling for s in samples)
        assert max(samples) > 0.8 * ceiling  # the whole window is used, not just its start


def test_full_jitter_survives_a_very_long_outage() -> None:
    assert 0 <= full_jitter(10_000, 0.5, 300, random.Random(1)) <= 300


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        (None, None),
        ("120", 120.0),
        (" 0 ", 0.0),
        ("Sat, 21 Nov 2026 11:01:30 GMT", 90.0),
        ("Sat, 21 Nov 2026 10:00:00 GMT", 0.0),  # in the past: now
        ("Saturday, 21-Nov-26 11:00:10 GMT", 10.0),  # RFC 850 form
        ("-5", None),
        ("1.5", None),
        ("tomorrow", None),
        ("", None),
    ],
)
def test_parse_retry_after(header: str | None, seconds: float | None) -> None:
    assert parse_retry_after(header, NOW) == seconds

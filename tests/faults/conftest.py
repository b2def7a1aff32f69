"""Fixtures of the fault tests: a seeded kiosk installation in tmp_path."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from kioskkit import write_config

from kiosk.cache.patrons import apply_records
from kiosk.clock import FixedClock
from kiosk.config import load
from kiosk.services import Services, build_services
from sync.records import parse_patron
from sync.synthetic import synthetic_patrons

TODAY = date(2026, 11, 21)


def seed_patrons(services: Services, n: int) -> None:
    records = [parse_patron(r, "seed") for r in synthetic_patrons(n, 1, TODAY)]
    with services.sessions.begin() as session:
        apply_records(session, records, services.hasher)


@pytest.fixture
def seeded(tmp_path: Path, clock: FixedClock) -> Path:
    """A config whose cache holds the first 50 synthetic patrons (the demo personas first)."""
    config = write_config(tmp_path)
    # An HTTP central, so door attempts queue their statistics in the outbox (the outbox
    # tests need items); each test passes its fake central's real URL to the child itself.
    text = config.read_text(encoding="utf-8")
    assert 'kind = "none"' in text
    config.write_text(
        text.replace('kind = "none"', 'kind = "http"\nurl = "http://127.0.0.1:9"', 1),
        encoding="utf-8",
    )
    services = build_services(load(config), clock)
    try:
        seed_patrons(services, 50)
    finally:
        services.close()
    return config

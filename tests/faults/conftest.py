"""Fixtures of the fault tests: a seeded kiosk installation in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
from faultkit import seed_patrons
from kioskkit import write_config

from kiosk.clock import FixedClock
from kiosk.config import load
from kiosk.services import build_services


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

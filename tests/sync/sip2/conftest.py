"""Fixtures for the SIP2 tests: a FakeAcs on 127.0.0.1 with a fixed clock, and a client for it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime

import pytest

from sync.sip2.client import Sip2Client
from sync.sip2.dates import LOCAL_TZ
from sync.sip2.fake_acs import FakeAcs

NOW = datetime(2026, 11, 23, 14, 30, tzinfo=LOCAL_TZ)


@pytest.fixture
def fake() -> Iterator[FakeAcs]:
    before = set(threading.enumerate())
    with FakeAcs(now=lambda: NOW) as acs:
        yield acs
    # stop() joins every handler thread: nothing of the fake may outlive the test
    assert [t for t in threading.enumerate() if t not in before] == []


def make_client(fake: FakeAcs, **overrides: object) -> Sip2Client:
    options: dict[str, object] = {
        "host": "127.0.0.1", "port": fake.port, "user": "kiosk", "password": "secret",
        "institution": "DK-761500", "location": "solrod", "timeout_s": 0.3, "retries": 2,
        "reconnect_delay_s": 0.0, "clock": lambda: NOW,
    }
    options.update(overrides)
    return Sip2Client(**options)  # type: ignore[arg-type]


@pytest.fixture
def client(fake: FakeAcs) -> Iterator[Sip2Client]:
    with make_client(fake) as sip2:
        yield sip2

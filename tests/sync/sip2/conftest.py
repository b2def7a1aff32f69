"""Fixtures for the SIP2 tests: a FakeAcs on 127.0.0.1 with a fixed clock, and a client for it."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sip2_support import NOW, make_client

from sync.sip2.client import Sip2Client
from sync.sip2.fakes.acs import FakeAcs


@pytest.fixture
def fake() -> Iterator[FakeAcs]:
    before = set(threading.enumerate())
    with FakeAcs(now=lambda: NOW) as acs:
        yield acs
    # stop() joins every handler thread: nothing of the fake may outlive the test
    assert [t for t in threading.enumerate() if t not in before] == []


@pytest.fixture
def client(fake: FakeAcs) -> Iterator[Sip2Client]:
    with make_client(fake) as sip2:
        yield sip2

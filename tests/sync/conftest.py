"""Fixtures for the HTTP sync edge: a FakeCentral on 127.0.0.1:0 and clients that never sleep.

The SIP2 tests (tests/sync/sip2/) have their own conftest; names here avoid theirs.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest
from central_kit import POPULATION, SEED, TODAY, FakeControl, MakeClient, RecordedSleep

from sync.fakes.central import FakeCentral
from sync.http_client import HttpCentralClient


@pytest.fixture
def central() -> Iterator[FakeCentral]:
    fake = FakeCentral(POPULATION, seed=SEED, today=TODAY)
    with fake.serve("127.0.0.1", 0):
        yield fake


@pytest.fixture
def central_url(central: FakeCentral) -> str:
    return central.url


@pytest.fixture
def sleeps() -> RecordedSleep:
    return RecordedSleep()


@pytest.fixture
def make_client(central_url: str, sleeps: RecordedSleep) -> Iterator[MakeClient]:
    """Build clients against the fake; keyword arguments override the defaults."""
    made: list[HttpCentralClient] = []

    def make(**kwargs: Any) -> HttpCentralClient:
        base = kwargs.pop("base_url", central_url)
        kwargs.setdefault("sleep", sleeps)
        kwargs.setdefault("rng", random.Random(1))
        kwargs.setdefault("page_limit", 20)
        kwargs.setdefault("snapshot_page_limit", kwargs["page_limit"])  # many pages here too
        client = HttpCentralClient(base, **kwargs)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def client(make_client: MakeClient) -> HttpCentralClient:
    return make_client()


@pytest.fixture
def ctl(central_url: str) -> FakeControl:
    return FakeControl(central_url)

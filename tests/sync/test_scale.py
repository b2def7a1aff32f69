"""Scale: the fake central pages large populations lazily; the client streams them."""

from __future__ import annotations

import tracemalloc

import pytest

from sync.client import iter_pages
from sync.fakes.central import FakeCentral
from sync.fakes.synthetic import card_number
from sync.http_client import SNAPSHOT_PAGE_LIMIT, HttpCentralClient

MILLION = 1_000_000


def test_a_million_patrons_cost_nothing_until_served() -> None:
    tracemalloc.start()
    try:
        fake = FakeCentral(MILLION, seed=1)
        with fake.serve("127.0.0.1", 0) as url, HttpCentralClient(url) as client:
            first = client.fetch_page(None, None)
            last_id = str(1000000 + MILLION)
            found = fake.store.find(card_number(MILLION - 1))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert len(first.records) == SNAPSHOT_PAGE_LIMIT
    assert found is not None
    assert found["patron_id"] == last_id
    assert peak < 50 * 2**20


@pytest.mark.slow
def test_full_snapshot_streams_with_bounded_memory() -> None:
    n = 50_000  # tracemalloc makes everything ~5x slower; 10 snapshot pages show the trend
    with FakeCentral(n, seed=2).serve("127.0.0.1", 0) as url, \
            HttpCentralClient(url) as client:  # the kiosk's page sizes
        tracemalloc.start()
        try:
            count = sum(len(page.records) for page in iter_pages(client, None))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()

    assert count == n
    # Traced here: a 5000-record page in the client plus the fake's pages (same process), about
    # 17 MiB; holding the whole snapshot, about 57 MiB.
    assert peak < 30 * 2**20, f"peak {peak / 2**20:.0f} MiB"
    # Speed is measured by `python -m sync.benchmark` / `python -m bench`, not asserted here.

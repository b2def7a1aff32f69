"""The page fetched ahead (sync/prefetch.py): same pages, same errors, nothing left running."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from sync.client import Unreachable
from sync.prefetch import Prefetched


class Source:
    """Counts what the fetcher took, and on which thread."""

    def __init__(self, items: int, fail_at: int | None = None) -> None:
        self.items = items
        self.fail_at = fail_at
        self.taken = 0
        self.threads: set[str] = set()
        self.error = Unreachable("central unreachable: connection refused")

    def __iter__(self) -> Iterator[int]:
        for n in range(self.items):
            self.threads.add(threading.current_thread().name)
            if n == self.fail_at:
                raise self.error
            self.taken += 1
            yield n


def _fetchers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "test-fetch"]


def test_every_page_arrives_in_order_from_the_fetchers_thread() -> None:
    source = Source(50)
    with Prefetched(iter(source), "test-fetch") as pages:
        assert list(pages) == list(range(50))
    assert source.threads == {"test-fetch"}
    assert _fetchers() == []


def test_the_sources_error_reaches_the_reader_after_the_pages_before_it() -> None:
    source = Source(10, fail_at=4)
    seen: list[int] = []
    with pytest.raises(Unreachable) as raised, Prefetched(iter(source), "test-fetch") as pages:
        for page in pages:
            seen.append(page)
    assert seen == [0, 1, 2, 3]
    assert raised.value is source.error  # callers catch what they caught before
    assert _fetchers() == []


def test_a_reader_that_stops_early_stops_the_fetcher_a_page_or_two_on() -> None:
    source = Source(1000)
    with pytest.raises(ValueError), Prefetched(iter(source), "test-fetch") as pages:
        for page in pages:
            if page == 3:
                raise ValueError("record 17 of page 4 refused")
    assert _fetchers() == []
    assert source.taken <= 3 + 3  # the page read, one queued, one in hand, one more fetched

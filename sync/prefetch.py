"""The next page fetched while the kiosk writes this one.

A sync spends part of each page waiting for the central to answer (a third of the fetch's wall
time against the fake central here, issue 18). Fetching on a thread of its own lets that wait
overlap the cache's writes. One page ahead at most: memory stays bounded, and a sync that stops
early (a bad record, a failed write) has asked the central for one page more than it used.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Final, Generic, TypeVar

T = TypeVar("T")

_POLL_S: Final = 0.1
"""How often a fetcher with a page in hand looks whether the reader has gone."""
_JOIN_S: Final = 5.0
"""How long leaving waits for the fetcher; one still inside a request ends with its timeout."""


@dataclass(frozen=True, slots=True)
class _Failed:
    error: BaseException


class _End:
    pass


_END: Final = _End()


class Prefetched(Generic[T]):
    """`with Prefetched(pages, "sync-fetch") as ahead: for page in ahead: ...`.

    Items arrive in order; an exception the source raised is raised to the reader at the place
    of the item it stopped at, the very same object, so callers catch what they caught before.
    Leaving the `with` (also by an exception) stops the fetcher after its current item."""

    def __init__(self, source: Iterator[T], name: str) -> None:
        self._source = source
        self._queue: queue.Queue[T | _Failed | _End] = queue.Queue(maxsize=1)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._fetch, name=name, daemon=True)

    def __enter__(self) -> Prefetched[T]:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stop.set()
        try:
            while True:  # frees a fetcher blocked on a full queue
                self._queue.get_nowait()
        except queue.Empty:
            pass
        self._thread.join(_JOIN_S)

    def __iter__(self) -> Iterator[T]:
        while True:
            item = self._queue.get()
            if isinstance(item, _End):
                return
            if isinstance(item, _Failed):
                raise item.error
            yield item

    def _fetch(self) -> None:
        try:
            for item in self._source:
                if not self._hand_over(item):
                    return
        except BaseException as err:  # noqa: BLE001 - raised again in the reader's thread
            self._hand_over(_Failed(err))
            return
        self._hand_over(_END)

    def _hand_over(self, item: T | _Failed | _End) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=_POLL_S)
            except queue.Full:
                continue
            return True
        return False

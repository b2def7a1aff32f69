"""kiosk run freezes its start-up heap (kiosk/system/heap.py): garbage first, then the rest."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from kiosk.system.heap import freeze_startup_heap


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


@pytest.fixture
def unfrozen() -> Iterator[None]:
    yield
    gc.unfreeze()  # the rest of the suite runs with a normal heap


@pytest.mark.usefixtures("unfrozen")
def test_garbage_is_freed_and_what_lives_is_frozen() -> None:
    a, b, kept = _Node(), _Node(), _Node()
    a.other, b.other = b, a  # a reference cycle: only the collector frees it
    gone = weakref.ref(a)
    del a, b

    freeze_startup_heap()

    assert gone() is None, "garbage of start-up must not be frozen for good"
    assert gc.get_freeze_count() > 0
    assert kept not in gc.get_objects()  # frozen objects are out of the collector's lists

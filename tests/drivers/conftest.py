"""Fixtures for the driver tests: ptys, and a guard against leaked driver threads."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from driverkit import FakeInputSystem, PtyPair, wait_until

_DRIVER_THREADS = ("drivers:", "relay-keeper:")


def _driver_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(_DRIVER_THREADS)]


@pytest.fixture(autouse=True)
def no_leaked_driver_threads() -> Iterator[None]:
    before = set(_driver_threads())
    yield

    def leaked() -> list[threading.Thread]:
        return [t for t in _driver_threads() if t not in before]

    assert wait_until(lambda: not leaked(), timeout=2.0), f"threads left running: {leaked()}"


@pytest.fixture
def pty_pair() -> Iterator[PtyPair]:
    pair = PtyPair.open()
    yield pair
    pair.close()


@pytest.fixture
def input_system() -> Iterator[FakeInputSystem]:
    system = FakeInputSystem()
    yield system
    system.close_all()

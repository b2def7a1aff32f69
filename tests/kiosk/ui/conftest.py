"""Fixtures for the UI tests: a real SQLite cache with synthetic patrons, a FixedClock, a
RecordingRelay, the real window, and a guard that fails a test leaving a timer or thread."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything creates a QApplication

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sip2kit import fake_acs, sip2_config
from uihelpers import START, WAIT_MS, Driver, fill, load_config

from drivers.fake import RecordingRelay
from kiosk.access.sip2 import Sip2AccessService
from kiosk.app.assemble import Kiosk, assemble
from kiosk.checkout.circulation import sip2_circulation
from kiosk.checkout.controller import CheckoutController
from kiosk.clock import FixedClock
from kiosk.config import LoadedConfig
from kiosk.services import Services, build_services
from kiosk.ui.screens.checkout import CheckoutScreen
from kiosk.ui.widgets.corner import LongPressCorner
from kiosk.ui.window import KioskWindow
from sync.sip2.fakes.acs import FakeAcs


@pytest.fixture(autouse=True)
def no_leaks(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a QTimer running or a thread alive."""
    before = set(threading.enumerate())
    yield
    running = [
        f"{type(w).__name__}.{t.objectName() or 'timer'}"
        for w in QApplication.allWidgets()
        for t in w.findChildren(QTimer)
        if t.isActive()
    ]
    assert not running, f"QTimers left running: {running}"
    new = [t for t in threading.enumerate() if t not in before]
    for thread in new:
        thread.join(timeout=2.0)
    alive = [t.name for t in new if t.is_alive()]
    assert not alive, f"threads left running: {alive}"


@pytest.fixture
def fast(monkeypatch: pytest.MonkeyPatch) -> None:
    """UI timings down to (almost) nothing; the flow's deadlines move with the FixedClock."""
    monkeypatch.setattr(KioskWindow, "tick_ms", 1)
    monkeypatch.setattr(LongPressCorner, "hold_ms", 1)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def loaded(tmp_path: Path) -> LoadedConfig:
    return load_config(tmp_path)


@pytest.fixture
def services(loaded: LoadedConfig, clock: FixedClock) -> Iterator[Services]:
    built = build_services(loaded, clock)
    fill(built)
    yield built
    built.close()


@pytest.fixture
def relay() -> Iterator[RecordingRelay]:
    board = RecordingRelay("test")
    yield board
    board.close()


@pytest.fixture
def kiosk(qtbot: object, loaded: LoadedConfig, services: Services, relay: RecordingRelay,
          clock: FixedClock) -> Iterator[Kiosk]:
    built = assemble(loaded, services, relay, clock)
    qtbot.addWidget(built.window)  # type: ignore[attr-defined]
    built.window.resize(1280, 800)
    built.window.show()
    yield built
    built.close()


@pytest.fixture
def acs(clock: FixedClock) -> Iterator[FakeAcs]:
    with fake_acs(clock) as fake:
        yield fake


@pytest.fixture
def sip2_services(tmp_path: Path, acs: FakeAcs, clock: FixedClock) -> Iterator[Services]:
    built = build_services(sip2_config(tmp_path, acs.port), clock)
    yield built
    built.close()


@pytest.fixture
def screen(qtbot: Any, sip2_services: Services, clock: FixedClock) -> Iterator[CheckoutScreen]:
    """The checkout screen against the fake SIP2 server, 1280×800, in its own window."""
    access, link = sip2_services.access, sip2_services.sip2
    assert isinstance(access, Sip2AccessService)
    assert link is not None
    # These tests are about the screens, not the door's 2 s deadline (tests/kiosk/sip2 hold
    # that): on a loaded machine the fake ACS may answer later, which is no screen's fault.
    link.deadline_s = WAIT_MS / 1000
    circulation = sip2_circulation(access, link, sip2_services.sessions, clock, "checkin_only")
    widget = CheckoutScreen(CheckoutController(circulation, clock, branch="Solrød Bibliotek"))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    yield widget
    widget.stop()


@pytest.fixture
def driver(kiosk: Kiosk, qtbot: object, clock: FixedClock) -> Driver:
    return Driver(kiosk, qtbot, clock)

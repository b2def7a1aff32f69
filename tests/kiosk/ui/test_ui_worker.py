"""The controller worker: a slow check never freezes the screen, events keep their order, and
stopping in the middle of a call ends cleanly with the relay off.

A slow library system is an access service whose check blocks on a threading.Event until the
test lets it go: no sleeps, and the test decides exactly when the answer comes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from uihelpers import WAIT_MS, Driver, fill

from drivers.cardparse import parse_card
from drivers.fake import RecordingRelay
from kiosk.access.service import AccessService
from kiosk.app.assemble import Kiosk, assemble
from kiosk.clock import FixedClock
from kiosk.config import LoadedConfig
from kiosk.door.controller import DoorController
from kiosk.door.flow import Event
from kiosk.door.view import ScreenKind
from kiosk.events import CardPresented, PinDigit, PinErased, Tick
from kiosk.services import build_services
from kiosk.ui.worker import ControllerWorker
from sync.fakes.synthetic import persona

WAIT_S = 10.0
"""Only a bound against a hung test: every gate is opened by the test itself."""


class GatedAccess:
    """The real access service, but the calls named in `gated` wait for `gate` (a slow SIP2
    check); `entered` is set when one of them has started."""

    def __init__(self, inner: AccessService, gated: set[str]) -> None:
        self._inner = inner
        self._gated = gated
        self.gate = threading.Event()
        self.entered = threading.Event()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def _wait(self, name: str) -> None:
        if name in self._gated:
            self.entered.set()
            assert self.gate.wait(WAIT_S), "the test never opened the gate"

    def screen_card(self, read: Any) -> Any:
        self._wait("screen_card")
        return self._inner.screen_card(read)

    def check_pin(self, read: Any, pin: str | None) -> Any:
        self._wait("check_pin")
        return self._inner.check_pin(read, pin)


class RecordingController:
    """The real DoorController; remembers every event `handle` is given, and on which thread."""

    def __init__(self, inner: DoorController) -> None:
        self._inner = inner
        self.events: list[Event] = []
        self.threads: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def handle(self, event: Event) -> Any:
        self.events.append(event)
        self.threads.add(threading.current_thread().name)
        return self._inner.handle(event)


def gate(kiosk: Kiosk, *calls: str) -> GatedAccess:
    gated = GatedAccess(kiosk.controller.access, set(calls))
    kiosk.controller.access = gated  # type: ignore[assignment]  # the worker is idle here
    return gated


@pytest.fixture
def heartbeat() -> Iterator[list[int]]:
    """A timer on the GUI thread: it only fires while that thread is free."""
    beats: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: beats.append(len(beats)))
    timer.start(5)
    yield beats
    timer.stop()


def test_a_slow_card_check_leaves_the_screen_responsive(
    driver: Driver, kiosk: Kiosk, qtbot: Any, heartbeat: list[int]
) -> None:
    slow = gate(kiosk, "screen_card")
    window = driver.window
    try:
        window.dispatch(CardPresented(parse_card(persona("valid").card, "test")))
        assert not window.idle  # dispatch came back with the check still to do
        assert slow.entered.wait(WAIT_S)
        qtbot.waitUntil(window.pending.note.isVisible, timeout=WAIT_MS)
        assert window.pending.note.text() == "Et øjeblik, vi tjekker …"
        seen = len(heartbeat)
        qtbot.waitUntil(lambda: len(heartbeat) >= seen + 5, timeout=WAIT_MS)
        assert driver.kind is ScreenKind.IDLE  # the answer is not in yet
        assert not slow.gate.is_set()
    finally:
        slow.gate.set()
    driver.wait()
    assert driver.kind is ScreenKind.PIN
    assert not window.pending.note.isVisible()


def test_pin_dots_follow_the_keys_while_the_pin_is_checked(
    driver: Driver, kiosk: Kiosk, qtbot: Any, relay: RecordingRelay
) -> None:
    pin = driver.persona_card("valid")
    slow = gate(kiosk, "check_pin")
    dots = driver.window.pin_screen.dots
    try:
        keys = {k.text(): k for k in driver.window.pin_screen.pad.keys}
        for digit in pin:
            driver.touch(keys[digit])
        assert dots.filled == 4  # drawn from the touches, before any answer
        assert slow.entered.wait(WAIT_S)
        qtbot.waitUntil(driver.window.pending.note.isVisible, timeout=WAIT_MS)
        assert dots.filled == 4
        assert driver.kind is ScreenKind.PIN
        assert not relay.commands or not relay.commands[-1].on
    finally:
        slow.gate.set()
    driver.wait()
    assert driver.kind is ScreenKind.GRANTED
    assert relay.commands[-1].on


def test_events_keep_their_order_across_the_hand_off(
    driver: Driver, kiosk: Kiosk, qtbot: Any
) -> None:
    recorder = RecordingController(kiosk.controller)
    driver.window.runner.controller = recorder  # type: ignore[assignment]
    slow = gate(kiosk, "screen_card")
    valid = persona("valid")
    sent: list[Event] = [CardPresented(parse_card(valid.card, "test"))]
    sent += [PinDigit(valid.pin[0]), PinDigit(valid.pin[1]), PinDigit("9"), PinErased()]
    sent += [PinDigit(d) for d in valid.pin[2:]]
    try:
        driver.window.dispatch(sent[0])
        assert slow.entered.wait(WAIT_S)
        for event in sent[1:3]:
            driver.window.dispatch(event)
        # A reader thread's events join the same line, behind what the GUI thread sent.
        reader = threading.Thread(target=lambda: [driver.window.bridge.post(e)
                                                  for e in sent[3:5]], name="reader-test")
        reader.start()
        reader.join(WAIT_S)
        qtbot.waitUntil(lambda: len(driver.window.pending.waiting) == 5, timeout=WAIT_MS)
        for event in sent[5:]:
            driver.window.dispatch(event)
        for _ in range(20):  # ticks do not pile up behind a slow call: one waits, the rest go
            driver.window.dispatch(Tick())
    finally:
        slow.gate.set()
    driver.wait()
    assert recorder.events == [*sent, Tick()]
    assert recorder.threads == {"door-worker"}
    assert driver.kind is ScreenKind.GRANTED


def test_stopping_during_a_call_ends_cleanly_and_leaves_the_relay_off(
    qtbot: Any, loaded: LoadedConfig, clock: FixedClock
) -> None:
    services = build_services(loaded, clock)
    fill(services)
    relay = RecordingRelay("test")
    kiosk = assemble(loaded, services, relay, clock)
    qtbot.addWidget(kiosk.window)
    driver = Driver(kiosk, qtbot, clock)
    slow = gate(kiosk, "check_pin")
    # The library system answers while the window is stopping (within its 2 s deadline).
    answer = threading.Thread(
        target=lambda: kiosk.window.worker.stopping.wait(WAIT_S) and slow.gate.set(),
        name="sip2-answer")
    answer.start()
    try:
        pin = driver.persona_card("valid")
        for digit in pin:  # the fourth key sends the PIN: a grant is on its way
            kiosk.window.dispatch(PinDigit(digit))
        assert slow.entered.wait(WAIT_S)
    finally:
        kiosk.close()
    answer.join(WAIT_S)
    assert not any(t.name == "door-worker" for t in threading.enumerate())
    assert relay.commands[-1].on is False  # the late grant pulsed; close() switched it off
    assert not relay.latched
    assert any(c.on for c in relay.commands)
    assert kiosk.window.kind is ScreenKind.PIN  # nothing rendered after stop()


def test_a_stopped_worker_takes_no_more_jobs(qtbot: Any) -> None:
    worker = ControllerWorker("test-worker")
    answers: list[int] = []
    assert worker.post(lambda: 1, answers.append)
    qtbot.waitUntil(lambda: answers == [1], timeout=WAIT_MS)
    worker.stop()
    worker.stop()  # twice is fine
    assert not worker.post(lambda: 2, answers.append)
    assert not any(t.name == "test-worker" for t in threading.enumerate())


def test_a_failing_job_is_logged_and_the_next_one_runs(
    qtbot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    worker = ControllerWorker("test-worker")
    failures: list[Exception] = []
    answers: list[int] = []

    def broken() -> int:
        raise RuntimeError("injected")

    try:
        worker.post(broken, answers.append, failed=failures.append)
        worker.post(lambda: 2, answers.append)
        qtbot.waitUntil(lambda: answers == [2], timeout=WAIT_MS)
    finally:
        worker.stop()
    assert [str(f) for f in failures] == ["injected"]
    assert "a job failed" in caplog.text

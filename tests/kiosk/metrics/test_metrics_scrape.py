"""Metrics over real HTTP after real visits: a serial reader on a pty (tapped by ReaderBoard), an
LCUS relay board on a pty, the cache with the CONTRACT patron. The scrape shows the visits,
then the relay fault and the reader unplug; /healthz follows whether the kiosk can decide; and
no CPR, card number, PIN or patron id appears anywhere in what Prometheus gets."""

from __future__ import annotations

import os
import queue
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from kioskkit import CONTRACT_PATRON, patron
from prometheus_client import CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families
from ptykit import PtyPair, read_available, relink

from drivers.relays import BaseRelay, make_relay
from drivers.serial_reader import SerialCardReader
from drivers.types import CardRead
from kiosk.cache.patrons import apply_records
from kiosk.clock import FixedClock
from kiosk.config import LoadedConfig
from kiosk.door.controller import DoorController
from kiosk.door.flow import DoorSettings
from kiosk.events import CardPresented, PinDigit
from kiosk.health.faults import Faults
from kiosk.metrics import DoorMetrics, KioskCollector, KioskSources, MetricsServer, ReaderBoard
from kiosk.metrics.state import can_decide
from kiosk.privacy.verifiers import upgrade_slice
from kiosk.services import Services

CPR, CARD, PIN = CONTRACT_PATRON["cpr"], CONTRACT_PATRON["cards"][0]["number"], "1234"
SECRETS = (CPR, CPR[:6] + "-" + CPR[6:], CARD, "1000123", "Anna", "Jensen")


def wait_until(predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    tick = threading.Event()
    while not predicate():
        if time.monotonic() > deadline:
            return False
        tick.wait(0.02)
    return True


@dataclass
class Scene:
    server: MetricsServer
    controller: DoorController
    relay: BaseRelay
    relay_pty: PtyPair
    reader_pty: PtyPair
    reads: queue.Queue[CardRead]
    board: ReaderBoard

    def scrape(self) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
        body = requests.get(f"{self.server.url}/metrics", timeout=5).text
        scraped.append(body)
        return {(s.name, tuple(sorted(s.labels.items()))): s.value
                for family in text_string_to_metric_families(body) for s in family.samples}

    def visit(self, raw: str, pin: str) -> None:
        os.write(self.reader_pty.master, raw.encode() + b"\r")
        self.controller.handle(CardPresented(self.reads.get(timeout=5)))
        for digit in pin:
            self.controller.handle(PinDigit(digit))


scraped: list[str] = []


@pytest.fixture
def scene(services: Services, loaded: LoadedConfig, clock: FixedClock,
          tmp_path: Path) -> Iterator[Scene]:
    with services.sessions.begin() as session:
        apply_records(session, [patron()], services.hasher, today=services.clock.now().date())
    relay_pty, reader_pty = PtyPair.open(), PtyPair.open()
    relay_link, reader_link = tmp_path / "relay", tmp_path / "reader"
    relink(relay_link, relay_pty.path)
    relink(reader_link, reader_pty.path)
    relay = make_relay("lcus", port=str(relay_link), channel=1)
    controller = DoorController(services.access, relay, clock,
                                DoorSettings(pin_length=4, pulse_s=0.05), Faults(clock))
    board = ReaderBoard(["door"])
    reads: queue.Queue[CardRead] = queue.Queue()
    reader = SerialCardReader("door", str(reader_link), reconnect_s=0.1)
    reader.start(on_read=reads.put, on_status=board.tap(lambda _s: None))
    registry = CollectorRegistry()
    DoorMetrics(registry)
    sources = KioskSources(loaded, services.sessions, clock,
                           calendar=lambda: services.access.calendar, relay=relay,
                           readers=board, out_of_service=lambda: controller.out_of_service)
    registry.register(KioskCollector(sources))
    server = MetricsServer("127.0.0.1:0", registry, lambda: can_decide(sources))
    server.start()
    try:
        yield Scene(server, controller, relay, relay_pty, reader_pty, reads, board)
    finally:
        server.stop()
        reader.stop()
        relay.close()
        relay_pty.close()
        reader_pty.close()


def test_visits_relay_fault_and_reader_unplug_show_in_the_scrape(
    scene: Scene, services: Services
) -> None:
    assert wait_until(lambda: scene.board.states()["door"] == "connected")
    first = scene.scrape()
    assert first[("kiosk_reader_connected", (("reader", "door"),))] == 1
    assert first[("kiosk_relay_fault", ())] == 0
    assert first[("kiosk_cache_patrons", ())] == 1
    assert first[("kiosk_mode", (("mode", "self_service"),))] == 1
    assert requests.get(f"{scene.server.url}/healthz", timeout=5).status_code == 200

    scene.visit(CPR, PIN)  # granted: the relay pulses
    scene.visit(CARD, "9999")  # wrong PIN
    assert wait_until(lambda: not scene.relay.is_on)
    after = scene.scrape()
    assert after[("kiosk_occupancy_entries", ())] == 1
    assert after[("kiosk_outbox_pending", ())] == 0  # central.kind "none": no statistics queued
    # The synced (fast) verifier stays fast until the background upgrade reaches it: the door
    # path never spends an argon2id on it (issue 13, kiosk/privacy/verifiers.py).
    assert after[("kiosk_pin_verifiers", (("kind", "fast"),))] == 1
    assert upgrade_slice(services.sessions, services.hasher) is None
    upgraded = scene.scrape()
    assert upgraded[("kiosk_pin_verifiers", (("kind", "memory_hard"),))] == 1
    assert upgraded[("kiosk_pin_verifiers", (("kind", "fast"),))] == 0

    read_available(scene.relay_pty.master)
    scene.relay_pty.close()  # the relay board is unplugged
    scene.visit(CPR, PIN)  # a grant the relay cannot carry out
    faulted = scene.scrape()
    assert faulted[("kiosk_relay_fault", ())] == 1
    assert faulted[("kiosk_can_decide", ())] == 0
    health = requests.get(f"{scene.server.url}/healthz", timeout=5)
    assert (health.status_code, health.text) == (503, "out of service\n")

    scene.reader_pty.close()  # the reader is unplugged
    assert wait_until(lambda: scene.board.states()["door"] == "disconnected")
    assert scene.scrape()[("kiosk_reader_connected", (("reader", "door"),))] == 0


def test_the_scrape_names_no_person_card_or_pin(scene: Scene) -> None:
    scraped.clear()
    assert wait_until(lambda: scene.board.states()["door"] == "connected")
    scene.visit(CPR, PIN)
    scene.visit(CARD, "9999")
    scene.scrape()
    body = "\n".join(scraped)
    assert "kiosk_info" in body
    for secret in (*SECRETS, PIN, "9999"):
        assert _named(secret, body) == [], secret


def _named(secret: str, body: str) -> list[str]:
    """The places `secret` stands on its own in the scrape: in a label, a help text or as a
    value, but not as digits inside a longer number. A counter's `_created` sample is the wall
    clock, and 1.7961771209312341e+09 once held the test PIN 1234."""
    return re.findall(rf"(?<![0-9.]){re.escape(secret)}(?![0-9])", body)


def test_a_secret_is_found_wherever_it_stands_alone() -> None:
    assert _named("1234", 'kiosk_x{pin="1234"} 1.0') == ["1234"]
    assert _named("1234", "kiosk_x 1234.0") == ["1234"]
    assert _named("1234", "kiosk_x_created 1.7961771209312341e+09") == []


def test_unknown_paths_are_404(scene: Scene) -> None:
    assert requests.get(f"{scene.server.url}/admin", timeout=5).status_code == 404

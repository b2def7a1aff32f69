"""The door tells its observer (the metrics) each finished decision with its latency, and the
PIN-to-relay time of each grant; a grant the relay cannot carry out counts as relay_fault."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from kioskkit import patron

from drivers.cardparse import parse_card
from drivers.fake import RecordingRelay
from kiosk.cache.patrons import apply_records
from kiosk.clock import FixedClock
from kiosk.door.controller import DoorController
from kiosk.door.flow import DoorSettings
from kiosk.events import CardPresented, PinDigit
from kiosk.health.faults import Faults
from kiosk.services import Services


@dataclass
class Seen:
    decisions: list[tuple[str, str, bool, float | None]] = field(default_factory=list)
    pin_to_relay_s: list[float] = field(default_factory=list)

    def decision(self, reason: str, mode: str, granted: bool, seconds: float | None) -> None:
        self.decisions.append((reason, mode, granted, seconds))

    def pin_to_relay(self, seconds: float) -> None:
        self.pin_to_relay_s.append(seconds)


@pytest.fixture
def door(services: Services, clock: FixedClock) -> tuple[DoorController, RecordingRelay, Seen]:
    with services.sessions.begin() as session:
        apply_records(session, [patron()], services.hasher, today=services.clock.now().date())
    relay = RecordingRelay()
    seen = Seen()
    controller = DoorController(services.access, relay, clock,
                                DoorSettings(pin_length=4, pulse_s=0.01), Faults(clock),
                                observer=seen)
    return controller, relay, seen


def visit(controller: DoorController, raw: str, pin: str) -> None:
    controller.handle(CardPresented(parse_card(raw, "door")))
    for digit in pin:
        controller.handle(PinDigit(digit))


def test_each_decision_is_told_once_with_its_latency(
    door: tuple[DoorController, RecordingRelay, Seen],
) -> None:
    controller, _relay, seen = door
    visit(controller, "1705901234", "1234")
    visit(controller, "3300001234", "9999")
    visit(controller, "0101903333", "")  # unknown: refused at the card
    assert [(r, m, g) for r, m, g, _ in seen.decisions] == [
        ("ok", "self_service", True), ("wrong_pin", "self_service", False),
        ("unknown_card", "self_service", False)]
    assert all(s is not None and s >= 0 for *_, s in seen.decisions)
    assert len(seen.pin_to_relay_s) == 1  # only the grant reached the relay


def test_a_grant_the_relay_refuses_counts_as_relay_fault(
    door: tuple[DoorController, RecordingRelay, Seen],
) -> None:
    controller, relay, seen = door
    relay.failing = True
    visit(controller, "1705901234", "1234")
    assert [(r, g) for r, _m, g, _s in seen.decisions] == [("relay_fault", False)]
    assert seen.pin_to_relay_s == []

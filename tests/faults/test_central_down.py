"""Central down for 7 simulated days (reliability.md #10): 500s and timeouts, the door goes on
per the staleness policy, the outbox keeps every event, and when the central is back every event
arrives exactly once."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from faultkit import FakeCentralProcess, fake_central
from kioskkit import write_config

from drivers.cardparse import parse_card
from drivers.fake import RecordingRelay
from kiosk.clock import FixedClock
from kiosk.config import load
from kiosk.door.controller import DoorController
from kiosk.door.flow import DoorSettings
from kiosk.events import Cancelled, CardPresented, PinDigit
from kiosk.jobs.sync import SyncService
from kiosk.services import build_services
from sync.client import CentralError
from sync.http_client import HttpCentralClient

VALID_CARD, VALID_PIN = "3300000001", "1234"  # the "valid" demo persona


def visit(door: DoorController) -> str:
    door.handle(Cancelled())
    door.handle(CardPresented(parse_card(VALID_CARD, "door")))
    for digit in VALID_PIN:
        door.handle(PinDigit(digit))
    evaluation = door.state.evaluation
    assert evaluation is not None
    assert evaluation.decision is not None
    return str(evaluation.decision.reason)


def outage_day(central: FakeCentralProcess, day: int) -> None:
    """Odd days answer 500, even days hang past the client's read timeout."""
    central.fault("none")
    if day % 2:
        central.fault("500", count=1000)
    else:
        central.fault("latency", count=1000, seconds=1.0)


@pytest.mark.slow
@pytest.mark.parametrize(("policy", "while_down"),
                         [("deny_all", "cache_stale"), ("cached_only", "ok")])
def test_seven_days_without_the_central(tmp_path: Path, clock: FixedClock, policy: str,
                                        while_down: str) -> None:
    with fake_central(10) as central:
        overrides = ['central.kind="http"', f'central.url="{central.url}"',
                     f'central.stale_policy="{policy}"', 'central.max_cache_age="24h"']
        services = build_services(load(write_config(tmp_path), overrides), clock)
        client = HttpCentralClient(central.url, retries=0, read_timeout=0.3)
        sync = SyncService(client, services.sessions, services.hasher, clock)
        door = DoorController(services.access, RecordingRelay(), clock,
                              DoorSettings(pulse_s=0.01), services.faults)
        try:
            sync.sync(full=True)
            assert visit(door) == "ok"
            visits = 1
            for day in range(1, 8):
                clock.advance(timedelta(days=1, minutes=1))  # past max_cache_age
                outage_day(central, day)
                with pytest.raises(CentralError):
                    sync.sync()
                assert sync.send_outbox().failed > 0 or day > 1
                for _ in range(3):
                    assert visit(door) == while_down
                    visits += 1
            central.fault("none")
            clock.advance(timedelta(hours=1))  # past every backoff (capped at 5 minutes)
            sync.sync()
            assert visit(door) == "ok"
            visits += 1
            report = sync.send_outbox()
            assert report.failed == 0
            events = central.events()
        finally:
            client.close()
            services.close()
    with services.sessions() as session:
        from sqlalchemy import select

        from kiosk.cache.models import OutboxItem

        rows = session.scalars(select(OutboxItem)).all()
    assert len(rows) == visits, "the outbox lost an event"
    assert all(r.sent_at is not None for r in rows)
    applied = {e["idempotency_key"] for e in events if e["applied"]}
    assert applied == {r.idempotency_key for r in rows}
    assert all(e["applied"] == 1 for e in events), "an event was applied twice"

"""One identity per kiosk: every event the kiosk sends to the central says which kiosk and
branch sent it (`origin`), from kiosk.id and kiosk.branch; no person is added by it."""

from __future__ import annotations

from pathlib import Path

from kioskkit import SELF_SERVICE_AT, write_config

from drivers.cardparse import parse_card
from kiosk.clock import FixedClock
from kiosk.config import load
from kiosk.jobs.sync import SyncService
from kiosk.services import build_services, central_client
from sync.fakes.central import FakeCentral


def test_sent_events_carry_the_kiosk_and_branch(tmp_path: Path) -> None:
    fake = FakeCentral(patrons=5, seed=3, today=SELF_SERVICE_AT.date())
    with fake.serve("127.0.0.1", 0) as url:
        loaded = load(write_config(tmp_path), ['central.kind="http"', f'central.url="{url}"',
                                               'kiosk.id="solrod-door-1"'])
        clock = FixedClock(SELF_SERVICE_AT)
        services = build_services(loaded, clock)
        client = central_client(loaded)
        try:
            for raw in ("0101903333", "hello"):  # two decisions: their statistics are queued
                services.access.record(services.access.screen_card(parse_card(raw, "door")))
            report = SyncService(client, services.sessions, services.hasher, clock).send_outbox()
        finally:
            client.close()
            services.close()
        events = fake.events.snapshot()["events"]
    assert report.sent == 2
    assert [e["origin"] for e in events] == [
        {"kiosk": "solrod-door-1", "branch": "Solrød Bibliotek"}] * 2
    assert all(e["kind"] == "entry" for e in events)

"""The sync service against the fake central on 127.0.0.1: full, delta, faults, outbox, staleness.

No mocked requests: a real HTTP server (sync.fakes.central) and a real SQLite cache.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from kioskkit import SELF_SERVICE_AT, write_config

from drivers.cardparse import parse_card
from kiosk.cache import queries
from kiosk.clock import FixedClock
from kiosk.config import load
from kiosk.door.flow import Evaluation
from kiosk.jobs.sync import SyncService
from kiosk.reasons import Reason
from kiosk.services import Services, build_services
from sync.client import CentralError
from sync.fakes.central import FakeCentral
from sync.http_client import HttpCentralClient

VALID_CARD, VALID_PIN = "3300000001", "1234"


@pytest.fixture
def central() -> Iterator[tuple[FakeCentral, str]]:
    fake = FakeCentral(patrons=50, seed=3, today=SELF_SERVICE_AT.date())
    with fake.serve("127.0.0.1", 0) as url:
        yield fake, url


@pytest.fixture
def kiosk(
    tmp_path: Path, central: tuple[FakeCentral, str]
) -> Iterator[tuple[Services, SyncService]]:
    _, url = central
    config = write_config(tmp_path)
    loaded = load(config, ['central.kind="http"', f'central.url="{url}"'])
    clock = FixedClock(SELF_SERVICE_AT)
    services = build_services(loaded, clock)
    client = HttpCentralClient(url, retries=1, sleep=lambda _s: None, page_limit=20,
                                snapshot_page_limit=20)
    yield services, SyncService(client, services.sessions, services.hasher, clock)
    client.close()
    services.close()


def _decide(services: Services, card: str = VALID_CARD, pin: str = VALID_PIN) -> Evaluation:
    read = parse_card(card, "test")
    screened = services.access.screen_card(read)
    return screened if screened.decision is not None else services.access.check_pin(read, pin)


def _reason(services: Services, card: str = VALID_CARD) -> Reason:
    decision = _decide(services, card).decision
    assert decision is not None
    return decision.reason


def _fake(url: str, path: str, body: dict[str, object]) -> None:
    requests.post(f"{url}{path}", json=body, timeout=5).raise_for_status()


def _count(services: Services) -> int:
    with services.sessions() as session:
        return queries.patron_count(session)


def test_full_then_delta_with_block_unblock_and_deletion(
    kiosk: tuple[Services, SyncService], central: tuple[FakeCentral, str]
) -> None:
    services, sync = kiosk
    _, url = central
    report = sync.sync(full=True)
    assert report.counts.upserted == 50
    assert report.pages == 3
    assert _reason(services) is Reason.OK

    _fake(url, "/_fake/patrons/1000001", {"blocked": {"since": "2026-11-20", "reason": "E"}})
    assert sync.sync().counts.upserted == 1
    assert _reason(services) is Reason.PATRON_BLOCKED

    _fake(url, "/_fake/patrons/1000001", {"blocked": None})
    sync.sync()
    assert _reason(services) is Reason.OK

    _fake(url, "/_fake/patrons/1000001", {"deleted": True})
    assert sync.sync().counts.deleted == 1
    assert _reason(services) is Reason.UNKNOWN_CARD
    assert _count(services) == 49


FAULTS = ["500", "html", "truncated", "malformed", "invalid_record", "drop"]


@pytest.mark.parametrize("mode", FAULTS)
def test_a_failing_delta_leaves_the_cache_as_it_was(
    mode: str, kiosk: tuple[Services, SyncService], central: tuple[FakeCentral, str]
) -> None:
    services, sync = kiosk
    _, url = central
    sync.sync(full=True)
    with services.sessions() as session:
        cursor = queries.get_state(session, "sync_cursor")
    _fake(url, "/_fake/patrons/1000001", {"blocked": {"since": "2026-11-20", "reason": "E"}})
    _fake(url, "/_fake/faults", {"mode": mode, "count": 5})
    with pytest.raises(CentralError) as failure:
        sync.sync()
    assert str(failure.value)  # one clear message
    assert _reason(services) is Reason.OK  # the block did not half-arrive
    with services.sessions() as session:
        assert queries.get_state(session, "sync_cursor") == cursor
        assert queries.get_state(session, "last_sync_error")


def test_a_full_sync_failing_midway_keeps_the_previous_cache(
    kiosk: tuple[Services, SyncService], central: tuple[FakeCentral, str]
) -> None:
    services, sync = kiosk
    fake, url = central
    sync.sync(full=True)
    _fake(url, "/_fake/patrons/1000001", {"deleted": True})
    # Pages of 20: the first page is served (a zero-second "latency" fault is a pass), the
    # second and every retry fail, so the new set was half-built when the sync gave up.
    fake.faults.add("latency", 1, 0.0)
    fake.faults.add("500", 5)
    with pytest.raises(CentralError):
        sync.sync(full=True)
    assert _count(services) == 50
    assert _reason(services) is Reason.OK


def test_outbox_is_delivered_exactly_once_after_an_outage(
    kiosk: tuple[Services, SyncService], central: tuple[FakeCentral, str]
) -> None:
    services, sync = kiosk
    fake, url = central
    sync.sync(full=True)
    for _ in range(5):
        services.access.record(_decide(services))
    _fake(url, "/_fake/faults", {"mode": "500", "count": 10})
    failed = sync.send_outbox()
    assert failed.sent == 0
    assert failed.failed == 5
    services.clock.advance(timedelta(minutes=10))  # type: ignore[attr-defined]
    fake.faults.clear()
    assert sync.send_outbox().sent == 5
    assert sync.send_outbox().sent == 0
    seen = requests.get(f"{url}/_fake/events", timeout=5).json()
    assert len(seen["events"]) == 5
    assert all(e["applied"] == 1 for e in seen["events"])
    with services.sessions() as session:
        assert queries.outbox_pending(session) == 0


def test_a_rejected_item_is_parked_with_its_error(
    kiosk: tuple[Services, SyncService], central: tuple[FakeCentral, str]
) -> None:
    services, sync = kiosk
    _, url = central
    sync.sync(full=True)
    services.access.record(_decide(services))
    _fake(url, "/_fake/events/reject", {"kind": "entry", "error": "invalid", "message": "nope"})
    report = sync.send_outbox()
    assert report.parked == 1
    with services.sessions() as session:
        parked = queries.outbox_parked(session)
        assert [p.parked_error for p in parked] == ["nope"]
    assert sync.send_outbox().sent == 0  # parked items are not retried blindly


@pytest.mark.parametrize(("policy", "expected"), [
    ("deny_all", Reason.CACHE_STALE), ("cached_only", Reason.OK),
])
def test_staleness_policy(tmp_path: Path, central: tuple[FakeCentral, str], policy: str,
                          expected: Reason) -> None:
    _, url = central
    config = write_config(tmp_path)
    loaded = load(config, ['central.kind="http"', f'central.url="{url}"',
                           f'central.stale_policy="{policy}"', 'central.max_cache_age="1h"'])
    clock = FixedClock(SELF_SERVICE_AT)
    services = build_services(loaded, clock)
    try:
        client = HttpCentralClient(url, retries=0, sleep=lambda _s: None)
        SyncService(client, services.sessions, services.hasher, clock).sync(full=True)
        assert _reason(services) is Reason.OK
        clock.advance(timedelta(hours=2))
        assert _reason(services) is expected
    finally:
        services.close()

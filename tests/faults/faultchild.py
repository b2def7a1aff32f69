"""The process the fault tests kill: one kiosk operation on a config, with progress on stdout.

`python faultchild.py sync CONFIG URL {full,delta} PAGE_LIMIT`
`python faultchild.py attempts CONFIG COUNT` (card visits in staffed hours, entry log + outbox)
`python faultchild.py outbox CONFIG URL BATCH NOW`
`python faultchild.py purge CONFIG NOW`
`python faultchild.py checkouts CONFIG COUNT` (offline loans and returns: loan row + outbox item)
Each prints "start" when the operation begins (imports and opening the database are done), so
the test's kill lands inside the operation, and "done ..." when it returns.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

from kioskkit import SELF_SERVICE_AT

from drivers.cardparse import parse_card
from drivers.fake import RecordingRelay
from kiosk.clock import COPENHAGEN, FixedClock
from kiosk.config import load
from kiosk.door.controller import DoorController
from kiosk.door.flow import DoorSettings
from kiosk.events import Cancelled, CardPresented
from kiosk.jobs.sync import SyncService
from kiosk.privacy.retention import purge
from kiosk.services import Services, build_services
from sync.http_client import HttpCentralClient

STAFFED_AT = datetime(2026, 11, 23, 12, 0, tzinfo=COPENHAGEN)  # Monday noon: card only


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _services(config: str, at: datetime = SELF_SERVICE_AT) -> Services:
    return build_services(load(Path(config)), FixedClock(at))


def sync(config: str, url: str, kind: str, page_limit: str) -> None:
    services = _services(config)
    with HttpCentralClient(url, page_limit=int(page_limit), snapshot_page_limit=int(page_limit),
                           retries=0) as client:
        service = SyncService(client, services.sessions, services.hasher, services.clock)
        _say("start")
        report = service.sync(full=kind == "full")
    _say("done " + json.dumps({"pages": report.pages, "upserted": report.counts.upserted}))
    services.close()


def attempts(config: str, count: str) -> None:
    services = _services(config, STAFFED_AT)
    relay = RecordingRelay()
    door = DoorController(services.access, relay, services.clock, DoorSettings(pulse_s=0.01),
                          services.faults)
    cards = [f"33{n:08d}" for n in range(1, 8)]
    _say("start")
    for n in range(int(count)):
        door.handle(CardPresented(parse_card(cards[n % len(cards)], "door")))
        door.handle(Cancelled())
        if door.out_of_service:
            raise SystemExit(f"door faults: {door.faults.messages()}")
        _say(f"recorded {n + 1}")  # after the commit returned: this entry must survive
    _say("done")
    relay.close()
    services.close()


def outbox(config: str, url: str, batch: str, now: str) -> None:
    services = _services(config, datetime.fromisoformat(now))
    with HttpCentralClient(url, retries=0) as client:
        service = SyncService(client, services.sessions, services.hasher, services.clock)
        _say("start")
        report = service.send_outbox(batch=int(batch))
    _say("done " + json.dumps({"sent": report.sent, "failed": report.failed}))
    services.close()


def run_purge(config: str, now: str) -> None:
    services = _services(config)
    policy = services.loaded.config.retention
    _say("start")
    report = purge(services.engine, services.sessions, policy, datetime.fromisoformat(now))
    rows = {r.rule: r.rows for r in report.results}
    _say("done " + json.dumps(rows))
    services.close()


def checkouts(config: str, count: str) -> None:
    """Offline loans and returns, as the checkout screen makes them with the library system away:
    each one is a loan row (or its return) and an outbox item in one transaction."""
    from kiosk.checkout.offline import OfflineCirculation
    from kiosk.checkout.types import PatronSession

    services = _services(config)
    circulation = OfflineCirculation(services.access, services.sessions,  # type: ignore[arg-type]
                                     services.clock, "checkin_and_checkout")
    patron = PatronSession("1000001", key="3300000001", offline=True)
    _say("start")
    for n in range(int(count)):
        item = f"50000{n % 50:05d}"
        if n % 2 == 0:
            circulation.borrow(patron, item)
        else:
            circulation.give_back(f"50000{(n - 1) % 50:05d}")
        _say(f"recorded {n + 1}")  # after the commit returned: this one must survive
    _say("done")
    services.close()


COMMANDS = {"sync": sync, "attempts": attempts, "outbox": outbox, "purge": run_purge,
            "checkouts": checkouts}

if __name__ == "__main__":
    COMMANDS[sys.argv[1]](*sys.argv[2:])

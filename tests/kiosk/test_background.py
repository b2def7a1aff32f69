"""The background worker of `kiosk run`: PIN verifiers upgraded in batches, prompt stop."""

from __future__ import annotations

import threading
import time

from kioskkit import patron
from sqlalchemy import func, select

from kiosk.background import UPGRADE_BATCH, BackgroundWork
from kiosk.cache.models import Patron
from kiosk.cache.patrons import apply_records
from kiosk.services import Services


def _fast_verifiers(services: Services) -> int:
    with services.sessions() as session:
        query = select(func.count()).where(Patron.pin_verifier.like("hk1$%"))
        return session.scalar(query) or 0


def test_verifiers_are_upgraded_in_the_background_and_stop_is_prompt(
    services: Services,
) -> None:
    count = UPGRADE_BATCH + 3  # more than one batch: the worker must come back for the rest
    records = [patron(patron_id=f"p{n}", cpr=None, cards=[{"number": f"33000{n:05d}"}])
               for n in range(count)]
    with services.sessions.begin() as session:
        apply_records(session, records, services.hasher)
    assert _fast_verifiers(services) == count
    work = BackgroundWork(services.loaded, services)
    work.start()
    try:
        waiting = threading.Event()
        deadline = time.monotonic() + 30
        while _fast_verifiers(services) and time.monotonic() < deadline:
            waiting.wait(0.05)
        assert _fast_verifiers(services) == 0
    finally:
        work.stop()  # wakes the worker from its 15-minute wait; joins it
    assert not any(t.name == "kiosk-background" for t in threading.enumerate())

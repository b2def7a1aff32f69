"""The background worker of `kiosk run`: PIN verifiers upgraded in batches, prompt stop, the
purge held while the clock is untrusted and caught up when it is trusted again."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

from kioskkit import patron
from sqlalchemy import func, select

from kiosk.cache.models import Patron
from kiosk.cache.patrons import apply_records
from kiosk.health.clock_trust import ClockReading, ClockTrust
from kiosk.jobs.background import CLOCK, PURGE, BackgroundWork
from kiosk.privacy.verifiers import UPGRADE_BATCH
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
        apply_records(session, records, services.hasher, today=services.clock.now().date())
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
        work.stop()  # wakes every job from its wait; joins them
    assert not any(t.name.startswith("job:") for t in threading.enumerate())


def test_the_purge_waits_for_a_trusted_clock_and_catches_up_when_it_is(
    services: Services,
) -> None:
    t0 = services.clock.now()
    readings = iter([
        ClockReading(t0, 100.0, "boot"),  # the first look: trusted
        ClockReading(t0 + timedelta(seconds=5), 105.0, "boot"),  # the first purge's look
        ClockReading(t0 - timedelta(days=365), 110.0, "boot"),  # set back a year by hand
        ClockReading(t0 - timedelta(days=365), 115.0, "boot"),  # the purge looks: still wrong
        ClockReading(t0 + timedelta(seconds=30), 130.0, "boot"),  # NTP put it right
    ])
    last = [ClockReading(t0 + timedelta(seconds=40), 140.0, "boot")]

    def reading() -> ClockReading:
        last[0] = next(readings, last[0])
        return last[0]

    told: list[ClockTrust] = []
    work = BackgroundWork(services.loaded, services, retry_first_s=0.05,
                          on_clock=told.append, reading=reading)
    work.start()
    try:
        assert _wait(lambda: work.reports()[PURGE].last_success is not None)
        work.supervisor.run_now(CLOCK)
        assert _wait(lambda: work.clock_trust is not None and not work.clock_trust.trusted)
        assert not services.clock_trust.trusted  # the door's stale policy sees it at once
        work.supervisor.run_now(PURGE)
        assert _wait(lambda: work.reports()[PURGE].failures == 1)
        assert "clock not trusted" in (work.reports()[PURGE].last_error or "")
        work.supervisor.run_now(CLOCK)  # trusted again: the purge runs now, not tomorrow
        assert _wait(lambda: work.reports()[PURGE].failures == 0)
        assert work.reports()[PURGE].last_success is not None
        assert services.clock_trust.trusted
    finally:
        work.stop()
    assert [t.trusted for t in told] == [True, False, True]


def _wait(predicate, timeout: float = 20.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    tick = threading.Event()
    while not predicate():
        if time.monotonic() > deadline:
            return False
        tick.wait(0.02)
    return True

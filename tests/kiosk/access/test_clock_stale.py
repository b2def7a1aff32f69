"""An untrusted wall clock can neither date the cache nor say what the calendar's mode is now
(reliability.md #12: no calendar-based grants): it is the `clock` fault, and the door refuses
as `out_of_service` under every stale policy, with or without a central, until the clock is
trusted again (issue 12). The verdict comes from the clock job of `kiosk run`
(tests/kiosk/jobs/test_background.py) or, for a one-shot verb, from data_dir/clock.json."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from kioskkit import SELF_SERVICE_AT, patron, write_config

from drivers.cardparse import parse_card
from kiosk.access.rules import cache_stale
from kiosk.cache import queries
from kiosk.cache.patrons import apply_records
from kiosk.clock import FixedClock, SystemClock
from kiosk.config import load
from kiosk.config.models import CentralSection
from kiosk.health.clock_trust import BOOT_ID, FIRST, ClockMemory, ClockReading, ClockTrust
from kiosk.services import Services, build_services

UNTRUSTED = ClockTrust(False, None, reason="the clock stepped back 3 days while running")
HTTP = {"kind": "http", "url": "http://127.0.0.1:9/", "max_cache_age": "24h"}


@pytest.mark.parametrize(
    ("central", "stale"),
    [({**HTTP, "stale_policy": "deny_all"}, True),
     ({**HTTP, "stale_policy": "cached_only"}, False),
     ({"kind": "none", "stale_policy": "deny_all"}, False)],
    ids=["deny_all", "cached_only", "no-central"],
)
def test_an_untrusted_clock_makes_a_fresh_cache_stale_only_under_deny_all(
    central: dict[str, str], stale: bool
) -> None:
    section = CentralSection.model_validate(central)
    fresh = timedelta(minutes=5)
    assert cache_stale(section, fresh, clock_trusted=True) is False
    assert cache_stale(section, fresh, clock_trusted=False) is stale


def _services(tmp_path: Path, clock: FixedClock | SystemClock, policy: str) -> Services:
    overrides = ['central.kind="http"', 'central.url="http://127.0.0.1:9/"',
                 f'central.stale_policy="{policy}"', 'central.max_cache_age="24h"']
    if policy == "no-central":
        overrides = ['central.kind="none"']
    services = build_services(load(write_config(tmp_path), overrides), clock)
    with services.sessions.begin() as session:
        apply_records(session, [patron()], services.hasher, today=clock.now().date())
        queries.set_state(session, "last_sync_success", clock.now().isoformat())  # just synced
    return services


def _decide(services: Services) -> str:
    read = parse_card("3300001234", "test")
    decision = services.access.check_pin(read, "1234").decision
    assert decision is not None
    return str(decision.reason)


@pytest.mark.parametrize("policy", ["deny_all", "cached_only", "no-central"])
def test_an_untrusted_clock_stops_the_door_under_every_policy(
    tmp_path: Path, clock: FixedClock, policy: str
) -> None:
    """Before: under cached_only (and with no central) the calendar went on granting by a
    clock stepped a year: self-service hours on the wrong day, or in the night."""
    services = _services(tmp_path, clock, policy)
    try:
        assert _decide(services) == "ok"
        services.clock_trust.set(UNTRUSTED)  # what the clock job says after the step
        assert _decide(services) == "out_of_service"
        assert "stepped back 3 days" in services.faults.door_messages()["clock"]
        services.clock_trust.set(FIRST)  # NTP put it right
        assert _decide(services) == "ok"
        assert "clock" not in services.faults
    finally:
        services.close()


def test_a_one_shot_verb_takes_the_kept_verdict_on_the_machine_clock(tmp_path: Path) -> None:
    """data_dir/clock.json says this boot's clock read 2100 a second ago: the machine's clock
    now reads earlier, so it was set back. (The test itself reads no wall clock.)"""
    boot_id = BOOT_ID.read_text(encoding="ascii").strip()
    later = datetime(2100, 1, 1, tzinfo=UTC)
    anchor = ClockReading(later, time.clock_gettime(time.CLOCK_BOOTTIME) - 1.0, boot_id)
    ClockMemory(tmp_path / "data").save(ClockTrust(True, anchor))
    services = _services(tmp_path, SystemClock(), "deny_all")
    try:
        assert not services.clock_trust.trusted
        assert "back" in services.clock_trust.current.reason
    finally:
        services.close()


def test_a_clock_behind_the_last_sync_is_no_fresh_cache(tmp_path: Path) -> None:
    """Issue 12: with the clock at 1970 the cache's age was negative and counted as fresh. A
    clock a week behind the last sync (still in self-service hours, so the hour does not
    decide first) cannot date the cache either."""
    synced = FixedClock(SELF_SERVICE_AT)
    services = _services(tmp_path, synced, "deny_all")
    services.close()
    behind = FixedClock(SELF_SERVICE_AT - timedelta(days=7))
    overrides = ['central.kind="http"', 'central.url="http://127.0.0.1:9/"',
                 'central.stale_policy="deny_all"', 'central.max_cache_age="24h"']
    services = build_services(load(tmp_path / "config.toml", overrides), behind)
    try:
        assert _decide(services) == "cache_stale"
        section = services.loaded.config.central
        assert cache_stale(section, timedelta(days=-20_000))  # 1970 against a 2026 sync
    finally:
        services.close()

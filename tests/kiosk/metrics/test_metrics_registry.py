"""The metric names and labels the alert rules and the dashboard rely on, from a registry fed
by the kiosk's state (cache, jobs, clock trust, feed) and its door events."""

from __future__ import annotations

from datetime import timedelta

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.parser import text_string_to_metric_families

from kiosk.cache import queries
from kiosk.clock import FixedClock
from kiosk.config import LoadedConfig
from kiosk.metrics import DoorMetrics, KioskCollector, KioskSources
from kiosk.metrics.state import JobView
from kiosk.services import Services


def samples(registry: CollectorRegistry) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    text = generate_latest(registry).decode()
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def registry_for(services: Services, loaded: LoadedConfig, clock: FixedClock,
                 **extra: object) -> tuple[CollectorRegistry, DoorMetrics]:
    registry = CollectorRegistry()
    door = DoorMetrics(registry)
    sources = KioskSources(loaded, services.sessions, clock,
                           calendar=lambda: services.access.calendar, **extra)  # type: ignore[arg-type]
    registry.register(KioskCollector(sources))
    return registry, door


def test_door_events_are_counted_by_reason_mode_and_kind(
    services: Services, loaded: LoadedConfig, clock: FixedClock,
) -> None:
    registry, door = registry_for(services, loaded, clock)
    door.decision("ok", "self_service", True, 0.004)
    door.decision("wrong_pin", "self_service", False, 0.03)
    door.decision("wrong_pin", "self_service", False, None)
    door.pin_to_relay(0.025)
    door.alarm("forced_open")
    door.alarm("tailgating?")  # not a kind the rules know: ignored, not a new label
    got = samples(registry)
    key = (("granted", "false"), ("mode", "self_service"), ("reason", "wrong_pin"))
    assert got[("kiosk_decisions_total", key)] == 2
    assert got[("kiosk_decision_seconds_count", ())] == 2
    assert got[("kiosk_decision_seconds_bucket", (("le", "0.005"),))] == 1
    assert got[("kiosk_pin_to_relay_seconds_bucket", (("le", "0.025"),))] == 1
    assert got[("kiosk_door_alarms_total", (("kind", "forced_open"),))] == 1
    assert got[("kiosk_door_alarms_total", (("kind", "held_open"),))] == 0
    assert not any(name == "kiosk_door_alarms_total" and ("kind", "tailgating?") in labels
                   for name, labels in got)


def test_state_read_at_scrape_time(services: Services, loaded: LoadedConfig,
                                   clock: FixedClock) -> None:
    started = clock.now()
    registry, _ = registry_for(services, loaded, clock, clock_trusted=lambda: False,
                               jobs=lambda: [JobView("sync", started)])
    got = samples(registry)
    assert got[("kiosk_info", (("branch", "Solrød Bibliotek"), ("kiosk", loaded.kiosk_id),
                               ("version", got_version(got))))] == 1
    assert got[("kiosk_cache_age_seconds", ())] == float("inf")  # never synced
    assert got[("kiosk_cache_max_age_seconds", ())] == 24 * 3600
    assert got[("kiosk_clock_trusted", ())] == 0
    assert got[("kiosk_last_success_timestamp_seconds", (("job", "sync"),))] == \
        started.timestamp()
    assert got[("kiosk_purge_overdue", ())] == 0
    with services.sessions.begin() as session:
        queries.set_state(session, "last_sync_success", (started - timedelta(hours=2)).isoformat())
    clock.advance(timedelta(hours=27))  # no purge for 27 hours
    later = samples(registry)
    assert later[("kiosk_cache_age_seconds", ())] == 29 * 3600
    assert later[("kiosk_purge_overdue", ())] == 1


def got_version(got: dict[tuple[str, tuple[tuple[str, str], ...]], float]) -> str:
    (labels,) = [dict(k[1]) for k in got if k[0] == "kiosk_info"]
    return labels["version"]

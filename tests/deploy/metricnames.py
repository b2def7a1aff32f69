"""Every metric name the kiosk exports, from a registry with every source present, and the
metric names a PromQL expression uses (for the rules and dashboard checks)."""

from __future__ import annotations

import re

from drivers.relays import make_relay
from kiosk.calendar_feed.feed_status import FeedStatus
from kiosk.clock import FixedClock
from kiosk.config import LoadedConfig
from kiosk.metrics import KioskSources, ReaderBoard, kiosk_metrics
from kiosk.metrics.state import JobView
from kiosk.services import Services

SUFFIXES = {"counter": ("_total", "_created"), "histogram": ("_bucket", "_count", "_sum",
                                                              "_created"), "info": ("_info",)}
_METRIC = re.compile(r"\b(kiosk_[a-z0-9_]+|up)\b")


def exported_names(services: Services, loaded: LoadedConfig, clock: FixedClock) -> set[str]:
    relay = make_relay("null")
    sources = KioskSources(
        loaded, services.sessions, clock, calendar=lambda: services.access.calendar,
        relay=relay, readers=ReaderBoard(["door"]), jobs=lambda: [JobView("sync", clock.now())],
        clock_trusted=lambda: True, out_of_service=lambda: False,
        calendar_feed=lambda: FeedStatus("feed.ics", good_at=clock.now().isoformat()))
    registry, _door, _server = kiosk_metrics(sources)
    names = {"up"}  # Prometheus' own, per scrape target
    for family in registry.collect():
        names.add(family.name)
        names.update(family.name + suffix for suffix in SUFFIXES.get(family.type, ()))
    relay.close()
    return names


def used_names(expr: str) -> set[str]:
    """Metric names in a PromQL expression: the kiosk's (kiosk_*) and `up`; label names such
    as `kiosk` or `instance` never match (no `kiosk_` prefix)."""
    inside_braces = re.sub(r"\{[^}]*\}", "{}", expr)  # label matchers hold values, not names
    return set(_METRIC.findall(inside_braces))



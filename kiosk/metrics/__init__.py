"""Prometheus metrics and /healthz for a fleet of kiosks (prometheus-client). No Qt.

Most metrics are read from the kiosk's own state when Prometheus scrapes (`state.py`: cache,
outbox, relay, readers, calendar); only what happens in an instant is counted as it happens
(`events.py`: decisions, latencies, door alarms). No label or value names a person, a card or
a CPR: labels are reasons, modes, reader and job names, the version, branch and kiosk id.
"""

from prometheus_client import CollectorRegistry

from kiosk.metrics.events import DoorMetrics
from kiosk.metrics.readers import ReaderBoard
from kiosk.metrics.server import MetricsServer
from kiosk.metrics.state import KioskCollector, KioskSources, can_decide


def kiosk_metrics(sources: KioskSources) -> tuple[CollectorRegistry, DoorMetrics, MetricsServer]:
    """Everything `kiosk run` serves: a registry of its own (no process-global state), the door's
    counters, and the server on `[metrics] listen` (not started)."""
    registry = CollectorRegistry()
    door = DoorMetrics(registry)
    registry.register(KioskCollector(sources))
    server = MetricsServer(sources.loaded.config.metrics.listen, registry,
                           lambda: can_decide(sources))
    return registry, door, server


__all__ = ["DoorMetrics", "KioskCollector", "KioskSources", "MetricsServer", "ReaderBoard",
           "can_decide", "kiosk_metrics"]

"""Metrics read from the kiosk's state at scrape time: nothing on the door's path pays for them.

The cache (patrons, age, outbox, PIN verifiers, last purge, entries since the branch opened),
the relay and the readers as they last reported, the calendar's mode, the calendar feed, and,
where the kiosk provides them, its background jobs and whether it trusts its clock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from importlib import metadata
from pathlib import Path
from typing import Final, Protocol

from prometheus_client.core import GaugeMetricFamily, InfoMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from drivers.types import ReaderState
from kiosk.cache import queries
from kiosk.cache.models import EntryLog, OutboxItem
from kiosk.calendar_feed.feed_status import FeedStatus
from kiosk.clock import Clock
from kiosk.config import LoadedConfig
from kiosk.metrics.readers import ReaderBoard
from kiosk.privacy.verifiers import verifier_counts
from kiosk.schedule import Calendar, Mode

log = logging.getLogger(__name__)
LAST_SYNC_KEY: Final = "last_sync_success"
LAST_PURGE_KEY: Final = "last_purge_at"  # kiosk/privacy/retention.py
PURGE_OVERDUE_AFTER: Final = timedelta(hours=26)
"""The purge runs every 24 h; two hours of grace before it counts as overdue."""


class RelayState(Protocol):
    """What the metrics read of the door relay (drivers.relays.BaseRelay has it)."""

    @property
    def is_on(self) -> bool: ...

    @property
    def fault(self) -> str | None: ...


class BuildingReading(Protocol):
    """What the metrics read of the building (kiosk/building/shell.py has it)."""

    def occupancy(self) -> int: ...

    def output_states(self) -> Mapping[str, tuple[bool | None, bool]]:
        """Output name -> (on as the board took it, or None; faulted)."""
        ...


@dataclass(frozen=True, slots=True)
class JobView:
    """A background job as the metrics see it."""

    name: str
    last_success: datetime | None


@dataclass
class KioskSources:
    """Where the collector reads from; every callable is called at scrape time."""

    loaded: LoadedConfig
    sessions: sessionmaker[Session]
    clock: Clock
    calendar: Callable[[], Calendar]
    relay: RelayState | None = None
    readers: ReaderBoard | None = None
    jobs: Callable[[], Iterable[JobView]] | None = None
    clock_trusted: Callable[[], bool] | None = None
    out_of_service: Callable[[], bool] | None = None
    calendar_feed: Callable[[], FeedStatus | None] | None = None
    building: BuildingReading | None = None
    started_at: datetime | None = None
    version: str = field(default_factory=lambda: _version())


def _version() -> str:
    try:
        return metadata.version("library-kiosk")
    except metadata.PackageNotFoundError:
        return "unknown"


def can_decide(sources: KioskSources) -> tuple[bool, str]:
    """/healthz: the cache answers and nothing has taken the door out of service."""
    try:
        with sources.sessions() as session:
            session.execute(text("SELECT 1"))
    except SQLAlchemyError as err:
        return False, f"cache unreadable: {type(err).__name__}"
    if sources.out_of_service is not None and sources.out_of_service():
        return False, "out of service"
    return True, "ok"


class KioskCollector(Collector):
    def __init__(self, sources: KioskSources) -> None:
        self.sources = sources
        if sources.started_at is None:
            sources.started_at = sources.clock.now()

    def collect(self) -> Iterator[Metric]:
        s = self.sources
        now = s.clock.now()
        config = s.loaded.config
        info = InfoMetricFamily("kiosk", "Version, branch and id of this kiosk.",
                                labels=["version", "branch", "kiosk"])
        info.add_metric([s.version, config.kiosk.branch, s.loaded.kiosk_id], {})
        yield info
        yield from self._calendar(now)
        yield from self._hardware()
        yield from self._cache(now)
        ok, _why = can_decide(s)
        yield _gauge("kiosk_can_decide", "1 when the kiosk can decide at the door (/healthz).",
                     float(ok))
        if s.clock_trusted is not None:
            yield _gauge("kiosk_clock_trusted", "1 when the wall clock is trusted.",
                         float(s.clock_trusted()))

    def _calendar(self, now: datetime) -> Iterator[Metric]:
        mode = self.sources.calendar().mode_at(now)
        family = GaugeMetricFamily("kiosk_mode", "The calendar's mode now (1 for the current).",
                                   labels=["mode"])
        for m in Mode:
            family.add_metric([str(m)], float(m is mode))
        yield family

    def _hardware(self) -> Iterator[Metric]:
        relay = self.sources.relay
        if relay is not None:
            yield _gauge("kiosk_relay_on", "1 while the door relay is on (door unlocked).",
                         float(bool(relay.is_on)))
            yield _gauge("kiosk_relay_fault", "1 while the relay does not take commands.",
                         float(relay.fault is not None))
        yield from self._building()
        if self.sources.readers is not None:
            family = GaugeMetricFamily("kiosk_reader_connected",
                                       "1 while the card reader is connected.", labels=["reader"])
            for name, state in sorted(self.sources.readers.states().items()):
                family.add_metric([name], float(state is ReaderState.CONNECTED))
            yield family

    def _building(self) -> Iterator[Metric]:
        building = self.sources.building
        if building is None:
            return
        yield _gauge("kiosk_occupancy", "People inside by the estimate: entries minus exits "
                     "since the last reset (occupancy in config.toml).", building.occupancy())
        on = GaugeMetricFamily("kiosk_output_on", "1 while the output is on ([outputs]).",
                               labels=["output"])
        fault = GaugeMetricFamily("kiosk_output_fault", "1 while the output's relay does not "
                                  "take commands.", labels=["output"])
        for name, (is_on, faulted) in sorted(building.output_states().items()):
            on.add_metric([name], float(bool(is_on)))
            fault.add_metric([name], float(faulted))
        yield on
        yield fault

    def _cache(self, now: datetime) -> Iterator[Metric]:
        s = self.sources
        try:
            with s.sessions() as session:
                facts = _CacheFacts.read(session, now, s.calendar())
        except SQLAlchemyError as err:
            log.warning("metrics: cache unreadable: %s", type(err).__name__)
            yield _gauge("kiosk_cache_readable", "1 when the cache answered this scrape.", 0.0)
            return
        yield _gauge("kiosk_cache_readable", "1 when the cache answered this scrape.", 1.0)
        yield _gauge("kiosk_cache_patrons", "Patrons in the local cache.", facts.patrons)
        age = (now - facts.last_sync).total_seconds() if facts.last_sync else float("inf")
        yield _gauge("kiosk_cache_age_seconds",
                     "Seconds since the last successful sync (+Inf: never).", age)
        yield _gauge("kiosk_cache_max_age_seconds", "central.max_cache_age in seconds.",
                     s.loaded.config.central.max_cache_age.total_seconds())
        size = _database_bytes(s.loaded.database_url)
        if size is not None:
            yield _gauge("kiosk_cache_bytes", "Size of the SQLite cache file.", size)
        yield _gauge("kiosk_outbox_pending", "Events waiting to be sent to the central.",
                     facts.outbox_pending)
        yield _gauge("kiosk_outbox_parked", "Events the central refused: need a technician.",
                     facts.outbox_parked)
        verifiers = GaugeMetricFamily("kiosk_pin_verifiers",
                                      "Cached PIN verifiers by kind.", labels=["kind"])
        for kind in ("memory_hard", "fast"):
            verifiers.add_metric([kind], facts.verifiers.get(kind, 0))
        yield verifiers
        yield _gauge("kiosk_occupancy_entries", "Granted entries since the branch opened in "
                     "its current mode (entries are counted, exits are not).", facts.occupancy)
        yield from self._jobs(now, facts)

    def _jobs(self, now: datetime, facts: _CacheFacts) -> Iterator[Metric]:
        s = self.sources
        last: dict[str, datetime | None] = {
            "sync": facts.last_sync, "outbox": facts.last_outbox, "purge": facts.last_purge,
        }
        feed = s.calendar_feed() if s.calendar_feed is not None else None
        if feed is not None:
            good = feed.good_at
            last["calendar_feed"] = datetime.fromisoformat(good) if good else None
            yield _gauge("kiosk_calendar_feed_ok", "1 when the calendar feed's last fetch was "
                         "taken.", float(feed.ok))
        if s.jobs is not None:
            last.update({job.name: job.last_success for job in s.jobs()})
        family = GaugeMetricFamily("kiosk_last_success_timestamp_seconds",
                                   "When each background job last succeeded (Unix time).",
                                   labels=["job"])
        for name, at in sorted(last.items()):
            if at is not None:
                family.add_metric([name], at.timestamp())
        yield family
        since = facts.last_purge or s.started_at or now
        yield _gauge("kiosk_purge_overdue", "1 when the retention purge has not run for 26 h.",
                     float(now - since > PURGE_OVERDUE_AFTER))


@dataclass(frozen=True, slots=True)
class _CacheFacts:
    patrons: int
    last_sync: datetime | None
    last_outbox: datetime | None
    last_purge: datetime | None
    outbox_pending: int
    outbox_parked: int
    verifiers: dict[str, int]
    occupancy: int

    @classmethod
    def read(cls, session: Session, now: datetime, calendar: Calendar) -> _CacheFacts:
        verifiers = verifier_counts(session)  # O(1): grouping them took 4.7 s at 1 M patrons
        opened = _period_start(calendar, now)
        occupancy = session.scalar(select(func.count()).select_from(EntryLog).where(
            EntryLog.at >= opened, EntryLog.granted.is_(True))) or 0
        return cls(
            patrons=queries.patron_count(session),
            last_sync=_when(queries.get_state(session, LAST_SYNC_KEY)),
            last_outbox=session.scalar(select(func.max(OutboxItem.sent_at))),
            last_purge=_when(queries.get_state(session, LAST_PURGE_KEY)),
            outbox_pending=queries.outbox_pending(session),
            outbox_parked=len(queries.outbox_parked(session)),
            verifiers=verifiers,
            occupancy=int(occupancy),
        )


def _period_start(calendar: Calendar, now: datetime) -> datetime:
    local = now.astimezone(calendar.tz)
    for period in calendar.periods(local.date()):
        if period.start <= local < period.end:
            return period.start
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def _when(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def _database_bytes(url: str) -> float | None:
    if not url.startswith("sqlite:///"):
        return None
    path = Path(url.removeprefix("sqlite:///"))
    return float(path.stat().st_size) if path.exists() else None


def _gauge(name: str, documentation: str, value: float) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, documentation, value=value)

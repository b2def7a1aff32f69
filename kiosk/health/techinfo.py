"""What the technician screen shows, gathered from the cache, the calendar and the hardware.

No Qt and no words: codes and values (the mode, each day's rules, reader states, decisions by
reason code), which the screen puts into the kiosk's language. Entries carry a masked patron
number: never a CPR (the cache holds none) and never a full patron number on a screen a
passer-by can read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, tzinfo
from importlib import metadata
from pathlib import Path

from sqlalchemy.orm import Session

from drivers.cardparse import mask_card
from drivers.types import ReaderStatus
from kiosk.access.service import LAST_SYNC_KEY, AccessService
from kiosk.building.agenda import BuildingView
from kiosk.cache import queries
from kiosk.cache.models import EntryLog
from kiosk.clock import Clock
from kiosk.config.models import CalendarException, DayRules
from kiosk.health.upkeep import Upkeep
from kiosk.schedule import Mode

LAST_DECISIONS = 20


@dataclass(frozen=True, slots=True)
class RelayView:
    driver: str
    is_on: bool | None
    fault: str | None


@dataclass(frozen=True, slots=True)
class JobView:
    """One supervised background job as the technician sees it (kiosk/jobs/supervisor.py)."""

    name: str
    last_success: datetime | None
    last_error: str | None
    """One line; None after a success."""
    next_try: datetime | None
    failures: int = 0


@dataclass(frozen=True, slots=True)
class DayPlan:
    """One day of the calendar: its rules, and the name of a dated exception ("Juleaften")."""

    day: date
    rules: DayRules
    exception: str | None = None


@dataclass(frozen=True, slots=True)
class DecisionRow:
    """One entry-log row as the technician sees it (local time, masked patron)."""

    at: datetime
    granted: bool
    reason: str
    """The CONTRACT reason code (as `kiosk log` prints it)."""
    credential: str
    """"cpr", "card" or "unknown"."""
    patron: str | None
    """Masked patron number, or None when the card was not known."""
    technician: bool = False
    repeats: int = 1
    """Reads the row stands for (a coalesced burst of unreadable reads)."""


@dataclass(frozen=True, slots=True)
class TechnicianInfo:
    version: str
    branch: str
    mode: Mode
    week: list[DayPlan]
    patrons: int
    database: str
    cache_age: timedelta | None
    last_sync: str | None
    last_sync_error: str | None
    outbox: int
    readers: dict[str, ReaderStatus]
    relay: RelayView
    faults: dict[str, str]
    decisions: list[DecisionRow] = field(default_factory=list)
    upkeep: Upkeep | None = None
    """Clock trust, the last purge and whether it is overdue, the PIN verifiers."""
    jobs: list[JobView] = field(default_factory=list)
    """The running kiosk's background jobs; empty when none run (a demo, a test)."""
    building: BuildingView | None = None
    """Outputs, occupancy, door alarms and the next 24 hours (kiosk/building)."""


def version() -> str:
    try:
        return metadata.version("library-kiosk")
    except metadata.PackageNotFoundError:
        return "unknown (not installed)"


def gather(
    access: AccessService,
    clock: Clock,
    database_url: str,
    readers: Mapping[str, ReaderStatus],
    relay: RelayView,
    faults: Mapping[str, str],
    upkeep: Callable[[Session, datetime], Upkeep] | None = None,
    jobs: Sequence[JobView] = (),
    building: BuildingView | None = None,
) -> TechnicianInfo:
    """`upkeep(session, now)`: clock trust, the purge and the PIN verifiers (kiosk/health/
    upkeep.py), read in the same session as the rest."""
    now = clock.now()
    calendar = access.calendar
    today = now.astimezone(calendar.tz).date()
    days = [today + timedelta(days=d) for d in range(7)]
    week = [_plan(day, calendar.rules_for(day)) for day in days]
    with access.sessions() as session:
        age = access.cache_age(session, now)
        decisions = [_row(e, calendar.tz) for e in queries.last_entries(session, LAST_DECISIONS)]
        return TechnicianInfo(
            version=version(),
            branch=access.config.kiosk.branch,
            mode=access.mode_at(now),
            week=week,
            patrons=queries.patron_count(session),
            database=_database(database_url),
            cache_age=age,
            last_sync=queries.get_state(session, LAST_SYNC_KEY),
            last_sync_error=queries.get_state(session, "last_sync_error"),
            outbox=queries.outbox_pending(session),
            readers=dict(readers),
            relay=relay,
            faults=dict(faults),
            decisions=decisions,
            upkeep=_local_upkeep(upkeep(session, now), calendar.tz) if upkeep else None,
            jobs=[_local_job(job, calendar.tz) for job in jobs],
            building=building,
        )


def _database(url: str) -> str:
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        size = path.stat().st_size if path.exists() else 0
        return f"SQLite {size / 1_000_000:.1f} MB"
    return url.split("://", 1)[0]


def _local(at: datetime | None, tz: tzinfo) -> datetime | None:
    return at.astimezone(tz) if at is not None else None


def _local_job(job: JobView, tz: tzinfo) -> JobView:
    return replace(job, last_success=_local(job.last_success, tz),
                   next_try=_local(job.next_try, tz))


def _local_upkeep(upkeep: Upkeep, tz: tzinfo) -> Upkeep:
    return replace(upkeep, last_purge=_local(upkeep.last_purge, tz))


def _row(entry: EntryLog, tz: tzinfo) -> DecisionRow:
    who = mask_card(entry.patron_id) if entry.patron_id else None
    return DecisionRow(entry.at.astimezone(tz), entry.granted, entry.reason,
                       entry.credential_kind, who, entry.technician, entry.repeats)


def _plan(day: date, rules: DayRules) -> DayPlan:
    exception = rules.name if isinstance(rules, CalendarException) else None
    return DayPlan(day, rules, exception)

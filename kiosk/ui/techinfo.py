"""What the technician screen shows, gathered from the cache, the calendar and the hardware.

No Qt. Entries are shown by reason, mode and a masked patron number: never a CPR (the cache
holds none) and never a full patron number on a screen a passer-by can read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from importlib import metadata
from pathlib import Path

from drivers.masking import mask_card
from drivers.types import ReaderStatus
from kiosk.access import LAST_SYNC_KEY, AccessService
from kiosk.cache import queries
from kiosk.cache.models import EntryLog
from kiosk.clock import Clock

LAST_DECISIONS = 20


@dataclass(frozen=True, slots=True)
class RelayView:
    driver: str
    is_on: bool | None
    fault: str | None


@dataclass(frozen=True, slots=True)
class TechnicianInfo:
    version: str
    branch: str
    mode: str
    week: list[str]
    patrons: int
    database: str
    cache_age: timedelta | None
    last_sync: str | None
    last_sync_error: str | None
    outbox: int
    readers: dict[str, str]
    relay: RelayView
    faults: dict[str, str]
    decisions: list[str] = field(default_factory=list)


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
) -> TechnicianInfo:
    now = clock.now()
    calendar = access.calendar
    today = now.astimezone(calendar.tz).date()
    days = [today + timedelta(days=d) for d in range(7)]
    week = [f"{day:%a %d.%m}: {calendar.describe_day(day)}" for day in days]
    with access.sessions() as session:
        age = access.cache_age(session, now)
        decisions = [_line(e, calendar.tz) for e in queries.last_entries(session, LAST_DECISIONS)]
        return TechnicianInfo(
            version=version(),
            branch=access.config.kiosk.branch,
            mode=str(access.mode_at(now)),
            week=week,
            patrons=queries.patron_count(session),
            database=_database(database_url),
            cache_age=age,
            last_sync=queries.get_state(session, LAST_SYNC_KEY),
            last_sync_error=queries.get_state(session, "last_sync_error"),
            outbox=queries.outbox_pending(session),
            readers={name: _reader(s) for name, s in readers.items()},
            relay=relay,
            faults=dict(faults),
            decisions=decisions,
        )


def _reader(status: ReaderStatus) -> str:
    return f"{status.state}" + (f" ({status.detail})" if status.detail else "")


def _database(url: str) -> str:
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        size = path.stat().st_size if path.exists() else 0
        return f"SQLite {size / 1_000_000:.1f} MB"
    return url.split("://", 1)[0]


def _line(entry: EntryLog, tz: object) -> str:
    at: datetime = entry.at.astimezone(tz)  # type: ignore[arg-type]
    who = mask_card(entry.patron_id) if entry.patron_id else "-"
    verdict = "granted" if entry.granted else "denied "
    tech = " (technician)" if entry.technician else ""
    kind = entry.credential_kind
    return f"{at:%d.%m %H:%M:%S}  {verdict}  {entry.reason:<16} {kind:<7} {who}{tech}"

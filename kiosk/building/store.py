"""The building's memory in the cache: building events, announcements done once, the occupancy
estimate rebuilt after a restart, open incidents. Each function takes a Session; the caller
frames the transaction (STYLE.md §7). No person in any row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from kiosk.cache import queries
from kiosk.cache.models import BuildingEvent

STAT_KIND: Final = "door"
"""stat_counts.kind of the building's counts (per day): `kiosk stats` prints them."""
COUNTED: Final = frozenset({"exit", "forced_open", "held_open", "fire_alarm",
                            "tailgating_suspected"})
"""Kinds that are also counted in the statistics (entries are counted from the entry log)."""
INCIDENTS: Final = frozenset({"fire_alarm", "forced_open", "held_open"})
ANNOUNCEMENT: Final = "announcement"


def record(session: Session, at: datetime, kind: str, detail: str = "",
           key: str | None = None, count: int = 1) -> None:
    """One building event; counted kinds also go to the statistics (`count` of them)."""
    session.add(BuildingEvent(at=at, kind=kind, detail=detail, key=key))
    if kind in COUNTED:
        queries.bump_stat(session, at, STAT_KIND, kind, by=count)


def end_incident(session: Session, kind: str, at: datetime) -> int:
    """Close every open incident of `kind` at `at`; returns how many were open."""
    result = session.execute(
        update(BuildingEvent)
        .where(BuildingEvent.kind == kind, BuildingEvent.ended_at.is_(None))
        .values(ended_at=at)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def open_incidents(session: Session) -> set[str]:
    """Incident kinds still open (the kiosk stopped while they lasted)."""
    rows = session.scalars(select(BuildingEvent.kind).where(
        BuildingEvent.kind.in_(INCIDENTS), BuildingEvent.ended_at.is_(None)).distinct())
    return set(rows)


def is_done(session: Session, key: str) -> bool:
    return session.scalar(select(func.count()).select_from(BuildingEvent).where(
        BuildingEvent.key == key)) == 1


def done_since(session: Session, since: datetime) -> dict[str, datetime]:
    """Announcement keys made since `since`, with when they were made."""
    rows = session.execute(select(BuildingEvent.key, BuildingEvent.at).where(
        BuildingEvent.kind == ANNOUNCEMENT, BuildingEvent.at >= since,
        BuildingEvent.key.is_not(None)))
    return {str(key): at for key, at in rows}


def occupancy_since(session: Session, since: datetime | None) -> int:
    """Entries minus exits after `since`, replayed in order and never below 0 (as counted)."""
    query = select(BuildingEvent.kind).where(BuildingEvent.kind.in_(("entry", "exit")))
    if since is not None:
        query = query.where(BuildingEvent.at > since)
    count = 0
    for kind in session.scalars(query.order_by(BuildingEvent.at, BuildingEvent.id)):
        count = count + 1 if kind == "entry" else max(count - 1, 0)
    return count


@dataclass(frozen=True, slots=True)
class EventRow:
    at: datetime
    kind: str
    detail: str
    ended_at: datetime | None


def recent(session: Session, limit: int = 20,
           kinds: Sequence[str] | None = None) -> list[EventRow]:
    query = select(BuildingEvent).order_by(BuildingEvent.id.desc()).limit(limit)
    if kinds is not None:
        query = query.where(BuildingEvent.kind.in_(kinds))
    return [EventRow(r.at, r.kind, r.detail, r.ended_at) for r in session.scalars(query)]

"""Queries over the cache. Each takes a Session; the caller frames the transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from kiosk.cache.models import (
    AuditEntry,
    Credential,
    EntryLog,
    Lockout,
    OutboxItem,
    Patron,
    StatCount,
    SyncState,
)
from kiosk.lockout import LockoutState


def find_by_credential(session: Session, credential_id: bytes) -> tuple[Credential, Patron] | None:
    row = session.execute(
        select(Credential, Patron)
        .join(Patron, Patron.patron_id == Credential.patron_id)
        .where(Credential.id == credential_id)
    ).first()
    return (row[0], row[1]) if row is not None else None


def lockout_state(session: Session, credential_id: bytes) -> LockoutState:
    row = session.get(Lockout, credential_id)
    return LockoutState(row.failures, row.locked_until) if row is not None else LockoutState()


def save_lockout(
    session: Session, credential_id: bytes, state: LockoutState, now: datetime
) -> None:
    row = session.get(Lockout, credential_id)
    if state.failures == 0 and state.locked_until is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        row = Lockout(credential_id=credential_id, updated_at=now)
        session.add(row)
    row.failures = state.failures
    row.locked_until = state.locked_until
    row.updated_at = now


def add_entry(session: Session, entry: EntryLog) -> None:
    session.add(entry)


def entries_since(session: Session, since: datetime, limit: int = 10_000) -> Sequence[EntryLog]:
    return session.scalars(
        select(EntryLog).where(EntryLog.at >= since).order_by(EntryLog.at, EntryLog.id).limit(limit)
    ).all()


def last_entries(session: Session, count: int) -> Sequence[EntryLog]:
    return session.scalars(select(EntryLog).order_by(EntryLog.id.desc()).limit(count)).all()


def count_entries_before(session: Session, cutoff: datetime) -> int:
    return session.scalar(select(func.count()).where(EntryLog.at < cutoff)) or 0


def delete_entries_before(session: Session, cutoff: datetime) -> int:
    result = session.execute(delete(EntryLog).where(EntryLog.at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)


def get_state(session: Session, key: str) -> str | None:
    row = session.get(SyncState, key)
    return row.value if row is not None else None


def set_state(session: Session, key: str, value: str) -> None:
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


def patron_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Patron)) or 0


def outbox_pending(session: Session) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(OutboxItem)
            .where(OutboxItem.sent_at.is_(None), OutboxItem.parked_error.is_(None))
        )
        or 0
    )


def outbox_parked(session: Session) -> Sequence[OutboxItem]:
    return session.scalars(
        select(OutboxItem).where(OutboxItem.parked_error.is_not(None)).order_by(OutboxItem.id)
    ).all()


PIN_FAILURES = ("wrong_pin", "pin_locked")


def pin_failures_since(session: Session, since: datetime) -> tuple[int, datetime | None]:
    """Wrong PINs at this kiosk since `since`, and the time of the latest."""
    row = session.execute(
        select(func.count(), func.max(EntryLog.at))
        .where(EntryLog.at >= since)
        .where(EntryLog.reason.in_(PIN_FAILURES))
    ).one()
    return int(row[0]), row[1]


def bump_stat(session: Session, at: datetime, kind: str, reason: str = "") -> None:
    """Count one event in its hour (entries) or day (circulation): no person is stored."""
    utc = at.astimezone(UTC)
    bucket = utc.replace(minute=0, second=0, microsecond=0)
    if kind != "entry":
        bucket = bucket.replace(hour=0)
    row = session.get(StatCount, (bucket, kind, reason))
    if row is None:
        session.add(StatCount(bucket=bucket, kind=kind, reason=reason, count=1))
    else:
        row.count += 1


def stats_between(session: Session, start: datetime, end: datetime) -> Sequence[StatCount]:
    return session.scalars(
        select(StatCount)
        .where(StatCount.bucket >= start, StatCount.bucket < end)
        .order_by(StatCount.bucket, StatCount.kind, StatCount.reason)
    ).all()


def add_audit(session: Session, at: datetime, action: str, actor: str, detail: str = "") -> None:
    session.add(AuditEntry(at=at, action=action, actor=actor, detail=detail))


def audit_since(session: Session, since: datetime) -> Sequence[AuditEntry]:
    return session.scalars(
        select(AuditEntry).where(AuditEntry.at >= since).order_by(AuditEntry.at, AuditEntry.id)
    ).all()

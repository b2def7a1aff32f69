"""Retention: the library's privacy policy as declared rules, applied idempotently and clock-safely.

Each row of DESIGN.md's privacy table is one `Rule` below (table, date column, period from
config, delete or anonymise), so a new rule is one entry. The purge is skipped while the clock
is not trusted (kiosk/health/clock_trust.py: a clock set to 2030 by mistake must not wipe this
month's log) and when `now` is before the last purge. A long gap since the last purge (the
kiosk was off over a long weekend) is no reason to skip: the purge catches up. After a real
purge the WAL is checkpointed and truncated; with `secure_delete` the deleted bytes are gone
from every file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement, Engine, delete, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from kiosk.cache import queries
from kiosk.cache.db import checkpoint
from kiosk.cache.models import (
    AuditEntry,
    BuildingEvent,
    Debt,
    EntryLog,
    Loan,
    Lockout,
    Message,
    OutboxItem,
    Patron,
    Reservation,
)
from kiosk.cache.patrons import erase_patron_traces
from kiosk.config.models import RetentionSection
from kiosk.privacy.minimise import adult_born_before

log = logging.getLogger(__name__)
LAST_PURGE_KEY = "last_purge_at"
UNCLEAN = ("the purged rows may still be in kiosk.db and kiosk.db-wal: another connection "
           "holds a read transaction, so the WAL could not be checkpointed; run the purge "
           "again when it has ended")


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    table: Any
    column: str
    """The date the period counts from."""
    period: Callable[[RetentionSection], timedelta]
    action: Literal["delete", "anonymise"]
    where: Callable[[], ColumnElement[bool]] | None = None
    clear: tuple[str, ...] = ()
    """Columns set to NULL when anonymising; the rest (dates, reason codes) stay."""
    by_date: bool = False
    """The column is a DATE, not a timestamp: compare with the cutoff's local date."""
    before_delete: Callable[[Session, Sequence[Any]], None] | None = None
    """Also called with the primary keys about to go (erasure of linked traces)."""
    cutoff_of: Callable[[datetime], datetime] | None = None
    """The cutoff from `now` when it is not `now - period` (a birthday)."""


def _days(attr: str) -> Callable[[RetentionSection], timedelta]:
    return lambda policy: timedelta(days=getattr(policy, attr))


def _erase_patrons(session: Session, patron_ids: Sequence[Any]) -> None:
    erase_patron_traces(session, [str(p) for p in patron_ids])


def _at_once(_policy: RetentionSection) -> timedelta:
    return timedelta(0)


def _adult_cutoff(now: datetime) -> datetime:
    """Born before the returned day, a patron is an adult on `now`'s local date."""
    day = adult_born_before(now.date()) + timedelta(days=1)
    return datetime.combine(day, time(0), tzinfo=now.tzinfo)


RULES: tuple[Rule, ...] = (
    Rule("entry_log", EntryLog, "at", _days("entry_log_days"), "delete"),
    Rule("loan_history", Loan, "returned_at", _days("loan_history_days"), "anonymise",
         where=lambda: Loan.patron_id.is_not(None), clear=("patron_id",)),
    # A loan returned elsewhere never gets returned_at here: its copy for the account screen
    # loses the person the same period after its due date.
    Rule("loans_not_returned", Loan, "due_at", _days("loan_history_days"), "anonymise",
         where=lambda: Loan.patron_id.is_not(None) & Loan.returned_at.is_(None),
         clear=("patron_id",)),
    Rule("reservation_history", Reservation, "closed_at", lambda _p: timedelta(0), "delete",
         where=lambda: Reservation.state.in_(("fulfilled", "cancelled"))),
    Rule("debts", Debt, "settled_at", _days("debt_days"), "delete"),
    Rule("message_content", Message, "sent_at", _days("message_content_days"), "anonymise",
         where=lambda: Message.content.is_not(None), clear=("content",)),
    Rule("inactive_patrons", Patron, "last_activity", _days("inactive_patron_days"), "delete",
         by_date=True, before_delete=_erase_patrons),
    # SIP2: the kiosk learned them from a live answer; last_activity is their last visit.
    Rule("learned_patrons", Patron, "last_activity", _days("learned_patron_days"), "delete",
         where=lambda: Patron.learned.is_(True), by_date=True, before_delete=_erase_patrons),
    # Data minimisation: the age rule needs a birth date only until ADULT_AGE.
    Rule("birth_dates_of_adults", Patron, "birth_date", _at_once, "anonymise",
         clear=("birth_date",), by_date=True, cutoff_of=_adult_cutoff),
    Rule("audit_log", AuditEntry, "at", _days("audit_days"), "delete"),
    # Wrong PINs count for access.lockout_minutes after the last one; the row says until when.
    Rule("lockouts", Lockout, "expires_at", _at_once, "delete"),
    # Delivered: nothing left to do with it. Not delivered within the period (parked as
    # refused, or the central never reachable): the policy's period ends it too.
    Rule("outbox_delivered", OutboxItem, "sent_at", _at_once, "delete"),
    Rule("outbox_not_delivered", OutboxItem, "created_at", _days("outbox_days"), "delete",
         where=lambda: OutboxItem.sent_at.is_(None)),
    # No person in a building event, but its second could be matched with the entry log's:
    # it goes when the entry log does (its counts stay in stat_counts).
    Rule("building_events", BuildingEvent, "at", _days("entry_log_days"), "delete"),
)


@dataclass(frozen=True, slots=True)
class RuleResult:
    rule: str
    table: str
    action: str
    cutoff: datetime
    rows: int


@dataclass(frozen=True, slots=True)
class PurgeReport:
    results: tuple[RuleResult, ...]
    dry_run: bool
    skipped: str | None = None
    """Why nothing was purged (the clock), or None."""
    unclean: str | None = None
    """The rows went, but their bytes may still be in the files (a busy checkpoint), or None."""


def clock_problem(last: datetime | None, now: datetime, untrusted: str | None) -> str | None:
    """Why `now` must not decide what is deleted, or None."""
    if untrusted is not None:
        return f"clock not trusted: {untrusted}"
    if last is not None and now < last:
        return f"clock moved back from {last.isoformat()} to {now.isoformat()}"
    return None


def last_purge(session: Session) -> datetime | None:
    text = queries.get_state(session, LAST_PURGE_KEY)
    return datetime.fromisoformat(text) if text else None


def _condition(rule: Rule, cutoff: datetime) -> ColumnElement[bool]:
    column = getattr(rule.table, rule.column)
    limit: datetime | date = cutoff.date() if rule.by_date else cutoff
    condition: ColumnElement[bool] = column.is_not(None) & (column < limit)
    if rule.where is not None:
        condition = condition & rule.where()
    return condition


def _apply(session: Session, rule: Rule, cutoff: datetime, dry_run: bool) -> int:
    condition = _condition(rule, cutoff)
    count = session.scalar(select(func.count()).select_from(rule.table).where(condition)) or 0
    if dry_run or count == 0:
        return count
    if rule.action == "anonymise":
        session.execute(update(rule.table).where(condition).values(dict.fromkeys(rule.clear)))
        return count
    if rule.before_delete is not None:
        key = rule.table.__mapper__.primary_key[0]
        rule.before_delete(session, session.scalars(select(key).where(condition)).all())
    session.execute(delete(rule.table).where(condition))
    return count


def purge(
    engine: Engine,
    sessions: sessionmaker[Session],
    policy: RetentionSection,
    now: datetime,
    dry_run: bool = False,
    force: bool = False,
    untrusted: str | None = None,
) -> PurgeReport:
    """Apply every rule at `now`. `untrusted`: why the clock is not believed now (None when it
    is, or when `now` was given by a person). `force` purges anyway (a technician's call)."""
    results: list[RuleResult] = []
    with sessions.begin() as session:
        problem = None if force else clock_problem(last_purge(session), now, untrusted)
        if problem is not None:
            log.warning("purge skipped: %s", problem)
            return PurgeReport((), dry_run, skipped=problem)
        for rule in RULES:
            cutoff = rule.cutoff_of(now) if rule.cutoff_of else now - rule.period(policy)
            rows = _apply(session, rule, cutoff, dry_run)
            table = rule.table.__tablename__
            results.append(RuleResult(rule.name, table, rule.action, cutoff, rows))
        if not dry_run:
            queries.set_state(session, LAST_PURGE_KEY, now.isoformat())
    if dry_run:
        return PurgeReport(tuple(results), dry_run)
    log.info("purge: %s", ", ".join(f"{r.rule}={r.rows}" for r in results))
    if not checkpoint(engine):
        log.warning("purge: %s", UNCLEAN)
        return PurgeReport(tuple(results), dry_run, unclean=UNCLEAN)
    return PurgeReport(tuple(results), dry_run)

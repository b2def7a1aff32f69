"""Retention: the library's privacy policy as declared rules, applied idempotently and clock-safely.

Each row of DESIGN.md's privacy table is one `Rule` below (table, date column, period from
config, delete or anonymise), so a new rule is one entry. A wall clock that moved backwards,
or forwards by more than `retention.max_clock_jump` since the last purge, skips the purge: a
clock set to 2030 by mistake must not wipe this month's log. After a real purge the WAL is
checkpointed and truncated; with `secure_delete` the deleted bytes are gone from every file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement, Engine, delete, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from kiosk.cache import queries
from kiosk.cache.db import checkpoint
from kiosk.cache.models import (
    AuditEntry,
    Debt,
    EntryLog,
    Loan,
    Message,
    Patron,
    Reservation,
)
from kiosk.cache.patrons import erase_patron_traces
from kiosk.config.models import RetentionSection

log = logging.getLogger(__name__)
LAST_PURGE_KEY = "last_purge_at"


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


def _days(attr: str) -> Callable[[RetentionSection], timedelta]:
    return lambda policy: timedelta(days=getattr(policy, attr))


def _erase_patrons(session: Session, patron_ids: Sequence[Any]) -> None:
    erase_patron_traces(session, [str(p) for p in patron_ids])


RULES: tuple[Rule, ...] = (
    Rule("entry_log", EntryLog, "at", _days("entry_log_days"), "delete"),
    Rule("loan_history", Loan, "returned_at", _days("loan_history_days"), "anonymise",
         where=lambda: Loan.patron_id.is_not(None), clear=("patron_id",)),
    Rule("reservation_history", Reservation, "closed_at", lambda _p: timedelta(0), "delete",
         where=lambda: Reservation.state.in_(("fulfilled", "cancelled"))),
    Rule("debts", Debt, "settled_at", _days("debt_days"), "delete"),
    Rule("message_content", Message, "sent_at", _days("message_content_days"), "anonymise",
         where=lambda: Message.content.is_not(None), clear=("content",)),
    Rule("inactive_patrons", Patron, "last_activity", _days("inactive_patron_days"), "delete",
         by_date=True, before_delete=_erase_patrons),
    Rule("audit_log", AuditEntry, "at", _days("audit_days"), "delete"),
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
    """Why nothing was purged (clock jump), or None."""


def clock_problem(last: datetime | None, now: datetime, max_jump: timedelta) -> str | None:
    if last is None:
        return None
    if now < last:
        return f"clock moved back from {last.isoformat()} to {now.isoformat()}"
    if now - last > max_jump:
        return f"clock jumped {now - last} since the last purge (more than {max_jump})"
    return None


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
) -> PurgeReport:
    """Apply every rule at `now`. `force` accepts a clock jump (a technician's explicit call)."""
    results: list[RuleResult] = []
    with sessions.begin() as session:
        last_text = queries.get_state(session, LAST_PURGE_KEY)
        last = datetime.fromisoformat(last_text) if last_text else None
        problem = None if force else clock_problem(last, now, policy.max_clock_jump)
        if problem is not None:
            log.warning("purge skipped: %s", problem)
            return PurgeReport((), dry_run, skipped=problem)
        for rule in RULES:
            cutoff = now - rule.period(policy)
            rows = _apply(session, rule, cutoff, dry_run)
            table = rule.table.__tablename__
            results.append(RuleResult(rule.name, table, rule.action, cutoff, rows))
        if not dry_run:
            queries.set_state(session, LAST_PURGE_KEY, now.isoformat())
    if not dry_run:
        checkpoint(engine)
        log.info("purge: %s", ", ".join(f"{r.rule}={r.rows}" for r in results))
    return PurgeReport(tuple(results), dry_run)

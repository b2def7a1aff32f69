"""Issue 13: every kind of row the kiosk writes is purged by a rule, each with its boundary:
kept just before, gone (or anonymised) just after, idempotent; the 30-day rules at day 29 and
day 31. Tables without persons in them are listed here with the reason they may stay."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from kioskkit import CONTRACT_PATRON, SELF_SERVICE_AT, KioskCli, patron, write_config
from sqlalchemy import func, select

from kiosk.cache.models import (
    AuditEntry,
    Base,
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
from kiosk.cache.patrons import apply_records
from kiosk.clock import FixedClock
from kiosk.config import load
from kiosk.privacy.retention import RULES, purge
from kiosk.services import Services, build_services

NOW = SELF_SERVICE_AT
PID = CONTRACT_PATRON["patron_id"]
DAY = timedelta(days=1)
MINUTE = timedelta(minutes=1)


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    built = build_services(load(write_config(tmp_path)), FixedClock(NOW))
    with built.sessions.begin() as session:
        apply_records(session, [patron()], built.hasher, today=built.clock.now().date())
    yield built
    built.close()


@dataclass(frozen=True)
class Case:
    row: Callable[[datetime], Any]
    """A row whose rule's date is the given time."""
    kept: timedelta
    gone: timedelta
    """Purge at date + kept: still there; at date + gone: deleted or anonymised."""
    left: Callable[[Services], int]
    """How many rows the rule has not acted on yet."""


def _count(model: Any, *where: Any) -> Callable[[Services], int]:
    def count(s: Services) -> int:
        with s.sessions() as session:
            return session.scalar(select(func.count()).select_from(model).where(*where)) or 0
    return count


def _outbox(at: datetime, **fields: Any) -> OutboxItem:
    values = {"idempotency_key": f"k-{at.isoformat()}-{sorted(fields)}", "kind": "entry",
              "payload": "{}", "created_at": at, "attempts": 1, **fields}
    return OutboxItem(**values)


CASES: dict[str, Case] = {
    "entry_log": Case(
        lambda at: EntryLog(at=at, mode="self_service", reason="ok", granted=True,
                            credential_kind="cpr", patron_id=PID),
        29 * DAY, 31 * DAY, _count(EntryLog)),
    "loan_history": Case(
        lambda at: Loan(patron_id=PID, item_id="i1", returned_at=at),
        29 * DAY, 31 * DAY, _count(Loan, Loan.patron_id.is_not(None))),
    "loans_not_returned": Case(
        lambda at: Loan(patron_id=PID, item_id="i2", loaned_at=at - 28 * DAY, due_at=at),
        29 * DAY, 31 * DAY, _count(Loan, Loan.patron_id.is_not(None))),
    "reservation_history": Case(
        lambda at: Reservation(patron_id=PID, title="Bog", state="fulfilled", closed_at=at),
        -MINUTE, MINUTE, _count(Reservation)),
    "debts": Case(
        lambda at: Debt(patron_id=PID, amount_ore=2500, settled_at=at),
        29 * DAY, 31 * DAY, _count(Debt)),
    "message_content": Case(
        lambda at: Message(patron_id=PID, channel="sms", sent_at=at, content="Din bog er klar"),
        29 * DAY, 31 * DAY, _count(Message, Message.content.is_not(None))),
    "audit_log": Case(
        lambda at: AuditEntry(at=at, action="purge", actor="cli:test"),
        364 * DAY, 366 * DAY, _count(AuditEntry)),
    "lockouts": Case(
        lambda at: Lockout(subject=f"patron:{PID}", failures=2, updated_at=at - 30 * MINUTE,
                           expires_at=at),
        -MINUTE, MINUTE, _count(Lockout)),
    "outbox_delivered": Case(
        lambda at: _outbox(at - MINUTE, sent_at=at), -MINUTE, MINUTE, _count(OutboxItem)),
    "learned_patrons": Case(
        lambda at: Patron(patron_id="sip2-0123456789abcdef", learned=True, opt_in=True,
                          last_activity=at.date()),
        29 * DAY, 31 * DAY, _count(Patron, Patron.learned.is_(True))),
    "birth_dates_of_adults": Case(
        lambda at: Patron(patron_id="p-minor", birth_date=at.date().replace(year=at.year - 18)),
        -DAY, DAY, _count(Patron, Patron.birth_date.is_not(None))),
    "building_events": Case(
        lambda at: BuildingEvent(at=at, kind="exit", detail="exit_button"),
        29 * DAY, 31 * DAY, _count(BuildingEvent)),
    "outbox_not_delivered": Case(
        lambda at: _outbox(at, parked_error="refused by the library system"),
        29 * DAY, 31 * DAY, _count(OutboxItem)),
}


def _purge(s: Services, now: datetime, dry_run: bool = False) -> dict[str, int]:
    report = purge(s.engine, s.sessions, s.loaded.config.retention, now, dry_run, force=True)
    return {r.rule: r.rows for r in report.results}


@pytest.mark.parametrize("rule", CASES, ids=CASES.keys())
def test_each_rule_keeps_before_and_acts_after(svc: Services, rule: str) -> None:
    case = CASES[rule]
    at = NOW - timedelta(days=400)
    with svc.sessions.begin() as session:
        session.add(case.row(at))
    assert _purge(svc, at + case.kept, dry_run=True)[rule] == 0
    assert _purge(svc, at + case.kept)[rule] == 0
    assert case.left(svc) == 1
    assert _purge(svc, at + case.gone, dry_run=True)[rule] == 1
    assert case.left(svc) == 1  # a dry run only says
    assert _purge(svc, at + case.gone)[rule] == 1
    assert case.left(svc) == 0
    assert _purge(svc, at + case.gone + MINUTE)[rule] == 0  # idempotent


def test_every_rule_has_a_boundary_test() -> None:
    assert {r.name for r in RULES} - set(CASES) <= NOT_HERE


NOT_HERE = {"inactive_patrons"}
"""Tested in tests/kiosk/privacy/test_privacy.py (3 years, with erasure of linked rows)."""

WITHOUT_PERSONS = {
    "sync_state": "cursor, last sync and purge times, the key's fingerprint: no person",
    "stat_counts": "counts per hour and reason: no person (national statistics)",
    "staging.staging_patrons": "a file of its own (kiosk/cache/staging.py), deleted when the "
                               "full sync that made it ends; a killed one's by the next",
    "staging.staging_credentials": "as staging.staging_patrons",
    "credentials": "keyed hashes of a patron's cards: go with the patron",
    "patrons": "inactive_patrons (and the central's deletions)",
    "alembic_version": "the schema's version",
}


def test_every_table_is_purged_by_a_rule_or_holds_no_person() -> None:
    ruled = {r.table.__tablename__ for r in RULES}
    tables = set(Base.metadata.tables) | {"alembic_version"}
    assert tables - ruled - set(WITHOUT_PERSONS) == set()


def test_dry_run_lists_every_rule(kiosk: KioskCli) -> None:
    out = kiosk("purge", "--dry-run", "--now", NOW.isoformat()).out
    names = {line.split(":")[0] for line in out.splitlines()}
    assert names == {r.name for r in RULES}

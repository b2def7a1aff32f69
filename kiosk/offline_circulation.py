"""Circulation while the library system is away: login from the cache, queued loans and returns.

`central.offline_circulation` decides what works: "off", "checkin_only" or
"checkin_and_checkout". A loan needs a patron verified offline (PIN against the learned cache,
rules applied, verification young enough). Loans and returns go to the outbox with idempotency
keys, in the same transaction as the local loan row; `replay_offline` sends them with SIP2's
no-block flag and the offline due date, each exactly once, and parks refusals with their reason
(`kiosk status` lists them). No Qt.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Final

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from drivers.types import CardRead
from kiosk.cache import queries
from kiosk.cache.models import Debt, Loan, OutboxItem, Reservation
from kiosk.circulation_types import (
    Account,
    DebtLine,
    ItemLine,
    LoanLine,
    LoginResult,
    PatronSession,
    ReadyLine,
    Refusal,
    ReturnLine,
)
from kiosk.clock import Clock
from kiosk.lockout import after_wrong_pin
from kiosk.reasons import Reason
from kiosk.rules import PinResult
from kiosk.sip2_access import Sip2AccessService
from kiosk.sip2_link import LiveLink

log = logging.getLogger(__name__)

OFFLINE_LOAN_DAYS: Final = 28
"""Due date given to a loan made offline (sent to the ACS as the no-block due date)."""
CHECKOUT_KIND: Final = "sip2_checkout"
CHECKIN_KIND: Final = "sip2_checkin"
REPLAY_KINDS: Final = (CHECKOUT_KIND, CHECKIN_KIND)


class OfflineCirculation:
    def __init__(
        self, access: Sip2AccessService, sessions: sessionmaker[Session], clock: Clock,
        mode: str,
    ) -> None:
        self.access = access
        self.sessions = sessions
        self.clock = clock
        self.mode = mode

    def login(self, read: CardRead, pin: str) -> LoginResult:
        if self.mode != "checkin_and_checkout":
            return LoginResult(None, reason=str(Reason.CANNOT_VERIFY))
        evaluation = self.access.check_offline(read, pin)
        decision = evaluation.decision
        assert decision is not None  # a PIN was entered, so the rules decided
        if evaluation.pin is PinResult.WRONG and evaluation.credential_id is not None:
            self._count_wrong_pin(evaluation.credential_id)
        patron_id = evaluation.patron_id
        if not decision.granted or patron_id is None:
            return LoginResult(None, reason=str(decision.reason),
                               attempts_left=decision.attempts_left)
        if patron_id.startswith("cpr-"):
            # Known only by health card: the library system could not be told who borrowed.
            return LoginResult(None, reason=str(Reason.CANNOT_VERIFY))
        patron = PatronSession(patron_id, evaluation.patron_name, key=patron_id, offline=True)
        return LoginResult(patron, self.account(patron))

    def _count_wrong_pin(self, credential_id: bytes) -> None:
        now = self.clock.now()
        with self.sessions.begin() as session:
            state = queries.lockout_state(session, credential_id)
            if not state.is_locked(now):
                queries.save_lockout(
                    session, credential_id, after_wrong_pin(state, self.access.policy, now), now
                )

    def borrow(self, patron: PatronSession, item_id: str) -> ItemLine:
        if self.mode != "checkin_and_checkout":
            return ItemLine(item_id, "refused", refusal=Refusal.OFFLINE)
        now = self.clock.now()
        due = (now + timedelta(days=OFFLINE_LOAN_DAYS)).replace(hour=23, minute=59, second=0,
                                                                 microsecond=0)
        payload = {"patron": patron.key, "item": item_id, "due": due.isoformat()}
        with self.sessions.begin() as session:
            session.add(Loan(patron_id=patron.patron_id, item_id=item_id, loaned_at=now,
                             due_at=due))
            _enqueue(session, CHECKOUT_KIND, payload, now)
            queries.bump_stat(session, now, "checkout")
        log.info("offline loan of item %s queued", item_id)
        return ItemLine(item_id, "queued", due=due)

    def give_back(self, item_id: str) -> ReturnLine:
        if self.mode == "off":
            return ReturnLine(item_id, False, message=str(Refusal.OFFLINE))
        now = self.clock.now()
        with self.sessions.begin() as session:
            mark_returned(session, item_id, now)
            _enqueue(session, CHECKIN_KIND, {"item": item_id}, now)
            queries.bump_stat(session, now, "checkin")
        log.info("offline return of item %s queued", item_id)
        return ReturnLine(item_id, True, queued=True)

    def account(self, patron: PatronSession) -> Account:
        return local_account(self.sessions, patron.patron_id)


def _enqueue(session: Session, kind: str, payload: dict[str, str], now: datetime) -> None:
    session.add(OutboxItem(idempotency_key=str(uuid.uuid4()), kind=kind,
                           payload=json.dumps(payload), created_at=now, attempts=0))


def mark_returned(session: Session, item_id: str, now: datetime) -> None:
    """Local loan rows follow retention: `returned_at` starts the 30-day anonymisation."""
    session.execute(update(Loan).where(Loan.item_id == item_id, Loan.returned_at.is_(None))
                    .values(returned_at=now))


def local_account(sessions: sessionmaker[Session], patron_id: str) -> Account:
    """The account screen from the cache (offline): open loans, ready reservations, debts."""
    with sessions() as session:
        loans = session.scalars(select(Loan).where(
            Loan.patron_id == patron_id, Loan.returned_at.is_(None)).order_by(Loan.due_at))
        ready = session.scalars(select(Reservation).where(
            Reservation.patron_id == patron_id, Reservation.state == "ready"))
        debts = session.scalars(select(Debt).where(
            Debt.patron_id == patron_id, Debt.settled_at.is_(None)))
        return Account(
            loans=tuple(LoanLine(r.item_id, r.title, r.due_at) for r in loans),
            ready=tuple(ReadyLine(r.title, r.pickup_number or "", r.pickup_deadline)
                        for r in ready),
            debts=tuple(DebtLine(Decimal(d.amount_ore) / 100, d.reason) for d in debts),
        )


@dataclass(slots=True)
class ReplayReport:
    sent: int = 0
    refused: int = 0
    offline: bool = False


def replay_offline(sessions: sessionmaker[Session], link: LiveLink, clock: Clock) -> ReplayReport:
    """Send queued offline loans and returns, oldest first; stop at the first link failure.

    Each row counts an attempt *before* it is sent. A row with an attempt but no answer may
    have reached the ACS (answer lost): it is resent only if the item's status says it did
    not, so a loan is never made twice.
    """
    report = ReplayReport()
    with sessions() as session:
        ids = list(session.scalars(
            select(OutboxItem.id).where(OutboxItem.kind.in_(REPLAY_KINDS),
                                        OutboxItem.sent_at.is_(None),
                                        OutboxItem.parked_error.is_(None))
            .order_by(OutboxItem.id)))
    for row_id in ids:
        with sessions.begin() as session:
            row = session.get(OutboxItem, row_id)
            if row is None or row.sent_at is not None or row.parked_error is not None:
                continue
            kind, payload, at, uncertain = (row.kind, json.loads(row.payload), row.created_at,
                                            row.attempts > 0)
            row.attempts += 1
        refusal = _replay_one(link, kind, payload, at, uncertain)
        if refusal is None:
            report.offline = True
            return report
        _settle(sessions, row_id, refusal, clock.now(), report)
        if refusal:
            log.warning("offline %s of item %s refused on replay: %s", kind, payload["item"],
                        refusal)
    return report


def _replay_one(
    link: LiveLink, kind: str, payload: dict[str, str], at: datetime, uncertain: bool
) -> str | None:
    if uncertain:
        done = _already_done(link, kind, payload)
        if done is None:
            return None
        if done:
            log.info("offline %s of item %s had reached the library system", kind,
                     payload["item"])
            return ""
    return _send(link, kind, payload, at)


def _already_done(link: LiveLink, kind: str, payload: dict[str, str]) -> bool | None:
    """Did an earlier try whose answer was lost get through? None = cannot tell (offline)."""
    info = link.call(lambda c: c.item_information(payload["item"]))
    if info is None:
        return None
    charged = info.circulation_status in ("04", "05")
    if kind == CHECKIN_KIND:
        return not charged
    due = datetime.fromisoformat(payload["due"])
    return charged and info.due_date is not None and info.due_date.date() == due.date()


def _settle(
    sessions: sessionmaker[Session], row_id: int, refusal: str, now: datetime,
    report: ReplayReport,
) -> None:
    with sessions.begin() as session:
        row = session.get(OutboxItem, row_id)
        assert row is not None
        if refusal:
            row.parked_error = refusal
            report.refused += 1
        else:
            row.sent_at = now
            report.sent += 1


def _send(link: LiveLink, kind: str, payload: dict[str, str], at: datetime) -> str | None:
    """"" when the ACS took it, its refusal text, or None when it could not be reached."""
    item = payload["item"]
    if kind == CHECKOUT_KIND:
        due = datetime.fromisoformat(payload["due"])
        out = link.call(lambda c: c.checkout(payload["patron"], item, no_block=True,
                                             nb_due_date=due))
        if out is None:
            return None
        why = " / ".join(out.screen_messages) or "no reason given"
        return "" if out.ok else f"loan of item {item} (patron {payload['patron']}) refused: {why}"
    back = link.call(lambda c: c.checkin(item, return_date=at, no_block=True))
    if back is None:
        return None
    why = " / ".join(back.screen_messages) or "no reason given"
    return "" if back.ok else f"return of item {item} refused: {why}"

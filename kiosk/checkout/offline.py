"""Circulation while the library system is away: login from the cache, queued loans and returns.

`central.offline_circulation` decides what works: "off", "checkin_only" or
"checkin_and_checkout". A loan needs a patron verified offline (PIN against the learned cache,
rules applied, verification young enough). Loans and returns go to the outbox with idempotency
keys, in the same transaction as the local loan row; kiosk/sip2/replay.py sends them later,
each exactly once. No Qt.
"""

from __future__ import annotations

import json
import logging
import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Final

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from drivers.types import CardKind, CardRead
from kiosk.access.lockout import subject
from kiosk.access.rules import PinResult
from kiosk.access.service import count_wrong_pin
from kiosk.access.sip2 import Sip2AccessService, sip2_key
from kiosk.cache import queries
from kiosk.cache.models import Debt, Loan, OutboxItem, Reservation
from kiosk.checkout.types import (
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
from kiosk.reasons import Reason
from kiosk.sip2.replay import CHECKIN_KIND, CHECKOUT_KIND

log = logging.getLogger(__name__)

OFFLINE_LOAN_DAYS: Final = 28
"""Due date given to a loan made offline (sent to the ACS as the no-block due date)."""


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
        who = subject(evaluation.patron_id, evaluation.credential_id)
        if evaluation.pin is PinResult.WRONG and who is not None:
            with self.sessions.begin() as session:
                count_wrong_pin(session, who, self.access.policy, self.clock.now())
        patron_id = evaluation.patron_id
        if not decision.granted or patron_id is None:
            return LoginResult(None, reason=str(decision.reason),
                               attempts_left=decision.attempts_left)
        if read.kind is not CardKind.CARD:
            # A health card: the loan would have to be sent with the CPR, which is never kept.
            return LoginResult(None, reason=str(Reason.CANNOT_VERIFY))
        patron = PatronSession(patron_id, evaluation.patron_name, key=sip2_key(read),
                               offline=True)
        return LoginResult(patron, self.account(patron))

    def borrow(self, patron: PatronSession, item_id: str) -> ItemLine:
        if self.mode != "checkin_and_checkout":
            return ItemLine(item_id, "refused", refusal=Refusal.OFFLINE)
        now = self.clock.now()
        due = (now + timedelta(days=OFFLINE_LOAN_DAYS)).replace(hour=23, minute=59, second=0,
                                                                 microsecond=0)
        # The card number waits sealed (kiosk/privacy/sealed.py) until the replay sends it;
        # the row goes once delivered (kiosk/sip2/replay.py) or after retention.outbox_days.
        payload = {"patron_sealed": self.access.hasher.sealer.seal(patron.key), "item": item_id,
                   "due": due.isoformat()}
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

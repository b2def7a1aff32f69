"""Circulation: what the checkout screen asks of the library system, and its SIP2 implementation.

`Circulation` is the protocol the checkout shell runs effects against. `Sip2Circulation`
speaks SIP2 through the live link (11 checkout, 29 renew, 09 checkin, 63/17 account, 35 end
session) and falls back to `OfflineCirculation` when the library system is unreachable. Every
loan seen here is kept as a local loan row for the account screen (anonymised by retention 30
days after `returned_at`). No Qt.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from drivers.types import CardRead
from kiosk.access.sip2 import Sip2AccessService, sip2_key
from kiosk.cache import queries
from kiosk.cache.models import Loan
from kiosk.checkout.offline import OfflineCirculation, local_account, mark_returned
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
    classify,
)
from kiosk.clock import Clock
from kiosk.privacy.minimise import first_name
from kiosk.reasons import Reason
from kiosk.sip2.learned_cache import status_reason
from kiosk.sip2.link import LiveLink
from sync.sip2 import CheckinResult, CheckoutResult, ItemInfo, PatronInfo

log = logging.getLogger(__name__)


class Circulation(Protocol):
    def login(self, read: CardRead, pin: str) -> LoginResult: ...

    def borrow(self, patron: PatronSession, item_id: str, fee_ack: bool = False) -> ItemLine: ...

    def renew(self, patron: PatronSession, item_id: str) -> ItemLine: ...

    def give_back(self, item_id: str) -> ReturnLine: ...

    def account(self, patron: PatronSession) -> Account: ...

    def end_session(self, patron: PatronSession) -> None: ...

    def close(self) -> None:
        """Release connections this circulation opened itself."""
        ...


class Sip2Circulation:
    def __init__(
        self, access: Sip2AccessService, link: LiveLink, sessions: sessionmaker[Session],
        clock: Clock, offline: OfflineCirculation, owns_link: bool = False,
    ) -> None:
        self.access = access
        self.link = link
        self.sessions = sessions
        self.clock = clock
        self.offline = offline
        self._owns_link = owns_link

    def close(self) -> None:
        if self._owns_link:
            self.link.close()

    def login(self, read: CardRead, pin: str) -> LoginResult:
        info = self.access.live_patron(read, pin)
        if info is None:
            return self.offline.login(read, pin)
        if info.valid_patron is False:
            return LoginResult(None, reason=str(Reason.UNKNOWN_CARD))
        if info.valid_password is not True:
            return LoginResult(None, reason=str(Reason.WRONG_PIN))
        flagged = status_reason(info.status, self.access.blocking)
        if flagged is not None:
            return LoginResult(None, reason=str(flagged))
        cid = self.access.credential_id(read)
        with self.sessions() as session:
            found = queries.find_by_credential(session, cid) if cid is not None else None
        if found is None:  # the live answer was not written through (a database fault)
            return LoginResult(None, reason=str(Reason.CANNOT_VERIFY))
        # The patron's own id is the learned (keyed) one; the card number only in memory.
        patron = PatronSession(found[1].patron_id, first_name(info.name), key=sip2_key(read),
                               pin=pin)
        return LoginResult(patron, self.account(patron))

    def borrow(self, patron: PatronSession, item_id: str, fee_ack: bool = False) -> ItemLine:
        if patron.offline:
            return self.offline.borrow(patron, item_id)
        out = self.link.call(lambda c: c.checkout(patron.key, item_id, pin=patron.pin,
                                                  fee_ack=fee_ack))
        if out is None:  # gone mid-session: the patron was verified online minutes ago
            return self.offline.borrow(patron, item_id)
        line = _item_line(out, renewal=out.renewal_ok)
        if line.ok:
            self._remember(patron, line, "renew" if out.renewal_ok else "checkout")
        return line

    def renew(self, patron: PatronSession, item_id: str) -> ItemLine:
        if patron.offline:
            return ItemLine(item_id, "refused", refusal=Refusal.OFFLINE)
        out = self.link.call(lambda c: c.renew(patron.key, item_id, pin=patron.pin))
        if out is None:
            return ItemLine(item_id, "refused", refusal=Refusal.OFFLINE)
        line = _item_line(out, renewal=True)
        if line.ok:
            self._remember(patron, line, "renew")
        return line

    def give_back(self, item_id: str) -> ReturnLine:
        out = self.link.call(lambda c: c.checkin(item_id))
        if out is None:
            return self.offline.give_back(item_id)
        now = self.clock.now()
        with self.sessions.begin() as session:
            mark_returned(session, item_id, now)
            if out.ok:
                queries.bump_stat(session, now, "checkin")
        return _return_line(out)

    def account(self, patron: PatronSession) -> Account:
        if patron.offline:
            return local_account(self.sessions, patron.patron_id)
        charged = self._patron(patron, "charged")
        holds = self._patron(patron, "hold")
        if charged is None or holds is None:
            return local_account(self.sessions, patron.patron_id)
        loans = tuple(_loan(self._item(i), i) for i in charged.charged_items)
        ready = tuple(_ready(self._item(i), i) for i in holds.hold_items)
        debts = (DebtLine(charged.fee_amount, "Gebyr"),) if charged.fee_amount else ()
        return Account(loans=loans, ready=ready, debts=debts)

    def end_session(self, patron: PatronSession) -> None:
        if not patron.offline:
            self.link.call(lambda c: c.end_session(patron.key, patron.pin))

    def _patron(self, patron: PatronSession, summary: str) -> PatronInfo | None:
        return self.link.call(lambda c: c.patron_information(
            patron.key, patron.pin, summary=summary))  # type: ignore[arg-type]

    def _item(self, item_id: str) -> ItemInfo | None:
        return self.link.call(lambda c: c.item_information(item_id))

    def _remember(self, patron: PatronSession, line: ItemLine, kind: str) -> None:
        now = self.clock.now()
        with self.sessions.begin() as session:
            loan = session.scalar(select(Loan).where(
                Loan.item_id == line.item_id, Loan.patron_id == patron.patron_id,
                Loan.returned_at.is_(None)))
            if loan is None:
                session.add(Loan(patron_id=patron.patron_id, item_id=line.item_id,
                                 title=line.title, loaned_at=now, due_at=line.due))
            else:
                loan.due_at = line.due
            queries.bump_stat(session, now, kind)


def _item_line(out: CheckoutResult, *, renewal: bool) -> ItemLine:
    message = " / ".join(out.screen_messages)
    if out.ok:
        return ItemLine(out.item_id, "renewal" if renewal else "loan", out.title, out.due_date,
                        message=message)
    if out.needs_fee_ack:
        return ItemLine(out.item_id, "fee", out.title, refusal=Refusal.FEE, message=message,
                        fee=out.fee_amount)
    return ItemLine(out.item_id, "refused", out.title, refusal=classify(message),
                    message=message)


def _return_line(out: CheckinResult) -> ReturnLine:
    message = " / ".join(out.screen_messages)
    if not out.ok:
        return ReturnLine(out.item_id, False, out.title, message=message)
    shelf: str = ""
    if out.alert:
        # A.6: alert Y = special handling. Reserved for someone (hold) or another branch.
        other_branch = out.alert_type == "04" or bool(out.destination)
        shelf = "other_branch" if other_branch else "staff"
    return ReturnLine(out.item_id, True, out.title, shelf=shelf,  # type: ignore[arg-type]
                      destination=out.destination, message=message)


def _loan(info: ItemInfo | None, item_id: str) -> LoanLine:
    return LoanLine(item_id, info.title, info.due_date) if info else LoanLine(item_id)


def _ready(info: ItemInfo | None, item_id: str) -> ReadyLine:
    if info is None:
        return ReadyLine(item_id)
    deadline: datetime | None = info.hold_pickup_date
    # SIP2 has no pickup number; Danish libraries shelve by it, so show the item's own number.
    return ReadyLine(info.title, pickup_number=item_id[-4:], deadline=deadline)


def sip2_circulation(
    access: Sip2AccessService, link: LiveLink, sessions: sessionmaker[Session], clock: Clock,
    offline_mode: str, owns_link: bool = False,
) -> Sip2Circulation:
    """The checkout screen's circulation over SIP2 (`owns_link`: close() closes the link)."""
    offline = OfflineCirculation(access, sessions, clock, offline_mode)
    return Sip2Circulation(access, link, sessions, clock, offline, owns_link)

"""Re-keying what a SIP2 kiosk learned before issue 13, when the patron id was the card number.

Runs when a SIP2 kiosk starts (it needs the installation key, so it cannot be an Alembic
migration). Each such patron gets the keyed id a live answer would give it now, its sealed
identifier for refreshes, and every reference to it follows (credentials, entry log, loans,
messages, debts, reservations, lockout); the entry log's references to patrons already gone,
and queued offline loans, are re-keyed or sealed too. Old verifiers were bound to the old id:
they are dropped, so the patron is verified live again at the next visit. No Qt.
"""

from __future__ import annotations

import json
import logging
from datetime import date

from sqlalchemy import Table, and_, delete, insert, not_, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from kiosk.cache.models import (
    Credential,
    Debt,
    EntryLog,
    Loan,
    Lockout,
    Message,
    OutboxItem,
    Patron,
    Reservation,
)
from kiosk.privacy.keyed_hash import KeyedHasher

log = logging.getLogger(__name__)
KEYED_PREFIXES = ("sip2-", "cpr-")
REFERENCES = (Credential, EntryLog, Loan, Message, Debt, Reservation)


def _plain(column: object) -> object:
    return not_(or_(*[column.like(p + "%") for p in KEYED_PREFIXES]))  # type: ignore[attr-defined]


def keyed_id(hasher: KeyedHasher, old_id: str) -> str:
    """What kiosk/sip2/learned_cache.py gives the patron whose card (or the library system's
    own id) was `old_id`."""
    return "sip2-" + hasher.credential_id("sip2-patron", old_id).hex()[:16]


def rekey_plaintext(sessions: sessionmaker[Session], hasher: KeyedHasher, today: date) -> int:
    """Re-key every learned row still named by a card number; returns how many patrons."""
    with sessions() as session:
        if not _anything_plain(session):
            return 0
    with sessions.begin() as session:
        old_ids = list(session.scalars(select(Patron.patron_id).where(
            _plain(Patron.patron_id))))  # type: ignore[arg-type]
        for old in old_ids:
            _move_patron(session, hasher, old, today)
        _rekey_orphans(session, hasher)
        _seal_outbox(session, hasher)
    log.warning("re-keyed %d learned patrons that were named by their card number", len(old_ids))
    return len(old_ids)


def _anything_plain(session: Session) -> bool:
    probes = (select(Patron.patron_id).where(_plain(Patron.patron_id)),  # type: ignore[arg-type]
              select(EntryLog.id).where(EntryLog.patron_id.is_not(None),
                                        _plain(EntryLog.patron_id)),  # type: ignore[arg-type]
              select(OutboxItem.id).where(OutboxItem.payload.like('%"patron":%')))
    return any(session.execute(probe.limit(1)).first() is not None for probe in probes)


def _move_patron(session: Session, hasher: KeyedHasher, old: str, today: date) -> None:
    new = keyed_id(hasher, old)
    table: Table = Patron.__table__  # type: ignore[assignment]
    row = dict(session.execute(select(table).where(table.c.patron_id == old)).mappings().one())
    activity = row["last_activity"] or (row["verified_at"] or row["updated_at"])
    row.update(patron_id=new, learned=True, sip2_ref=hasher.sealer.seal(old),
               pin_verifier=None, verified_at=None,
               last_activity=activity.date() if hasattr(activity, "date") else today)
    session.execute(insert(table).values(**row))
    for model in REFERENCES:
        session.execute(update(model).where(model.patron_id == old).values(patron_id=new))
    session.execute(update(Lockout).where(Lockout.subject == f"patron:{old}")
                    .values(subject=f"patron:{new}"))
    session.execute(delete(table).where(table.c.patron_id == old))


def _rekey_orphans(session: Session, hasher: KeyedHasher) -> None:
    """Entry-log rows of learned patrons already gone, still naming a card number."""
    olds = set(session.scalars(select(EntryLog.patron_id).where(and_(
        EntryLog.patron_id.is_not(None), _plain(EntryLog.patron_id)))))  # type: ignore[arg-type]
    for old in olds:
        if old is not None:
            session.execute(update(EntryLog).where(EntryLog.patron_id == old)
                            .values(patron_id=keyed_id(hasher, old)))


def _seal_outbox(session: Session, hasher: KeyedHasher) -> None:
    for item in session.scalars(select(OutboxItem).where(
            OutboxItem.payload.like('%"patron":%'))):
        payload = json.loads(item.payload)
        payload["patron_sealed"] = hasher.sealer.seal(str(payload.pop("patron")))
        item.payload = json.dumps(payload)

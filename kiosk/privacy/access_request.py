"""Right of access (GDPR Art. 15; reliability scenario 24): everything the kiosk holds on the
patron behind one card, and nothing of anyone else.

Found the way the door finds a patron (the card's keyed hash). The entry log only within its
retention window, whatever the purge has done yet; loans, reservations, debts and messages;
offline loans still waiting to be sent with this card (their sealed card number is compared
in memory); the lockout state. Never a CPR, a card number in full, a PIN or a verifier: the
answer says which kinds of credential lead to the patron and whether their verifier is
memory-hard. No Qt.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.access.lockout import LockoutPolicy, subject
from kiosk.cache import queries
from kiosk.cache.models import (
    Credential,
    Debt,
    EntryLog,
    Loan,
    Message,
    OutboxItem,
    Patron,
    Reservation,
)
from kiosk.privacy.sealed import Sealer, SealError
from kiosk.sip2.replay import CHECKOUT_KIND


def _iso(at: Any) -> str | None:
    return at.isoformat() if at is not None else None


def patron_part(patron: Patron) -> dict[str, Any]:
    verifier = patron.pin_verifier or ""
    return {
        "patron_id": patron.patron_id,
        "first_name": patron.name,
        "birth_date": _iso(patron.birth_date),
        "patron_group": patron.patron_group,
        "blocked": {"reason": patron.blocked_reason, "since": _iso(patron.blocked_since)}
        if patron.blocked_reason else None,
        "debt_dkk": f"{patron.debt_ore // 100}.{patron.debt_ore % 100:02d}",
        "self_service_opt_in": patron.opt_in,
        "home_branch": patron.home_branch,
        "municipality": patron.municipality,
        "last_activity": _iso(patron.last_activity),
        "updated_at": _iso(patron.updated_at),
        "verified_at": _iso(patron.verified_at),
        "learned_from_sip2": patron.learned,
        "pin": "none" if not verifier else "fast" if verifier.startswith("hk1$") else
        "memory_hard",
        "reservations_ready": patron.reservations_ready,
    }


def _entries(session: Session, patron_id: str, since: datetime) -> list[dict[str, Any]]:
    rows = session.scalars(select(EntryLog).where(
        EntryLog.patron_id == patron_id, EntryLog.at >= since).order_by(EntryLog.at))
    return [{"at": _iso(r.at), "granted": r.granted, "reason": r.reason, "mode": r.mode,
             "kind": r.credential_kind} for r in rows]


def _linked(session: Session, patron_id: str) -> dict[str, list[dict[str, Any]]]:
    loans = session.scalars(select(Loan).where(Loan.patron_id == patron_id).order_by(Loan.id))
    holds = session.scalars(select(Reservation).where(Reservation.patron_id == patron_id))
    debts = session.scalars(select(Debt).where(Debt.patron_id == patron_id))
    messages = session.scalars(select(Message).where(Message.patron_id == patron_id))
    return {
        "loans": [{"item": r.item_id, "title": r.title, "loaned_at": _iso(r.loaned_at),
                   "due_at": _iso(r.due_at), "returned_at": _iso(r.returned_at)} for r in loans],
        "reservations": [{"title": r.title, "state": r.state,
                          "pickup_deadline": _iso(r.pickup_deadline)} for r in holds],
        "debts": [{"amount_dkk": f"{r.amount_ore // 100}.{r.amount_ore % 100:02d}",
                   "reason": r.reason, "settled_at": _iso(r.settled_at)} for r in debts],
        "messages": [{"channel": r.channel, "sent_at": _iso(r.sent_at),
                      "content": r.content} for r in messages],
    }


def offline_queue(session: Session, sealer: Sealer, sip2_key: str) -> list[dict[str, Any]]:
    """Offline loans waiting to be sent with this card (or parked as refused)."""
    found = []
    for item in session.scalars(select(OutboxItem).where(OutboxItem.kind == CHECKOUT_KIND)
                                .order_by(OutboxItem.id)):
        payload = json.loads(item.payload)
        try:
            ours = sealer.unseal(str(payload.get("patron_sealed", ""))) == sip2_key
        except SealError:
            ours = False
        if ours:
            found.append({"item": payload.get("item"), "due": payload.get("due"),
                          "queued_at": _iso(item.created_at),
                          "state": "refused" if item.parked_error else "waiting"})
    return found


def access_request(
    session: Session, credential_id: bytes, sealer: Sealer, sip2_key: str, now: datetime,
    entry_days: int, policy: LockoutPolicy,
) -> dict[str, Any]:
    """The export of `kiosk export --card`: all of it for the card's patron, at `now`."""
    hit = queries.find_by_credential(session, credential_id)
    patron = hit[1] if hit is not None else None
    patron_id = patron.patron_id if patron is not None else None
    lock = queries.lockout_state(session, subject(patron_id, credential_id), now, policy)
    out: dict[str, Any] = {
        "generated_at": now.isoformat(),
        "entry_log_window_days": entry_days,
        "patron": patron_part(patron) if patron is not None else None,
        "credentials": _credentials(session, patron_id),
        "entries": [], "loans": [], "reservations": [], "debts": [], "messages": [],
        "offline_queue": offline_queue(session, sealer, sip2_key),
        "lockout": {"failures": lock.failures, "locked_until": _iso(lock.locked_until)}
        if lock.failures or lock.locked_until else None,
    }
    if patron_id is not None:
        out["entries"] = _entries(session, patron_id, now - timedelta(days=entry_days))
        out.update(_linked(session, patron_id))
    return out


def _credentials(session: Session, patron_id: str | None) -> Sequence[dict[str, str]]:
    if patron_id is None:
        return []
    rows = session.execute(select(Credential.kind, Credential.status)
                           .where(Credential.patron_id == patron_id)
                           .order_by(Credential.kind, Credential.status))
    return [{"kind": kind, "status": status} for kind, status in rows]

"""Replay of offline circulation over SIP2: queued loans and returns, each exactly once.

The checkout screen queues them in the outbox (kiosk/checkout/offline.py) with these kinds;
the SIP2 background work sends them with SIP2's no-block flag and the offline due date, and
parks refusals with their reason (`kiosk status` lists them). No Qt.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from drivers.cardparse import mask_card
from kiosk.cache.models import OutboxItem
from kiosk.privacy.sealed import Sealer, SealError
from kiosk.sip2.link import LiveLink

log = logging.getLogger(__name__)

CHECKOUT_KIND: Final = "sip2_checkout"
CHECKIN_KIND: Final = "sip2_checkin"
REPLAY_KINDS: Final = (CHECKOUT_KIND, CHECKIN_KIND)


@dataclass(slots=True)
class ReplayReport:
    sent: int = 0
    refused: int = 0
    offline: bool = False


def replay_offline(
    sessions: sessionmaker[Session], link: LiveLink, sealer: Sealer
) -> ReplayReport:
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
        try:
            patron = sealer.unseal(payload["patron_sealed"]) if kind == CHECKOUT_KIND else ""
        except (KeyError, SealError):
            _settle(sessions, row_id, "the patron's sealed card number cannot be read (was the "
                    "installation key replaced?)", report)
            continue
        payload["patron"] = patron  # in memory only, for this one request
        refusal = _replay_one(link, kind, payload, at, uncertain)
        if refusal is None:
            report.offline = True
            return report
        _settle(sessions, row_id, refusal, report)
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
    sessions: sessionmaker[Session], row_id: int, refusal: str, report: ReplayReport
) -> None:
    with sessions.begin() as session:
        row = session.get(OutboxItem, row_id)
        assert row is not None
        if refusal:
            row.parked_error = refusal
            report.refused += 1
        else:
            # Delivered: nothing left to do with it, and it names a patron (issue 13).
            session.delete(row)
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
        who = mask_card(payload["patron"])  # offline loans are made by library card only
        return "" if out.ok else f"loan of item {item} (patron {who}) refused: {why}"
    back = link.call(lambda c: c.checkin(item, return_date=at, no_block=True))
    if back is None:
        return None
    why = " / ".join(back.screen_messages) or "no reason given"
    return "" if back.ok else f"return of item {item} refused: {why}"

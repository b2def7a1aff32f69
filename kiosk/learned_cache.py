"""The SIP2 learned cache: what a live patron check (63/64) teaches the cache, and the refresh.

The Danish library system has no bulk export (reference/protocols.md §D), so with SIP2 the cache
learns: every valid answer writes the patron's status, name, birth date (if sent) and a keyed
PIN verifier through, with `verified_at`; known patrons are refreshed one by one. The CPR is
never stored: a patron first seen by health card gets a derived id ("cpr-" + keyed hash).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Final

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.cache.models import Credential, Patron
from kiosk.cache.patrons import erase_patron_traces
from kiosk.clock import Clock
from kiosk.keyed_hash import KeyedHasher
from kiosk.reasons import Reason
from kiosk.sip2_link import LiveLink
from sync.sip2 import PatronInfo

log = logging.getLogger(__name__)

CARD_LOST_POSITION: Final = 4
STATUS_REASONS: Final[Mapping[int, Reason]] = {
    CARD_LOST_POSITION: Reason.CARD_LOST,
    10: Reason.DEBT_OVER_LIMIT,  # excessive outstanding fines
    11: Reason.DEBT_OVER_LIMIT,  # excessive outstanding fees
}
"""Patron-status positions (protocols.md §A.5) with their own reason; every other blocking
position means `patron_blocked`."""
BLOCK_PREFIX: Final = "S:"
"""blocked_reason of a learned patron: "S:" + the blocking positions as base-14 digits."""
_DIGITS: Final = "0123456789abcd"


def status_reason(flags: Sequence[bool], blocking: Iterable[int]) -> Reason | None:
    """The reason the 14-character patron status refuses a patron, or None. A lost card wins."""
    hits = blocking_hits(flags, blocking)
    if not hits:
        return None
    reasons = [STATUS_REASONS.get(p, Reason.PATRON_BLOCKED) for p in hits]
    return Reason.CARD_LOST if Reason.CARD_LOST in reasons else reasons[0]


def blocking_hits(flags: Sequence[bool], blocking: Iterable[int]) -> list[int]:
    return [p for p in sorted(set(blocking)) if p < len(flags) and flags[p]]


def encode_block(positions: Sequence[int]) -> str | None:
    return BLOCK_PREFIX + "".join(_DIGITS[p] for p in positions) if positions else None


def decode_block(code: str | None) -> list[int]:
    if code is None or not code.startswith(BLOCK_PREFIX):
        return []
    return [_DIGITS.index(c) for c in code[len(BLOCK_PREFIX):] if c in _DIGITS]


def block_reason(code: str | None) -> Reason | None:
    """The reason a learned block code stands for (None for codes from other sources)."""
    positions = decode_block(code)
    return status_reason([p in positions for p in range(14)], positions)


@dataclass(frozen=True, slots=True)
class Learned:
    patron_id: str
    reason: Reason | None
    """What the status flags say (None = no blocking flag)."""


def learned_patron_id(kind: str, key: str, info: PatronInfo, credential_id: bytes) -> str:
    """Card number or the ACS's own id; never a CPR (a health card gets a keyed id)."""
    answered = info.patron_id.strip()
    if answered and answered != key and not (len(answered) == 10 and answered.isdigit()):
        return answered
    return key if kind == "card" else "cpr-" + credential_id.hex()[:16]


def learn(
    session: Session, hasher: KeyedHasher, *, kind: str, key: str, credential_id: bytes,
    info: PatronInfo, pin: str | None, now: datetime, blocking: Iterable[int],
) -> Learned:
    """Write one live answer through to the cache (caller owns the transaction).

    A right PIN stores a fresh keyed verifier and `verified_at`; a wrong or unchecked PIN
    clears them, so an old verifier can never outvote the library system.
    """
    existing = session.scalar(select(Credential).where(Credential.id == credential_id))
    patron_id = existing.patron_id if existing is not None else learned_patron_id(
        kind, key, info, credential_id)
    patron = session.get(Patron, patron_id)
    if patron is None:
        patron = Patron(patron_id=patron_id, opt_in=True, patron_group="")
        session.add(patron)
    hits = apply_status(patron, info, now, blocking)
    if pin is not None:
        right = info.valid_password is True
        patron.pin_verifier = hasher.fast_verifier(patron_id, pin) if right else None
        patron.verified_at = now if right else None
    status = "lost" if CARD_LOST_POSITION in hits else "active"
    if existing is None:
        session.flush()
        session.add(Credential(id=credential_id, patron_id=patron_id, kind=kind, status=status))
    else:
        existing.status = status
    return Learned(patron_id, status_reason(info.status, blocking))


def apply_status(
    patron: Patron, info: PatronInfo, now: datetime, blocking: Iterable[int]
) -> list[int]:
    """Status, name, birth date and debt from a 64; returns the blocking positions set."""
    hits = blocking_hits(info.status, blocking)
    patron.name = info.name or patron.name or ""
    if info.birth_date is not None:
        patron.birth_date = info.birth_date
    patron.blocked_reason = encode_block([p for p in hits if p != CARD_LOST_POSITION])
    patron.blocked_since = now.date() if patron.blocked_reason else None
    patron.debt_ore = int((info.fee_amount or Decimal(0)) * 100)
    patron.reservations_ready = info.hold_count
    patron.updated_at = now
    return hits


def forget_credential(session: Session, credential_id: bytes) -> None:
    """The library system does not know this card (any more): drop it from the cache."""
    session.execute(delete(Credential).where(Credential.id == credential_id))


class LearnedCacheRefresher:
    """Refreshes known patrons one by one (status, blocks, fees), oldest first, without PINs."""

    def __init__(
        self, sessions: sessionmaker[Session], link: LiveLink, clock: Clock,
        blocking: Iterable[int],
    ) -> None:
        self.sessions = sessions
        self.link = link
        self.clock = clock
        self.blocking = tuple(blocking)

    def refresh_next(self) -> str | None:
        """Refresh the patron updated longest ago; returns its id, or None (nothing/offline)."""
        with self.sessions() as session:
            patron_id = session.scalar(
                select(Patron.patron_id)
                .where(Patron.verified_at.is_not(None), Patron.patron_id.not_like("cpr-%"))
                .order_by(Patron.updated_at.is_not(None), Patron.updated_at)
                .limit(1)
            )
        if patron_id is None:
            return None
        info = self.link.call(lambda c: c.patron_information(patron_id))
        if info is None:
            return None
        now = self.clock.now()
        with self.sessions.begin() as session:
            patron = session.get(Patron, patron_id)
            if patron is None:
                return None
            if info.valid_patron is False:
                log.info("patron %s unknown to the library system: removed from the cache",
                         patron_id)
                erase_patron_traces(session, [patron_id])
                session.delete(patron)
            else:
                apply_status(patron, info, now, self.blocking)
        return patron_id

    def refresh_all(self, limit: int = 10_000) -> int:
        """One pass over at most `limit` patrons; stops early when the ACS is unreachable."""
        done: set[str] = set()
        while len(done) < limit:
            patron_id = self.refresh_next()
            if patron_id is None or patron_id in done:
                break
            done.add(patron_id)
        return len(done)

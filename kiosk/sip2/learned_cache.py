"""The SIP2 learned cache: what a live patron check (63/64) teaches the cache, and the refresh.

The Danish library system has no bulk export (reference/protocols.md §D), so with SIP2 the cache
learns: every valid answer writes the patron's status, first name, birth date (while a rule
needs it) and `verified_at` through, and `last_activity` (the visit) from which retention
purges the row. Known patrons are refreshed one by one. No card number or CPR is kept: a
learned patron's id is keyed ("sip2-"/"cpr-" + keyed hash), and the identifier to refresh it by
is sealed (kiosk/privacy/sealed.py); one known only by health card is never refreshed. The PIN
verifier is memory-hard and computed off the door path (kiosk/privacy/verifiers.py).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Final

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import flag_modified

from kiosk.cache.models import Credential, Patron
from kiosk.cache.patrons import erase_patron_traces
from kiosk.clock import Clock
from kiosk.privacy.keyed_hash import KeyedHasher
from kiosk.privacy.minimise import first_name, needed_birth_date
from kiosk.privacy.sealed import Sealer, SealError
from kiosk.reasons import Reason
from kiosk.sip2.link import LiveLink
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
    verify_pin: bool = False
    """The library system confirmed the PIN: the caller stores its memory-hard verifier."""


def _canonical(kind: str, key: str, info: PatronInfo) -> str | None:
    """The library system's own id for the patron, when it answered one other than what was
    asked (and not a CPR): then every card of the patron leads to one learned patron."""
    answered = info.patron_id.strip()
    if answered and answered != key and not (len(answered) == 10 and answered.isdigit()):
        return answered
    return key if kind == "card" else None


def learned_patron_id(
    hasher: KeyedHasher, kind: str, key: str, info: PatronInfo, credential_id: bytes
) -> str:
    """A keyed id: never the card number, the CPR or the library system's own id."""
    canonical = _canonical(kind, key, info)
    if canonical is None:
        return "cpr-" + credential_id.hex()[:16]
    return "sip2-" + hasher.credential_id("sip2-patron", canonical).hex()[:16]


def learn(
    session: Session, hasher: KeyedHasher, *, kind: str, key: str, credential_id: bytes,
    info: PatronInfo, pin: str | None, now: datetime, blocking: Iterable[int],
) -> Learned:
    """Write one live answer through to the cache (caller owns the transaction).

    A right PIN sets `verified_at` and clears the verifier: the caller has the memory-hard one
    computed off the door path (Learned.verify_pin). A wrong or unchecked PIN clears both, so
    an old verifier can never outvote the library system.
    """
    existing = session.scalar(select(Credential).where(Credential.id == credential_id))
    patron_id = existing.patron_id if existing is not None else learned_patron_id(
        hasher, kind, key, info, credential_id)
    patron = session.get(Patron, patron_id)
    if patron is None:
        patron = Patron(patron_id=patron_id, opt_in=True, patron_group="", learned=True)
        session.add(patron)
    canonical = _canonical(kind, key, info)
    if patron.sip2_ref is None and canonical is not None:
        patron.sip2_ref = hasher.sealer.seal(canonical)
    hits = apply_status(patron, info, now, blocking)
    patron.last_activity = now.date()  # every visit, a wrong PIN too: retention counts from it
    right = pin is not None and info.valid_password is True
    if pin is not None:
        patron.pin_verifier = None
        patron.verified_at = now if right else None
        # Written even when the row read a moment ago had no verifier: the verifier of an
        # earlier right PIN may be stored between that read and this write (found by CI).
        flag_modified(patron, "pin_verifier")
    status = "lost" if CARD_LOST_POSITION in hits else "active"
    if existing is None:
        session.flush()
        session.add(Credential(id=credential_id, patron_id=patron_id, kind=kind, status=status))
    else:
        existing.status = status
    return Learned(patron_id, status_reason(info.status, blocking), right)


def apply_status(
    patron: Patron, info: PatronInfo, now: datetime, blocking: Iterable[int]
) -> list[int]:
    """Status, name, birth date and debt from a 64; returns the blocking positions set."""
    hits = blocking_hits(info.status, blocking)
    patron.name = first_name(info.name) or patron.name or ""
    if info.birth_date is not None:
        patron.birth_date = needed_birth_date(info.birth_date, now.date())
    patron.blocked_reason = encode_block([p for p in hits if p != CARD_LOST_POSITION])
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
        blocking: Iterable[int], sealer: Sealer,
    ) -> None:
        self.sessions = sessions
        self.link = link
        self.clock = clock
        self.blocking = tuple(blocking)
        self.sealer = sealer

    def refresh_next(self) -> str | None:
        """Refresh the patron updated longest ago; returns its id, or None (nothing/offline)."""
        with self.sessions() as session:
            row = session.execute(
                select(Patron.patron_id, Patron.sip2_ref)
                .where(Patron.verified_at.is_not(None), Patron.sip2_ref.is_not(None))
                .order_by(Patron.updated_at.is_not(None), Patron.updated_at)
                .limit(1)
            ).first()
        if row is None:
            return None
        patron_id, ref = row
        try:
            key = self.sealer.unseal(ref or "")
        except SealError:
            log.warning("learned patron %s: sealed identifier unreadable; no more refreshes "
                        "(the next visit learns it again)", patron_id)
            with self.sessions.begin() as session:
                session.execute(update(Patron).where(Patron.patron_id == patron_id)
                                .values(sip2_ref=None))
            return patron_id
        info = self.link.call(lambda c: c.patron_information(key))
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

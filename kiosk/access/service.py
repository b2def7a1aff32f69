"""The access service: answers the flow's questions from the cache and records what happened.

`screen_card` and `check_pin` only read (so `kiosk explain` can use them); `record` writes the
entry log, the lockout counter and the statistics outbox item in one transaction.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from drivers.cardparse import normalise_card
from drivers.types import CardKind, CardRead
from kiosk.access.credentials import pin_well_formed
from kiosk.access.lockout import (
    LockoutPolicy,
    LockoutState,
    ThrottlePolicy,
    after_right_pin,
    after_wrong_pin,
    subject,
    throttle_until,
)
from kiosk.access.rules import (
    Decision,
    DecisionInput,
    PatronView,
    PinResult,
    cache_stale,
    decide,
    pin_required,
    screen_card,
)
from kiosk.cache import queries
from kiosk.cache.models import Credential, EntryLog, OutboxItem, Patron
from kiosk.clock import Clock
from kiosk.config import LoadedConfig
from kiosk.health.clock_trust import CurrentTrust
from kiosk.health.faults import Faults
from kiosk.privacy.keyed_hash import KeyedHasher
from kiosk.reasons import Reason
from kiosk.schedule import Calendar, Mode

log = logging.getLogger(__name__)
LAST_SYNC_KEY = "last_sync_success"


@dataclass(frozen=True, slots=True)
class Evaluation:
    """What the access service found for a card (and PIN): read-only, nothing written yet."""

    kind: CardKind
    mode: Mode
    decision: Decision | None
    """None after screening a card: it may go on to the PIN."""
    needs_pin: bool = False
    credential_id: bytes | None = field(default=None, repr=False)
    patron_id: str | None = None
    patron_name: str = ""
    reservations_ready: int | None = None
    cache_age: timedelta | None = None
    at: datetime | None = None
    pin: PinResult = PinResult.NOT_ENTERED
    repeats: int = 1
    """How many reads this evaluation stands for (a coalesced burst of unreadable reads)."""

    def refused(self, reason: Reason) -> Evaluation:
        """The same attempt, refused for `reason` (a grant the door could not carry out)."""
        version = self.decision.rule_set_version if self.decision is not None else ""
        return replace(self, decision=Decision(False, reason, version))



@dataclass(frozen=True, slots=True)
class EntryRef:
    """A committed entry row (and the statistic queued with it), to amend if need be."""

    entry_id: int
    statistic_key: str | None = None


@dataclass(frozen=True, slots=True)
class _Found:
    credential: Credential | None
    patron: Patron | None
    lockout: LockoutState


class AccessService:
    def __init__(
        self,
        loaded: LoadedConfig,
        sessions: sessionmaker[Session],
        hasher: KeyedHasher,
        clock: Clock,
        rule_set_version: str,
        faults: Faults,
    ) -> None:
        self.config = loaded.config
        self.sessions = sessions
        self.hasher = hasher
        self.clock = clock
        self.calendar = Calendar(self.config.calendar)
        self.rule_set_version = rule_set_version
        self.faults = faults
        """Any current fault puts the door out of service (the rules say so first)."""
        access = self.config.access
        self.policy = LockoutPolicy(access.pin_attempts, timedelta(minutes=access.lockout_minutes))
        self.throttle = ThrottlePolicy(
            access.throttle_failures, access.throttle_window, access.throttle_cooldown
        )
        self.throttled_until: datetime | None = None
        """The kiosk-wide PIN pause in force, for the technician screen and status."""
        self.clock_trust = CurrentTrust()
        """Whether the wall clock can date the cache (set by kiosk/services.py's owner)."""

    def credential_id(self, read: CardRead) -> bytes | None:
        if read.kind is CardKind.CPR:
            return self.hasher.credential_id("cpr", read.value)
        if read.kind is CardKind.CARD:
            return self.hasher.credential_id("card", normalise_card(read.value))
        return None

    def mode_at(self, now: datetime) -> Mode:
        return self.calendar.mode_at(now)

    def cache_age(self, session: Session, now: datetime) -> timedelta | None:
        text = queries.stored_state(session, LAST_SYNC_KEY)
        return now - datetime.fromisoformat(text) if text else None

    def screen_card(self, read: CardRead) -> Evaluation:
        evaluation, inp = self._evaluate(read, None)
        decision = screen_card(inp, self.config.access)
        if decision is None and not pin_required(inp.mode, self.config.access):
            decision = decide(inp, self.config.access)
        needs_pin = decision is None
        return replace(evaluation, decision=decision, needs_pin=needs_pin)

    def check_pin(self, read: CardRead, pin: str | None) -> Evaluation:
        evaluation, inp = self._evaluate(read, pin)
        return replace(evaluation, decision=decide(inp, self.config.access))

    def close(self) -> None:
        """Finish background work this service started (none here)."""

    def _evaluate(
        self, read: CardRead, pin: str | None, known: PinResult | None = None
    ) -> tuple[Evaluation, DecisionInput]:
        """Everything the rules need, from the cache; `known`: the PIN was already checked
        (by the library system, live)."""
        now = self.clock.now()
        cid = self.credential_id(read)
        with self.sessions() as session:
            found = self._find(session, cid, now)
            age = self.cache_age(session, now)
            throttled = self._throttled_until(session, now)
        patron = found.patron
        pin_result = known if known is not None else self._pin_result(patron, pin)
        mode = self.mode_at(now)
        inp = DecisionInput(
            now=now,
            mode=mode,
            readable=cid is not None,
            patron=_view(patron) if patron is not None else None,
            card_lost=found.credential is not None and found.credential.status == "lost",
            card_number=normalise_card(read.value) if read.kind is CardKind.CARD else None,
            pin=pin_result,
            failures=found.lockout.failures,
            locked_until=found.lockout.locked_until,
            throttled_until=throttled,
            out_of_service=self.faults.out_of_service,
            cache_stale=cache_stale(self.config.central, age, self.clock_trust.trusted),
            rule_set_version=self.rule_set_version,
        )
        evaluation = Evaluation(
            kind=read.kind,
            mode=mode,
            decision=None,
            credential_id=cid,
            patron_id=patron.patron_id if patron is not None else None,
            patron_name=patron.name if patron is not None else "",
            reservations_ready=patron.reservations_ready if patron is not None else None,
            cache_age=age,
            at=now,
            pin=pin_result,
            repeats=max(read.count, 1),  # a coalesced burst: one row, its count
        )
        return evaluation, inp

    def _throttled_until(self, session: Session, now: datetime) -> datetime | None:
        count, last = queries.pin_failures_between(session, now - self.throttle.window, now)
        until = throttle_until(count, last, self.throttle)
        active = until if until is not None and now < until else None
        if active is not None and self.throttled_until is None:
            log.warning("kiosk-wide PIN pause until %s: %d wrong PINs in %s",
                        active.isoformat(), count, self.throttle.window)
        elif active is None and self.throttled_until is not None:
            log.info("kiosk-wide PIN pause over")
        self.throttled_until = active
        return active

    def _find(self, session: Session, cid: bytes | None, now: datetime) -> _Found:
        if cid is None:
            return _Found(None, None, LockoutState())
        hit = queries.find_by_credential(session, cid)
        credential, patron = hit if hit is not None else (None, None)
        who = subject(patron.patron_id if patron is not None else None, cid)
        return _Found(credential, patron, queries.lockout_state(session, who, now, self.policy))

    def _pin_result(self, patron: Patron | None, pin: str | None) -> PinResult:
        if pin is None:
            return PinResult.NOT_ENTERED
        if patron is None or not pin_well_formed(pin, self.config.access.pin_length):
            return PinResult.WRONG  # the PIN pad sends pin_length ASCII digits, nothing else
        if patron.pin_verifier is None:
            # A synced patron sent without a PIN (docs/central-api.md); with SIP2 an empty
            # verifier means "not learned yet / cleared by a live wrong PIN" instead.
            sip2 = self.config.central.kind == "sip2"
            return PinResult.WRONG if sip2 else PinResult.NONE_ON_FILE
        right = self.hasher.verify(patron.pin_verifier, patron.patron_id, pin)
        return PinResult.RIGHT if right else PinResult.WRONG

    def record(self, evaluation: Evaluation) -> EntryRef | None:
        """Write the entry, count a wrong PIN (or clear the count), queue the statistic; in one
        transaction, committed when this returns the entry's id."""
        decision = evaluation.decision
        if decision is None:
            return None
        now = evaluation.at or self.clock.now()
        with self.sessions.begin() as session:
            entry = _entry(evaluation, decision, now)
            session.add(entry)
            session.flush()
            ref = EntryRef(entry.id)
            queries.bump_stat(session, now, "entry", str(decision.reason), by=evaluation.repeats)
            self._count_pin(session, evaluation, now)
            if self.config.central.kind == "http":
                # Only the sync API takes entry statistics; with SIP2 or no central they would
                # wait in the outbox forever. The local counts (stat_counts) are kept either way.
                statistic = _statistic(str(evaluation.mode), decision, now, evaluation.repeats)
                session.add(statistic)
                ref = EntryRef(entry.id, statistic.idempotency_key)
        log.info(
            "door %s: reason=%s mode=%s kind=%s patron=%s",
            "granted" if decision.granted else "denied",
            decision.reason,
            evaluation.mode,
            evaluation.kind,
            evaluation.patron_id or "-",
        )
        return ref

    def amend(self, ref: EntryRef, evaluation: Evaluation) -> None:
        """A grant the relay did not carry out: its row, its count and its statistic say so."""
        decision = evaluation.decision
        assert decision is not None  # only decided attempts have rows
        with self.sessions.begin() as session:
            entry = session.get(EntryLog, ref.entry_id)
            if entry is not None:
                queries.bump_stat(session, entry.at, "entry", entry.reason, by=-1)
                queries.bump_stat(session, entry.at, "entry", str(decision.reason))
                entry.granted = decision.granted
                entry.reason = str(decision.reason)
                if ref.statistic_key is not None:
                    _amend_statistic(session, ref.statistic_key, decision, entry)
        log.warning("door grant not carried out: reason=%s", decision.reason)

    def _count_pin(self, session: Session, evaluation: Evaluation, now: datetime) -> None:
        who = subject(evaluation.patron_id, evaluation.credential_id)
        if who is None or evaluation.pin in (
            PinResult.NOT_ENTERED, PinResult.NOT_REQUIRED, PinResult.NONE_ON_FILE
        ):
            return
        if evaluation.pin is PinResult.WRONG:
            count_wrong_pin(session, who, self.policy, now)
        elif not queries.lockout_state(session, who, now, self.policy).is_locked(now):
            # A right PIN typed during a lock must not lift it: that would tell the next try.
            queries.save_lockout(session, who, after_right_pin(), now, self.policy)


def count_wrong_pin(session: Session, who: str, policy: LockoutPolicy, now: datetime) -> None:
    """One more wrong PIN for `who` (a patron, across all their cards)."""
    state = queries.lockout_state(session, who, now, policy)
    if state.is_locked(now):
        return  # typing on while locked must not stretch the lock
    queries.save_lockout(session, who, after_wrong_pin(state, policy, now), now, policy)


def _view(patron: Patron) -> PatronView:
    return PatronView(
        patron_id=patron.patron_id,
        name=patron.name,
        birth_date=patron.birth_date,
        patron_group=patron.patron_group,
        blocked_reason=patron.blocked_reason,
        debt_dkk=patron.debt_dkk,
        opt_in=patron.opt_in,
        reservations_ready=patron.reservations_ready,
    )


def _entry(evaluation: Evaluation, decision: Decision, now: datetime) -> EntryLog:
    age = evaluation.cache_age
    return EntryLog(
        at=now,
        mode=str(evaluation.mode),
        reason=str(decision.reason),
        granted=decision.granted,
        credential_kind=str(evaluation.kind),
        patron_id=evaluation.patron_id,
        rule_set_version=decision.rule_set_version,
        cache_age_s=int(age.total_seconds()) if age is not None else None,
        technician=decision.technician,
        repeats=evaluation.repeats,
    )


def _statistic_payload(mode: str, decision: Decision, at: datetime, count: int = 1) -> str:
    # Statistics for the central system carry no person: hour, mode and reason only; `count`
    # when the decision stands for a burst of reads (docs/central-api.md).
    payload: dict[str, object] = {
        "at": at.astimezone(UTC).isoformat(),
        "mode": mode,
        "reason": str(decision.reason),
        "granted": decision.granted,
    }
    if count > 1:
        payload["count"] = count
    return json.dumps(payload)


def _statistic(mode: str, decision: Decision, now: datetime, count: int = 1) -> OutboxItem:
    return OutboxItem(
        idempotency_key=str(uuid.uuid4()),
        kind="entry",
        payload=_statistic_payload(mode, decision, now, count),
        created_at=now,
        attempts=0,
    )


def _amend_statistic(session: Session, key: str, decision: Decision, entry: EntryLog) -> None:
    item = session.scalar(select(OutboxItem).where(OutboxItem.idempotency_key == key))
    if item is not None and item.sent_at is None:
        item.payload = _statistic_payload(entry.mode, decision, entry.at)
    else:  # already with the central: one more event says what really happened
        session.add(_statistic(entry.mode, decision, entry.at))

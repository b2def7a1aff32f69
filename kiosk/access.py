"""The access service: answers the flow's questions from the cache and records what happened.

`screen_card` and `check_pin` only read (so `kiosk explain` can use them); `record` writes the
entry log, the lockout counter and the statistics outbox item in one transaction.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from drivers.types import CardKind, CardRead
from kiosk.cache import queries
from kiosk.cache.models import Credential, EntryLog, OutboxItem, Patron
from kiosk.cache.patrons import debt_dkk
from kiosk.clock import Clock
from kiosk.config import LoadedConfig
from kiosk.credentials import normalise_card
from kiosk.flow import Evaluation
from kiosk.keyed_hash import KeyedHasher
from kiosk.lockout import (
    LockoutPolicy,
    LockoutState,
    ThrottlePolicy,
    after_right_pin,
    after_wrong_pin,
    throttle_until,
)
from kiosk.rules import (
    Decision,
    DecisionInput,
    PatronView,
    PinResult,
    decide,
    pin_required,
    screen_card,
)
from kiosk.schedule import Calendar, Mode

log = logging.getLogger(__name__)
LAST_SYNC_KEY = "last_sync_success"


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
        out_of_service: Callable[[], bool] = lambda: False,
    ) -> None:
        self.config = loaded.config
        self.sessions = sessions
        self.hasher = hasher
        self.clock = clock
        self.calendar = Calendar(self.config.calendar)
        self.rule_set_version = rule_set_version
        self.out_of_service = out_of_service
        access = self.config.access
        self.policy = LockoutPolicy(access.pin_attempts, timedelta(minutes=access.lockout_minutes))
        self.throttle = ThrottlePolicy(
            access.throttle_failures, access.throttle_window, access.throttle_cooldown
        )
        self.throttled_until: datetime | None = None
        """The kiosk-wide PIN pause in force, for the technician screen and status."""

    def credential_id(self, read: CardRead) -> bytes | None:
        if read.kind is CardKind.CPR:
            return self.hasher.credential_id("cpr", read.value)
        if read.kind is CardKind.CARD:
            return self.hasher.credential_id("card", normalise_card(read.value))
        return None

    def mode_at(self, now: datetime) -> Mode:
        return self.calendar.mode_at(now)

    def cache_age(self, session: Session, now: datetime) -> timedelta | None:
        text = queries.get_state(session, LAST_SYNC_KEY)
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

    def _evaluate(self, read: CardRead, pin: str | None) -> tuple[Evaluation, DecisionInput]:
        now = self.clock.now()
        cid = self.credential_id(read)
        with self.sessions() as session:
            found = self._find(session, cid)
            age = self.cache_age(session, now)
            throttled = self._throttled_until(session, now)
        patron = found.patron
        pin_result = self._pin_result(patron, pin)
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
            out_of_service=self.out_of_service(),
            cache_stale=self._stale(age),
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
        )
        return evaluation, inp

    def _throttled_until(self, session: Session, now: datetime) -> datetime | None:
        count, last = queries.pin_failures_since(session, now - self.throttle.window)
        until = throttle_until(count, last, self.throttle)
        active = until if until is not None and now < until else None
        if active is not None and self.throttled_until is None:
            log.warning("kiosk-wide PIN pause until %s: %d wrong PINs in %s",
                        active.isoformat(), count, self.throttle.window)
        elif active is None and self.throttled_until is not None:
            log.info("kiosk-wide PIN pause over")
        self.throttled_until = active
        return active

    def _find(self, session: Session, cid: bytes | None) -> _Found:
        if cid is None:
            return _Found(None, None, LockoutState())
        hit = queries.find_by_credential(session, cid)
        lockout = queries.lockout_state(session, cid)
        if hit is None:
            return _Found(None, None, lockout)
        return _Found(hit[0], hit[1], lockout)

    def _pin_result(self, patron: Patron | None, pin: str | None) -> PinResult:
        if pin is None:
            return PinResult.NOT_ENTERED
        if patron is None or patron.pin_verifier is None:
            return PinResult.WRONG
        right = self.hasher.verify(patron.pin_verifier, patron.patron_id, pin)
        return PinResult.RIGHT if right else PinResult.WRONG

    def _stale(self, age: timedelta | None) -> bool:
        central = self.config.central
        if central.kind == "none" or central.stale_policy != "deny_all":
            return False
        return age is None or age > central.max_cache_age

    def record(self, evaluation: Evaluation) -> None:
        """Write the entry, count a wrong PIN (or clear the count), queue the statistic."""
        decision = evaluation.decision
        if decision is None:
            return
        now = evaluation.at or self.clock.now()
        with self.sessions.begin() as session:
            session.add(_entry(evaluation, decision, now))
            queries.bump_stat(session, now, "entry", str(decision.reason))
            self._count_pin(session, evaluation, now)
            if self.config.central.kind == "http":
                # Only the sync API takes entry statistics; with SIP2 or no central they would
                # wait in the outbox forever. The local counts (stat_counts) are kept either way.
                session.add(_statistic(evaluation, decision, now))
        log.info(
            "door %s: reason=%s mode=%s kind=%s patron=%s",
            "granted" if decision.granted else "denied",
            decision.reason,
            evaluation.mode,
            evaluation.kind,
            evaluation.patron_id or "-",
        )

    def _count_pin(self, session: Session, evaluation: Evaluation, now: datetime) -> None:
        cid = evaluation.credential_id
        if cid is None or evaluation.pin in (PinResult.NOT_ENTERED, PinResult.NOT_REQUIRED):
            return
        state = queries.lockout_state(session, cid)
        if evaluation.pin is PinResult.WRONG:
            if state.is_locked(now):
                return  # typing on while locked must not stretch the lock
            queries.save_lockout(session, cid, after_wrong_pin(state, self.policy, now), now)
        else:
            queries.save_lockout(session, cid, after_right_pin(), now)
            self._upgrade_verifier(session, evaluation.patron_id)

    def _upgrade_verifier(self, session: Session, patron_id: str | None) -> None:
        patron = session.get(Patron, patron_id) if patron_id else None
        if patron is not None and patron.pin_verifier and patron.pin_verifier.startswith("hk1$"):
            patron.pin_verifier = self.hasher.upgrade(patron.pin_verifier)


def _view(patron: Patron) -> PatronView:
    return PatronView(
        patron_id=patron.patron_id,
        name=patron.name,
        birth_date=patron.birth_date,
        patron_group=patron.patron_group,
        blocked_reason=patron.blocked_reason,
        debt_dkk=debt_dkk(patron),
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
    )


def _statistic(evaluation: Evaluation, decision: Decision, now: datetime) -> OutboxItem:
    # Statistics for the central system carry no person: hour, mode and reason only.
    payload = {
        "at": now.astimezone(UTC).isoformat(),
        "mode": str(evaluation.mode),
        "reason": str(decision.reason),
        "granted": decision.granted,
    }
    return OutboxItem(
        idempotency_key=str(uuid.uuid4()),
        kind="entry",
        payload=json.dumps(payload),
        created_at=now,
        attempts=0,
    )

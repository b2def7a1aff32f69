"""PIN attempt policy: N wrong PINs in a row lock a patron (all their cards) for M minutes. Pure.

A series of wrong PINs counts for `lock_for` after the last one: an old series is over, and
its row is purged (kiosk/privacy/retention.py) once it expires."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    attempts: int = 5
    lock_for: timedelta = timedelta(minutes=30)


@dataclass(frozen=True, slots=True)
class LockoutState:
    failures: int = 0
    """Wrong PINs in a row since the last success or lock."""
    locked_until: datetime | None = None

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def attempts_left(self, policy: LockoutPolicy, now: datetime) -> int:
        return 0 if self.is_locked(now) else max(policy.attempts - self.failures, 0)


def after_wrong_pin(state: LockoutState, policy: LockoutPolicy, now: datetime) -> LockoutState:
    if state.locked_until is not None and now >= state.locked_until:
        state = LockoutState()  # the lock ran out: a fresh series of attempts
    failures = state.failures + 1
    if failures >= policy.attempts:
        return LockoutState(0, now + policy.lock_for)
    return LockoutState(failures, state.locked_until)


def after_right_pin() -> LockoutState:
    return LockoutState()


def subject(patron_id: str | None, credential_id: bytes | None) -> str | None:
    """Whose wrong PINs are counted: the patron's, whatever card they used; a card the cache
    does not know by its keyed hash. None when there is nothing to count against."""
    if patron_id is not None:
        return f"patron:{patron_id}"
    if credential_id is not None:
        return f"credential:{credential_id.hex()}"
    return None


def effective(
    state: LockoutState, updated_at: datetime, now: datetime, policy: LockoutPolicy
) -> LockoutState:
    """The stored state as it counts at `now`.

    A series whose last wrong PIN is more than `lock_for` ago (and no lock in force) is over.
    A row stamped after `now` (a clock that was ahead) is not counted into the future: its
    lock lasts at most one lock from now."""
    if updated_at > now and state.locked_until is not None:
        state = LockoutState(state.failures, min(state.locked_until, now + policy.lock_for))
    if state.is_locked(now) or now - updated_at < policy.lock_for:
        return state
    return LockoutState()


def expires_at(state: LockoutState, now: datetime, policy: LockoutPolicy) -> datetime:
    """When the row stops mattering: the end of the lock, or `lock_for` after this PIN."""
    return max(state.locked_until or now, now + policy.lock_for)


@dataclass(frozen=True, slots=True)
class ThrottlePolicy:
    """Kiosk-wide: many wrong PINs across cards in a short time slow everyone down a little.

    Guessing PINs on a stack of found cards gets a growing pause; an honest patron meets at
    most a minute or two (reference/reliability.md: > 20 failures / 10 min -> 60 s)."""

    failures: int = 20
    window: timedelta = timedelta(minutes=10)
    cooldown: timedelta = timedelta(seconds=60)
    cap: timedelta = timedelta(minutes=10)


def throttle_until(
    failures_in_window: int, last_failure: datetime | None, policy: ThrottlePolicy
) -> datetime | None:
    """Until when new attempts wait, or None. Every 10 failures more doubles the pause."""
    if last_failure is None or failures_in_window < policy.failures:
        return None
    doublings = min((failures_in_window - policy.failures) // 10, 16)
    pause: timedelta = min(policy.cooldown * (2**doublings), policy.cap)
    return last_failure + pause

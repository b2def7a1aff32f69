"""The door decision: `decide(...)` -> Decision. Pure: everything it needs is passed in.

The order of the checks is the two visible tuples below. Card checks run as soon as a card is
read (so a lost card is refused before a PIN is asked for); patron checks run only after the PIN
is right, so a stranger holding a card learns nothing about its owner.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Final

from kiosk.access.credentials import age_on
from kiosk.config.models import AccessSection, CentralSection, KioskConfig
from kiosk.reasons import Reason
from kiosk.schedule import Mode


class PinResult(StrEnum):
    NOT_ENTERED = "not_entered"
    NOT_REQUIRED = "not_required"
    RIGHT = "right"
    WRONG = "wrong"
    NONE_ON_FILE = "none_on_file"
    """The central sent the patron without a PIN: nothing to check against (issue 14)."""


@dataclass(frozen=True, slots=True)
class PatronView:
    """What the rules need to know about a patron; no CPR, no PIN."""

    patron_id: str
    name: str = ""
    birth_date: date | None = None
    patron_group: str = ""
    blocked_reason: str | None = None
    debt_dkk: Decimal = Decimal("0")
    opt_in: bool = False
    reservations_ready: int | None = None


@dataclass(frozen=True, slots=True)
class DecisionInput:
    now: datetime
    mode: Mode
    readable: bool = True
    patron: PatronView | None = None
    card_lost: bool = False
    card_number: str | None = None
    """Plain card number when the credential is a card (for the local lists); never a CPR."""
    pin: PinResult = PinResult.NOT_ENTERED
    failures: int = 0
    """Wrong PINs in a row before this attempt."""
    locked_until: datetime | None = None
    throttled_until: datetime | None = None
    """Kiosk-wide pause after many wrong PINs across cards."""
    out_of_service: bool = False
    cache_stale: bool = False
    """The cache is older than allowed and the stale policy is deny_all."""
    unverifiable: bool = False
    """SIP2 learned cache: offline and no verification young enough for this credential."""
    rule_set_version: str = ""


@dataclass(frozen=True, slots=True)
class Decision:
    granted: bool
    reason: Reason
    rule_set_version: str = ""
    attempts_left: int | None = None
    locked_until: datetime | None = field(default=None, compare=False)
    technician: bool = False


Check = Callable[[DecisionInput, AccessSection], Reason | None]


def _out_of_service(i: DecisionInput, _: AccessSection) -> Reason | None:
    return Reason.OUT_OF_SERVICE if i.out_of_service else None


def _unreadable(i: DecisionInput, _: AccessSection) -> Reason | None:
    return None if i.readable else Reason.UNREADABLE_CARD


def _technician(i: DecisionInput, rules: AccessSection) -> Reason | None:
    return Reason.OK if is_technician(i.card_number, rules) else None


def _banned(i: DecisionInput, rules: AccessSection) -> Reason | None:
    if i.card_number is not None and i.card_number in rules.banned_cards:
        return Reason.BANNED
    if i.patron is not None and i.patron.patron_id in rules.banned_patrons:
        return Reason.BANNED
    return None


def _closed(i: DecisionInput, _: AccessSection) -> Reason | None:
    return Reason.OUTSIDE_HOURS if i.mode is Mode.CLOSED else None


def _stale(i: DecisionInput, _: AccessSection) -> Reason | None:
    return Reason.CACHE_STALE if i.cache_stale else None


def _unknown(i: DecisionInput, _: AccessSection) -> Reason | None:
    if i.unverifiable:
        return Reason.CANNOT_VERIFY
    return Reason.UNKNOWN_CARD if i.patron is None else None


def _lost(i: DecisionInput, _: AccessSection) -> Reason | None:
    return Reason.CARD_LOST if i.card_lost else None


def _locked(i: DecisionInput, _: AccessSection) -> Reason | None:
    locked = i.locked_until is not None and i.now < i.locked_until
    return Reason.PIN_LOCKED if locked else None


def _throttled(i: DecisionInput, _: AccessSection) -> Reason | None:
    paused = i.throttled_until is not None and i.now < i.throttled_until
    return Reason.THROTTLED if paused else None


def _pin(i: DecisionInput, rules: AccessSection) -> Reason | None:
    if i.pin is PinResult.NONE_ON_FILE:
        return Reason.CANNOT_VERIFY  # docs/central-api.md: not wrong_pin, no lockout count
    if i.pin is not PinResult.WRONG:
        return None
    return Reason.PIN_LOCKED if i.failures + 1 >= rules.pin_attempts else Reason.WRONG_PIN


def _blocked(i: DecisionInput, rules: AccessSection) -> Reason | None:
    code = i.patron.blocked_reason if i.patron else None
    if code is None:
        return None
    denies = "*" in rules.blocking_codes or code in rules.blocking_codes
    return Reason.PATRON_BLOCKED if denies else None


def _debt(i: DecisionInput, rules: AccessSection) -> Reason | None:
    over = i.patron is not None and i.patron.debt_dkk > rules.max_debt_dkk
    return Reason.DEBT_OVER_LIMIT if over else None


def _age(i: DecisionInput, rules: AccessSection) -> Reason | None:
    birth = i.patron.birth_date if i.patron else None
    if birth is None:
        return None  # no birth date known: the central system vouched for the patron
    return Reason.UNDER_AGE if age_on(birth, i.now.date()) < rules.min_age else None


def _opt_in(i: DecisionInput, rules: AccessSection) -> Reason | None:
    missing = rules.require_opt_in and i.patron is not None and not i.patron.opt_in
    return Reason.NOT_OPTED_IN if missing else None


def _group(i: DecisionInput, rules: AccessSection) -> Reason | None:
    if not rules.allowed_groups or i.patron is None:
        return None
    return None if i.patron.patron_group in rules.allowed_groups else Reason.GROUP_NOT_ALLOWED


CARD_CHECKS: Final[tuple[Check, ...]] = (
    _unreadable, _technician, _out_of_service, _banned, _closed, _stale, _unknown, _lost, _locked,
    _throttled,
)
PATRON_CHECKS: Final[tuple[Check, ...]] = (_pin, _blocked, _debt, _age, _opt_in, _group)


def cache_stale(
    central: CentralSection, age: timedelta | None, clock_trusted: bool = True
) -> bool:
    """The cache is too old to decide from and the stale policy is deny_all.

    An age below zero means the wall clock is behind the last sync (a clock reset to 1970);
    a clock that is not trusted (kiosk/health/clock_trust.py: stepped, set back, off too long)
    cannot say how old the cache is either. Either way the age is unknown, which counts as
    stale, never as fresh.
    """
    if central.kind == "none" or central.stale_policy != "deny_all":
        return False
    unknown = age is None or age < timedelta(0) or not clock_trusted
    return unknown or age is None or age > central.max_cache_age


def is_technician(card_number: str | None, rules: AccessSection) -> bool:
    return card_number is not None and card_number in rules.technician_cards


def pin_required(mode: Mode, rules: AccessSection) -> bool:
    return mode is Mode.SELF_SERVICE or (mode is Mode.STAFFED and rules.staffed_door == "card_pin")


def screen_card(i: DecisionInput, rules: AccessSection) -> Decision | None:
    """Checks that need no PIN; None means the card may go on (to the PIN, or to decide())."""
    if i.mode is Mode.STAFFED and rules.staffed_door == "free" and not i.out_of_service:
        return _decision(i, rules, Reason.OK)
    for check in CARD_CHECKS:
        reason = check(i, rules)
        if reason is not None:
            return _decision(i, rules, reason)
    return None


def decide(i: DecisionInput, rules: AccessSection) -> Decision:
    """The full decision for a card (and PIN, when one was entered)."""
    early = screen_card(i, rules)
    if early is not None:
        return early
    checks = PATRON_CHECKS if i.mode is Mode.SELF_SERVICE else (_pin,)
    for check in checks:
        reason = check(i, rules)
        if reason is not None:
            return _decision(i, rules, reason)
    return _decision(i, rules, Reason.OK)


def _decision(i: DecisionInput, rules: AccessSection, reason: Reason) -> Decision:
    attempts_left = None
    locked_until = i.locked_until if reason is Reason.PIN_LOCKED else None
    if reason is Reason.WRONG_PIN:
        attempts_left = rules.pin_attempts - i.failures - 1
    elif reason is Reason.PIN_LOCKED:
        attempts_left = 0
        if i.pin is PinResult.WRONG and (locked_until is None or locked_until <= i.now):
            locked_until = i.now + timedelta(minutes=rules.lockout_minutes)
    return Decision(
        granted=reason is Reason.OK,
        reason=reason,
        rule_set_version=i.rule_set_version,
        attempts_left=attempts_left,
        locked_until=locked_until,
        technician=reason is Reason.OK and is_technician(i.card_number, rules),
    )


def rule_set_version(config: KioskConfig) -> str:
    """Short fingerprint of the rules and calendar that decided: recorded with every entry."""
    relevant = {"access": config.access, "calendar": config.calendar, "central": config.central}
    text = json.dumps(
        {k: v.model_dump(mode="json") for k, v in relevant.items()}, sort_keys=True
    )
    return hashlib.sha256(text.encode()).hexdigest()[:12]

"""decide() and screen_card(): one row per reason code of CONTRACT.md, plus the edges."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, NamedTuple

import pytest

from kiosk.access.rules import DecisionInput, PatronView, PinResult, decide, screen_card
from kiosk.clock import COPENHAGEN
from kiosk.config.models import AccessSection
from kiosk.reasons import LANGS, Reason, patron_text
from kiosk.schedule import Mode

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=COPENHAGEN)
CARD = "3300001234"
ADULT = PatronView(
    patron_id="1000123", name="Anna Jensen", birth_date=date(1990, 5, 17),
    patron_group="adult", opt_in=True,
)
# CONTRACT.md "Decision JSON": the stable codes, written out so a renamed code fails here.
CONTRACT_CODES = {
    "ok", "unknown_card", "unreadable_card", "card_lost", "patron_blocked", "debt_over_limit",
    "under_age", "not_opted_in", "group_not_allowed", "banned", "wrong_pin", "pin_locked",
    "outside_hours", "out_of_service", "cache_stale", "cannot_verify",
    "throttled",  # added to CONTRACT.md's list with the kiosk-wide PIN pause (issue 7)
    "relay_fault",  # CONTRACT.md: a grant the relay did not take
}
NOT_FROM_THE_RULES = {"relay_fault"}
"""Made by the door flow after the rules granted (tests/kiosk/door/test_flow.py)."""


class Row(NamedTuple):
    inp: dict[str, Any]
    patron: dict[str, Any]
    rules: dict[str, Any]
    reason: Reason
    attempts_left: int | None = None


def _input(row: Row) -> DecisionInput:
    base = DecisionInput(
        now=NOW, mode=Mode.SELF_SERVICE, patron=replace(ADULT, **row.patron),
        card_number=CARD, pin=PinResult.RIGHT, rule_set_version="v1",
    )
    return replace(base, **row.inp)


def _rules(**changes: Any) -> AccessSection:
    # The shipped defaults: min_age 15, max debt 100, opt-in required, 5 attempts, 30 min.
    return AccessSection(**changes)


ROWS: dict[str, Row] = {
    "ok": Row({}, {}, {}, Reason.OK),
    "unknown_card": Row({"patron": None}, {}, {}, Reason.UNKNOWN_CARD),
    "unreadable_card": Row(
        {"readable": False, "patron": None, "card_number": None}, {}, {}, Reason.UNREADABLE_CARD
    ),
    "card_lost": Row({"card_lost": True}, {}, {}, Reason.CARD_LOST),
    "patron_blocked-any_code": Row({}, {"blocked_reason": "F"}, {}, Reason.PATRON_BLOCKED),
    "patron_blocked-listed_code": Row(
        {}, {"blocked_reason": "E"}, {"blocking_codes": ("E",)}, Reason.PATRON_BLOCKED
    ),
    "block_code_not_listed-allowed": Row(
        {}, {"blocked_reason": "F"}, {"blocking_codes": ("E",)}, Reason.OK
    ),
    "debt-100.00-allowed": Row({}, {"debt_dkk": Decimal("100.00")}, {}, Reason.OK),
    "debt_over_limit-100.01": Row({}, {"debt_dkk": Decimal("100.01")}, {}, Reason.DEBT_OVER_LIMIT),
    "age-15_today-allowed": Row({}, {"birth_date": date(2011, 11, 21)}, {}, Reason.OK),
    "under_age-15_tomorrow": Row({}, {"birth_date": date(2011, 11, 22)}, {}, Reason.UNDER_AGE),
    "no_birth_date-allowed": Row({}, {"birth_date": None}, {}, Reason.OK),
    "not_opted_in": Row({}, {"opt_in": False}, {}, Reason.NOT_OPTED_IN),
    "opt_in_not_required": Row({}, {"opt_in": False}, {"require_opt_in": False}, Reason.OK),
    "group_not_allowed": Row(
        {}, {"patron_group": "child"}, {"allowed_groups": ("adult",)}, Reason.GROUP_NOT_ALLOWED
    ),
    "group_allowed": Row({}, {}, {"allowed_groups": ("adult", "senior")}, Reason.OK),
    "banned-card": Row({}, {}, {"banned_cards": (CARD,)}, Reason.BANNED),
    "banned-patron": Row(
        {"card_number": None}, {}, {"banned_patrons": ("1000123",)}, Reason.BANNED
    ),
    "wrong_pin-first": Row({"pin": PinResult.WRONG}, {}, {}, Reason.WRONG_PIN, 4),
    "wrong_pin-fourth": Row({"pin": PinResult.WRONG, "failures": 3}, {}, {}, Reason.WRONG_PIN, 1),
    "pin_locked-fifth_wrong": Row(
        {"pin": PinResult.WRONG, "failures": 4}, {}, {}, Reason.PIN_LOCKED, 0
    ),
    "pin_locked-already_locked_right_pin": Row(
        {"locked_until": NOW + timedelta(minutes=10)}, {}, {}, Reason.PIN_LOCKED, 0
    ),
    "lock_ran_out-allowed": Row({"locked_until": NOW - timedelta(seconds=1)}, {}, {}, Reason.OK),
    "outside_hours": Row({"mode": Mode.CLOSED}, {}, {}, Reason.OUTSIDE_HOURS),
    "out_of_service": Row({"out_of_service": True}, {}, {}, Reason.OUT_OF_SERVICE),
    "cache_stale": Row({"cache_stale": True}, {}, {}, Reason.CACHE_STALE),
    "cannot_verify": Row({"unverifiable": True, "patron": None}, {}, {}, Reason.CANNOT_VERIFY),
    "technician_card-closed": Row(
        {"mode": Mode.CLOSED, "patron": None, "pin": PinResult.NOT_ENTERED},
        {}, {"technician_cards": (CARD,)}, Reason.OK,
    ),
    "staffed-card_only-no_pin_no_patron_checks": Row(
        {"mode": Mode.STAFFED, "pin": PinResult.NOT_ENTERED},
        {"birth_date": date(2015, 1, 1), "opt_in": False}, {"staffed_door": "card_only"},
        Reason.OK,
    ),
    "staffed-card_only-unknown_card": Row(
        {"mode": Mode.STAFFED, "pin": PinResult.NOT_ENTERED, "patron": None},
        {}, {"staffed_door": "card_only"}, Reason.UNKNOWN_CARD,
    ),
    "staffed-card_only-lost_card": Row(
        {"mode": Mode.STAFFED, "pin": PinResult.NOT_ENTERED, "card_lost": True},
        {}, {"staffed_door": "card_only"}, Reason.CARD_LOST,
    ),
    "staffed-free-unknown_card_allowed": Row(
        {"mode": Mode.STAFFED, "pin": PinResult.NOT_ENTERED, "patron": None},
        {}, {"staffed_door": "free"}, Reason.OK,
    ),
    "staffed-card_pin-wrong_pin": Row(
        {"mode": Mode.STAFFED, "pin": PinResult.WRONG},
        {}, {"staffed_door": "card_pin"}, Reason.WRONG_PIN, 4,
    ),
    "throttled": Row(
        {"throttled_until": NOW + timedelta(seconds=30)}, {}, {}, Reason.THROTTLED
    ),
    "throttle_over": Row({"throttled_until": NOW}, {}, {}, Reason.OK),
    "staffed-card_pin-right_pin": Row(
        {"mode": Mode.STAFFED}, {}, {"staffed_door": "card_pin"}, Reason.OK,
    ),
}


@pytest.mark.parametrize("row", ROWS.values(), ids=ROWS.keys())
def test_decide(row: Row) -> None:
    decision = decide(_input(row), _rules(**row.rules))
    assert decision.reason is row.reason
    assert decision.granted is (row.reason is Reason.OK)
    assert decision.attempts_left == row.attempts_left
    assert decision.rule_set_version == "v1"


def test_the_table_covers_every_contract_code() -> None:
    assert {str(r) for r in Reason} == CONTRACT_CODES
    assert {str(row.reason) for row in ROWS.values()} == CONTRACT_CODES - NOT_FROM_THE_RULES


def test_fifth_wrong_pin_locks_for_lockout_minutes() -> None:
    inp = replace(_input(ROWS["ok"]), pin=PinResult.WRONG, failures=4)
    decision = decide(inp, _rules(lockout_minutes=30))
    assert decision.locked_until == NOW + timedelta(minutes=30)


def test_technician_card_is_flagged() -> None:
    row = ROWS["technician_card-closed"]
    assert decide(_input(row), _rules(**row.rules)).technician is True
    assert decide(_input(ROWS["ok"]), _rules()).technician is False


HIDDEN = {
    "blocked": {"blocked_reason": "F"},
    "debt": {"debt_dkk": Decimal("500")},
    "under_age": {"birth_date": date(2016, 1, 1)},
    "not_opted_in": {"opt_in": False},
}


@pytest.mark.parametrize("patron_change", HIDDEN.values(), ids=HIDDEN.keys())
def test_patron_checks_are_not_revealed_before_a_right_pin(patron_change: dict[str, Any]) -> None:
    row = Row({"pin": PinResult.NOT_ENTERED}, patron_change, {}, Reason.OK)
    # Screening the card alone asks for the PIN rather than telling a stranger about the owner.
    assert screen_card(_input(row), _rules()) is None
    wrong = decide(replace(_input(row), pin=PinResult.WRONG), _rules())
    assert wrong.reason is Reason.WRONG_PIN
    right = decide(replace(_input(row), pin=PinResult.RIGHT), _rules())
    assert right.reason is not Reason.OK


@pytest.mark.parametrize("reason", list(Reason), ids=str)
def test_every_reason_has_patron_text_in_both_languages(reason: Reason) -> None:
    text = patron_text(reason)
    assert set(text) == set(LANGS)
    assert all(len(text[lang]) > 10 for lang in LANGS)
    assert text["da"] != text["en"]


def test_wrong_pin_text_says_how_many_attempts_are_left() -> None:
    text = patron_text(Reason.WRONG_PIN, 2)
    assert "2 forsøg" in text["da"]
    assert "2 attempts left" in text["en"]
    assert "1 attempt left" in patron_text(Reason.WRONG_PIN, 1)["en"]

"""Issue 13: one lockout per patron across all their cards (it was per credential: 5 guesses on
the CPR, 5 more on each library card), wrong PINs stamped in the future not counted into the
future, and a lockout row that goes once its window is over."""

from __future__ import annotations

from datetime import timedelta

import pytest
from kioskkit import SELF_SERVICE_AT, patron
from sqlalchemy import func, select

from drivers.cardparse import parse_card
from kiosk.access.lockout import LockoutPolicy, LockoutState, effective
from kiosk.cache.models import Lockout
from kiosk.cache.patrons import apply_records
from kiosk.clock import FixedClock
from kiosk.reasons import Reason
from kiosk.services import Services

CPR, CARD_A, CARD_B = "1705901234", "3300001234", "3300005555"
READS = [parse_card(CPR), parse_card(CARD_A), parse_card(CARD_B)]


@pytest.fixture
def anna(services: Services) -> Services:
    with services.sessions.begin() as session:
        apply_records(session, [patron(cards=[{"number": CARD_A}, {"number": CARD_B}])],
                      services.hasher, today=services.clock.now().date())
    return services


def _try(services: Services, read_index: int, pin: str) -> Reason:
    evaluation = services.access.check_pin(READS[read_index], pin)
    services.access.record(evaluation)
    assert evaluation.decision is not None
    return evaluation.decision.reason


def _lockout_rows(services: Services) -> int:
    with services.sessions() as session:
        return session.scalar(select(func.count()).select_from(Lockout)) or 0


def test_five_wrong_pins_spread_over_three_cards_lock_the_patron(anna: Services) -> None:
    reasons = [_try(anna, n % 3, "0000") for n in range(5)]
    assert reasons == [Reason.WRONG_PIN] * 4 + [Reason.PIN_LOCKED]
    for index in range(3):  # every card of hers is locked now, the right PIN included
        assert _try(anna, index, "1234") is Reason.PIN_LOCKED
    assert _lockout_rows(anna) == 1


def test_attempts_left_count_across_cards(anna: Services) -> None:
    _try(anna, 0, "0000")
    _try(anna, 1, "0000")
    decision = anna.access.check_pin(READS[2], "0000").decision
    assert decision is not None
    assert decision.attempts_left == 2


def test_a_right_pin_on_any_card_clears_the_series(anna: Services) -> None:
    for n in range(4):
        _try(anna, n % 3, "0000")
    assert _try(anna, 2, "1234") is Reason.OK
    assert _lockout_rows(anna) == 0
    assert _try(anna, 0, "0000") is Reason.WRONG_PIN


def test_wrong_pins_stop_counting_when_the_window_is_over(anna: Services) -> None:
    clock = anna.clock
    assert isinstance(clock, FixedClock)
    for n in range(4):
        _try(anna, n % 3, "0000")
    clock.advance(31 * 60)  # access.lockout_minutes = 30 after the last wrong PIN
    decision = anna.access.check_pin(READS[0], "0000").decision
    assert decision is not None
    assert decision.attempts_left == 4  # a fresh series, not the fifth of the old one


POLICY = LockoutPolicy(5, timedelta(minutes=30))


def test_a_lock_stamped_in_the_future_lasts_no_longer_than_one_lock_from_now() -> None:
    now = SELF_SERVICE_AT
    stamped_tomorrow = LockoutState(0, now + timedelta(days=1, minutes=30))
    seen = effective(stamped_tomorrow, updated_at=now + timedelta(days=1), now=now,
                     policy=POLICY)
    assert seen.locked_until == now + timedelta(minutes=30)


def test_an_old_series_is_over_and_a_current_one_is_kept() -> None:
    now = SELF_SERVICE_AT
    four = LockoutState(4, None)
    assert effective(four, updated_at=now - timedelta(minutes=31), now=now,
                     policy=POLICY) == LockoutState()
    assert effective(four, updated_at=now - timedelta(minutes=29), now=now,
                     policy=POLICY) == four

"""PIN lockout: the pure policy, and `kiosk attempt` runs that lock a card across restarts."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from kioskkit import CONTRACT_PATRON, SELF_SERVICE_AT, KioskCli, write_jsonl

from kiosk.access.lockout import LockoutPolicy, LockoutState, after_right_pin, after_wrong_pin

POLICY = LockoutPolicy(attempts=5, lock_for=timedelta(minutes=30))
T0 = SELF_SERVICE_AT


def test_five_wrong_pins_lock_and_a_right_pin_resets() -> None:
    state = LockoutState()
    for n in range(1, 5):
        state = after_wrong_pin(state, POLICY, T0)
        assert (state.failures, state.locked_until) == (n, None)
        assert state.attempts_left(POLICY, T0) == 5 - n
    state = after_wrong_pin(state, POLICY, T0)
    assert state.locked_until == T0 + timedelta(minutes=30)
    assert state.is_locked(T0 + timedelta(minutes=29, seconds=59))
    assert not state.is_locked(T0 + timedelta(minutes=30))
    assert state.attempts_left(POLICY, T0) == 0
    assert after_right_pin() == LockoutState()


def test_a_wrong_pin_after_the_lock_ran_out_starts_a_fresh_series() -> None:
    locked = LockoutState(0, T0)
    assert after_wrong_pin(locked, POLICY, T0 + timedelta(seconds=1)) == LockoutState(1, None)


@pytest.fixture
def imported(kiosk: KioskCli, tmp_path: Path) -> KioskCli:
    result = kiosk("import-patrons", str(write_jsonl(tmp_path / "p.jsonl", [CONTRACT_PATRON])))
    assert result.code == 0, result.err
    return kiosk


def _at(t: datetime) -> str:
    return t.isoformat()


def test_wrong_pins_lock_the_card_across_restarts(imported: KioskCli) -> None:
    kiosk = imported
    cpr, right, wrong = CONTRACT_PATRON["cpr"], CONTRACT_PATRON["pin"], "0000"
    for n in range(1, 5):
        at = _at(T0 + timedelta(minutes=n))
        out = kiosk("attempt", "--card", cpr, "--pin", wrong, "--at", at)
        assert out.code == 0, out.err
        assert (out.json["reason"], out.json["attempts_left"]) == ("wrong_pin", 5 - n)
    fifth_at = T0 + timedelta(minutes=5)
    fifth = kiosk("attempt", "--card", cpr, "--pin", wrong, "--at", _at(fifth_at)).json
    assert (fifth["reason"], fifth["attempts_left"], fifth["granted"]) == ("pin_locked", 0, False)

    # Every call above was its own run with its own engine: the lock is on disk.
    still = fifth_at + timedelta(minutes=29, seconds=59)
    for verb in ("attempt", "explain"):
        locked = kiosk(verb, "--card", cpr, "--pin", right, "--at", _at(still)).json
        assert (locked["reason"], locked["granted"]) == ("pin_locked", False), verb
    # The patron's other credential is locked too (issue 13: one lockout per patron).
    card = kiosk("explain", "--card", "3300001234", "--pin", right, "--at", _at(still)).json
    assert card["reason"] == "pin_locked"

    unlocked = kiosk("attempt", "--card", cpr, "--pin", right,
                     "--at", _at(fifth_at + timedelta(minutes=30))).json
    assert (unlocked["reason"], unlocked["granted"]) == ("ok", True)


def test_typing_on_while_locked_does_not_stretch_the_lock(imported: KioskCli) -> None:
    kiosk, cpr = imported, CONTRACT_PATRON["cpr"]
    for n in range(5):
        kiosk("attempt", "--card", cpr, "--pin", "0000", "--at", _at(T0 + timedelta(seconds=n)))
    lock_start = T0 + timedelta(seconds=4)
    wrong_while_locked = lock_start + timedelta(minutes=20)
    again = kiosk("attempt", "--card", cpr, "--pin", "0000", "--at", _at(wrong_while_locked))
    assert again.json["reason"] == "pin_locked"
    after = kiosk("attempt", "--card", cpr, "--pin", "1234",
                  "--at", _at(lock_start + timedelta(minutes=30)))
    assert after.json["reason"] == "ok"


def test_a_right_pin_clears_the_count(imported: KioskCli) -> None:
    kiosk, cpr = imported, CONTRACT_PATRON["cpr"]
    for n in range(4):
        kiosk("attempt", "--card", cpr, "--pin", "0000", "--at", _at(T0 + timedelta(seconds=n)))
    assert kiosk("attempt", "--card", cpr, "--pin", "1234", "--at", _at(T0)).json["granted"]
    fresh = kiosk("attempt", "--card", cpr, "--pin", "0000", "--at", _at(T0)).json
    assert (fresh["reason"], fresh["attempts_left"]) == ("wrong_pin", 4)


def test_explain_counts_no_wrong_pins(imported: KioskCli) -> None:
    kiosk, cpr = imported, CONTRACT_PATRON["cpr"]
    for _ in range(6):
        out = kiosk("explain", "--card", cpr, "--pin", "0000", "--at", _at(T0)).json
        assert (out["reason"], out["attempts_left"]) == ("wrong_pin", 4)

"""Clock trust, table by table: a long weekend off is a gap, not a jump; 1970, ±1 year, steps
against the boot-time clock are not believed; trust comes back when the clock is right again."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kiosk.clock import COPENHAGEN
from kiosk.health.clock_trust import (
    FIRST,
    ClockLimits,
    ClockMemory,
    ClockReading,
    ClockTrust,
    assess,
    confirm,
)

T0 = datetime(2026, 11, 20, 22, 0, tzinfo=COPENHAGEN)
LIMITS = ClockLimits()
HOUR, DAY = timedelta(hours=1), timedelta(days=1)


def at(wall: datetime, boot_s: float, boot: str = "boot-a") -> ClockReading:
    return ClockReading(wall, boot_s, boot)


def after(*readings: ClockReading) -> ClockTrust:
    state = FIRST
    for reading in readings:
        state = assess(state, reading, LIMITS)
    return state


RUNNING = at(T0, 10_000.0)  # trusted, an hour into this boot


@pytest.mark.parametrize(
    ("second", "trusted", "reason"),
    [
        # same boot: the wall clock moved with the boot-time clock
        (at(T0 + HOUR, 13_600.0), True, ""),
        (at(T0 + HOUR + timedelta(minutes=4), 13_600.0), True, ""),  # NTP nudged it: drift
        (at(T0 - 365 * DAY, 13_600.0), False, "stepped back 365 days while running"),
        (at(T0 + 365 * DAY, 13_600.0), False, "stepped forward 365 days while running"),
        (at(T0 + 2 * HOUR, 13_600.0), False, "stepped forward 60 minutes while running"),
        # another boot: the kiosk was off in between
        (at(T0 + 3 * DAY, 40.0, "boot-b"), True, ""),  # a long weekend is a gap
        (at(T0 + 59 * DAY, 40.0, "boot-b"), True, ""),  # the summer closure
        (at(T0 + 61 * DAY, 40.0, "boot-b"), False, "61 days ahead of the last time it was "
                                                    "right (more than 60 days off)"),
        (at(T0 + 365 * DAY, 40.0, "boot-b"), False, "365 days ahead"),
        (at(T0 - 2 * DAY, 40.0, "boot-b"), False, "2 days behind the last time it was right"),
        (at(T0 - timedelta(minutes=3), 40.0, "boot-b"), True, ""),  # RTC a bit slow
        (at(datetime(1970, 1, 1, 1, 0, tzinfo=COPENHAGEN), 40.0, "boot-b"), False,
         "the clock says 1970-01-01, before 2025-01-01: not set"),
        (at(T0 + DAY, 40.0, ""), True, ""),  # no boot id: treated as a restart
    ],
    ids=["same-boot", "drift", "minus-1y", "plus-1y", "plus-1h", "weekend-off", "59-days-off",
         "61-days-off", "plus-1y-at-boot", "back-2d-at-boot", "rtc-slow", "1970", "no-boot-id"],
)
def test_second_reading(second: ClockReading, trusted: bool, reason: str) -> None:
    state = after(RUNNING, second)
    assert state.trusted is trusted
    assert reason in state.reason
    assert (state.anchor == second) is trusted, "an untrusted reading must not become the anchor"


def test_the_first_ntp_sync_after_a_restart_is_a_gap_not_a_jump() -> None:
    # A board without an RTC boots with the time it shut down with, then NTP steps it forward
    # by the three days it was off.
    booted = at(T0 + timedelta(seconds=30), 20.0, "boot-b")
    synced = at(T0 + 3 * DAY, 200.0, "boot-b")
    assert after(RUNNING, booted, synced).trusted
    # The same step an hour after the restart is a jump.
    late = at(T0 + 3 * DAY, 3_620.0, "boot-b")
    state = after(RUNNING, booted, at(T0 + timedelta(seconds=30 + 3600), 3_620.0, "boot-b"), late)
    assert not state.trusted


def test_trust_returns_when_the_clock_is_right_again() -> None:
    wrong = after(RUNNING, at(T0 - 365 * DAY, 10_060.0))
    assert not wrong.trusted
    assert wrong.untrusted_since == T0 - 365 * DAY
    still = assess(wrong, at(T0 - 365 * DAY + HOUR, 13_660.0), LIMITS)
    assert not still.trusted
    assert still.untrusted_since == wrong.untrusted_since, "since stays the first bad reading"
    fixed = assess(still, at(T0 + timedelta(seconds=7_260), 17_260.0), LIMITS)  # NTP fixed it
    assert fixed.trusted
    assert fixed.untrusted_since is None


def test_a_clock_at_1970_at_boot_is_trusted_once_ntp_sets_it() -> None:
    epoch = at(datetime(1970, 1, 1, 1, 0, 5, tzinfo=COPENHAGEN), 5.0, "boot-b")
    assert not after(RUNNING, epoch).trusted
    assert after(RUNNING, epoch, at(T0 + 2 * DAY, 50.0, "boot-b")).trusted


def test_confirm_anchors_whatever_the_clock_says() -> None:
    far = at(T0 + 400 * DAY, 40.0, "boot-b")
    state = after(RUNNING, far)
    assert not state.trusted
    assert confirm(state, far).trusted
    assert assess(confirm(state, far), at(T0 + 400 * DAY + HOUR, 3_640.0, "boot-b"),
                  LIMITS).trusted


def test_memory_round_trip_and_a_damaged_file(tmp_path: Path) -> None:
    memory = ClockMemory(tmp_path)
    assert memory.load() == FIRST
    assert memory.observe(RUNNING, LIMITS).trusted
    bad = memory.observe(at(T0 - 365 * DAY, 10_060.0), LIMITS)
    assert memory.load() == bad
    assert (tmp_path / "clock.json").stat().st_mode & 0o777 == 0o600
    (tmp_path / "clock.json").write_text("{not json", encoding="utf-8")
    assert memory.load() == FIRST

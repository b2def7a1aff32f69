"""Issue 17 (EN 301 549 / WCAG 2.2.1 timing adjustable): every countdown a patron sees can be
given its whole time again by "More time", as often as needed, and each screen's time comes from
config.toml's [timeouts]."""

from __future__ import annotations

from pathlib import Path

import pytest
from kioskkit import REPO

from drivers.types import CardKind, CardRead
from kiosk.checkout.flow import IDLE as CHECKOUT_IDLE
from kiosk.checkout.flow import CheckoutState, LoggedIn, Phase, Timings, step
from kiosk.checkout.types import Account, PatronSession
from kiosk.config import ConfigError, load
from kiosk.door.flow import DoorSettings, DoorState
from kiosk.door.flow import Phase as DoorPhase
from kiosk.door.flow import step as door_step
from kiosk.door.settings import door_settings
from kiosk.events import CardPresented, MoreTime, PinDigit, Tick

READ = CardRead("door", CardKind.CARD, "3300001234", "******1234")
DOOR = DoorSettings(pin_timeout_s=30, result_s=8, technician_s=300)


@pytest.mark.parametrize(("phase", "whole"), [
    (DoorPhase.AWAITING_PIN, 30), (DoorPhase.DENIED, 8), (DoorPhase.TECHNICIAN, 300),
], ids=["pin", "denied", "technician"])
def test_more_time_gives_a_door_screen_its_whole_time_again(phase: DoorPhase,
                                                            whole: float) -> None:
    state = DoorState(phase, read=READ, deadline=100.0)
    for now in (95.0, 120.0, 145.0):  # again and again, each time just before the end
        state = door_step(state, MoreTime(), now, DOOR).state
        assert state.deadline == now + whole
        assert door_step(state, Tick(), now + whole - 0.1, DOOR).state.phase is phase
    assert door_step(state, Tick(), 145.0 + whole, DOOR).state.phase is DoorPhase.IDLE


def test_the_door_stays_open_only_as_long_as_the_relay_pulse() -> None:
    granted = DoorState(DoorPhase.GRANTED, read=READ, deadline=104.0)
    assert door_step(granted, MoreTime(), 100.0, DOOR).state == granted


T = Timings(pin_timeout_s=30, inactivity_s=120, warning_s=20, receipt_s=10, refused_s=8,
            returned_s=10)


def _logged_in() -> CheckoutState:
    state = CHECKOUT_IDLE
    for event in (CardPresented(READ), *(PinDigit(d) for d in "471")):
        state = step(state, event, 0.0, T).state
    return state


@pytest.mark.parametrize(("state", "whole"), [
    (CheckoutState(Phase.RECEIPT, deadline=10.0), 10),
    (CheckoutState(Phase.REFUSED, deadline=8.0), 8),
    (CheckoutState(Phase.AWAITING_PIN, read=READ, deadline=30.0), 30),
], ids=["receipt", "refused", "pin"])
def test_more_time_gives_a_checkout_countdown_its_whole_time(state: CheckoutState,
                                                             whole: float) -> None:
    later = step(state, MoreTime(), 7.0, T).state
    assert later.deadline == 7.0 + whole
    assert step(later, Tick(), 7.0 + whole - 0.1, T).state.phase is state.phase


def test_more_time_during_the_logout_warning_keeps_the_session() -> None:
    session = step(_logged_in(), PinDigit("1"), 0.0, T).state
    session = step(session, LoggedIn(PatronSession("1"), Account()), 0.0, T).state
    assert session.phase is Phase.SESSION
    assert session.warning(105.0, T) == 15.0  # the countdown shows
    kept = step(session, MoreTime(), 105.0, T).state
    assert kept.warning(105.0, T) is None
    assert kept.deadline == 225.0


def test_each_screen_time_comes_from_the_config(tmp_path: Path) -> None:
    loaded = load(REPO / "config.toml", [f'kiosk.data_dir="{tmp_path}"', 'timeouts.pin="45s"',
                                          'timeouts.door_denied="20s"',
                                          'timeouts.checkout_inactivity="3m"'])
    settings = door_settings(loaded)
    assert (settings.pin_timeout_s, settings.result_s) == (45.0, 20.0)
    assert loaded.config.timeouts.checkout_inactivity.total_seconds() == 180.0


@pytest.mark.parametrize(("override", "words"), [
    ('timeouts.pin="1s"', "between 3s and 600s"),
    ('timeouts.checkout_warning="3m"', "checkout_warning must be shorter"),
    ('timeouts.pin="soon"', "duration"),
], ids=["too_short", "warning_longer_than_session", "not_a_duration"])
def test_a_bad_time_is_one_clear_error(tmp_path: Path, override: str, words: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load(REPO / "config.toml", [f'kiosk.data_dir="{tmp_path}"', override])
    assert words in "\n".join(caught.value.lines)
    assert "timeouts" in "\n".join(caught.value.lines)


def test_checkout_idle_has_nothing_to_extend() -> None:
    assert step(CHECKOUT_IDLE, MoreTime(), 5.0, T).state == CHECKOUT_IDLE

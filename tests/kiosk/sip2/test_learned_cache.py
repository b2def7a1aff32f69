"""The sip2 central kind: live checks write through, offline admits only recent verifications.

Against the fake SIP2 server on 127.0.0.1 and a real SQLite cache in tmp_path; no mocks.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sip2kit import (
    ANNA_CARD,
    ANNA_PIN,
    BO_CARD,
    BO_PIN,
    DORTE_LOST_CARD,
    DORTE_PIN,
    fake_acs,
    sip2_config,
)
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from drivers.cardparse import parse_card
from kiosk.access.rules import PinResult
from kiosk.access.sip2 import Sip2AccessService
from kiosk.cache import queries
from kiosk.cache.models import Credential, Patron
from kiosk.clock import FixedClock
from kiosk.reasons import Reason
from kiosk.services import Services, build_services
from kiosk.sip2.learned_cache import (
    LearnedCacheRefresher,
    block_reason,
    decode_block,
    encode_block,
    learn,
    status_reason,
)
from kiosk.sip2.link import LiveLink, sip2_client
from sync.sip2.fakes.acs import FakeAcs
from sync.sip2.fakes.library_data import ANNA

ANNA_READ = parse_card(ANNA_CARD, "door")
ANNA_CPR_READ = parse_card("1705901234", "door")


@pytest.fixture
def acs(clock: FixedClock) -> Iterator[FakeAcs]:
    with fake_acs(clock) as fake:
        yield fake


@pytest.fixture
def sip2_services(tmp_path: Path, acs: FakeAcs, clock: FixedClock) -> Iterator[Services]:
    built = build_services(sip2_config(tmp_path, acs.port), clock)
    yield built
    built.close()


def _access(services: Services) -> Sip2AccessService:
    assert isinstance(services.access, Sip2AccessService)
    return services.access


def _anna(services: Services, session: Session) -> Patron | None:
    """Anna's learned row, found as the door finds it: by her card's keyed hash."""
    hit = queries.find_by_credential(session, services.hasher.credential_id("card", ANNA_CARD))
    return hit[1] if hit is not None else None


def _reason(services: Services, read_raw: str, pin: str) -> Reason:
    evaluation = services.access.check_pin(parse_card(read_raw, "door"), pin)
    assert evaluation.decision is not None
    return evaluation.decision.reason


# --- the 14-character patron status, flag by flag -------------------------------------------

EXPECTED_ALL_BLOCKING = {4: Reason.CARD_LOST, 10: Reason.DEBT_OVER_LIMIT,
                         11: Reason.DEBT_OVER_LIMIT}


@pytest.mark.parametrize("position", range(14), ids=lambda p: f"flag{p}")
def test_each_flag_with_default_blocking_positions(position: int) -> None:
    flags = [i == position for i in range(14)]
    expected = {0: Reason.PATRON_BLOCKED, 4: Reason.CARD_LOST}.get(position)
    assert status_reason(flags, (0, 4)) == expected


@pytest.mark.parametrize("position", range(14), ids=lambda p: f"flag{p}")
def test_each_flag_when_every_position_blocks(position: int) -> None:
    flags = [i == position for i in range(14)]
    expected = EXPECTED_ALL_BLOCKING.get(position, Reason.PATRON_BLOCKED)
    assert status_reason(flags, range(14)) == expected
    assert status_reason(flags, []) is None
    assert block_reason(encode_block([position])) == expected


def test_lost_card_wins_and_codes_round_trip() -> None:
    flags = [True] * 14
    assert status_reason(flags, (0, 4)) == Reason.CARD_LOST
    assert decode_block(encode_block([0, 3, 13])) == [0, 3, 13]
    assert encode_block([]) is None
    assert block_reason("F") is None  # a code from another source is not ours to read


# --- online: the live answer writes through --------------------------------------------------

def test_online_grant_writes_status_and_verifier_through(
    sip2_services: Services, acs: FakeAcs, clock: FixedClock
) -> None:
    access = _access(sip2_services)
    screened = access.screen_card(ANNA_READ)  # first time: not cached, so ask for the PIN
    assert (screened.decision, screened.needs_pin) == (None, True)
    granted = access.check_pin(ANNA_READ, ANNA_PIN)
    assert granted.decision is not None
    assert granted.decision.reason is Reason.OK
    assert granted.pin is PinResult.RIGHT
    assert access.verifiers.settle()  # made off the door path, a moment later
    with sip2_services.sessions() as session:
        patron = _anna(sip2_services, session)
        assert patron is not None
        assert patron.patron_id.startswith("sip2-")  # keyed, not the card number (issue 13)
        assert (patron.name, patron.verified_at) == ("Anna", clock.now())  # the first name
        assert patron.birth_date is None  # an adult's is not needed by any rule
        assert patron.pin_verifier is not None
        assert patron.pin_verifier.startswith("a2k1$")  # memory-hard from the start
        assert sip2_services.hasher.verify(patron.pin_verifier, patron.patron_id, ANNA_PIN)
    assert "63" in acs.received


def test_health_card_patron_gets_a_keyed_id_not_the_cpr(sip2_services: Services) -> None:
    granted = sip2_services.access.check_pin(ANNA_CPR_READ, ANNA_PIN)
    assert granted.decision is not None
    assert granted.decision.reason is Reason.OK
    assert granted.patron_id is not None
    assert granted.patron_id.startswith("cpr-")
    assert "1705901234" not in granted.patron_id


def test_wrong_pin_live_clears_an_old_verifier(sip2_services: Services) -> None:
    assert _reason(sip2_services, ANNA_CARD, ANNA_PIN) is Reason.OK
    assert _reason(sip2_services, ANNA_CARD, "0000") is Reason.WRONG_PIN
    with sip2_services.sessions() as session:
        patron = _anna(sip2_services, session)
        assert patron is not None
        assert (patron.pin_verifier, patron.verified_at) == (None, None)


def test_a_verifier_landing_while_a_wrong_pin_is_written_is_cleared_too(
    sip2_services: Services, clock: FixedClock
) -> None:
    """Found by CI: the right PIN's verifier (made off the door path) was stored after the next
    visit, a wrong PIN, had read the row and before it wrote: that write only cleared
    `verified_at`, so the old PIN stayed checkable by the cache."""
    access = _access(sip2_services)
    assert _reason(sip2_services, ANNA_CARD, ANNA_PIN) is Reason.OK
    assert access.verifiers.settle()
    with sip2_services.sessions.begin() as session:  # back to "verified, verifier not made"
        session.execute(update(Patron).values(pin_verifier=None))
    wrong = access.link.call(lambda c: c.patron_information(ANNA_CARD, "0000"))
    assert wrong is not None
    assert wrong.valid_password is False
    cid = sip2_services.hasher.credential_id("card", ANNA_CARD)
    with sip2_services.sessions.begin() as session:
        read_before = _anna(sip2_services, session)  # the wrong PIN's visit reads the row
        assert read_before is not None
        assert read_before.pin_verifier is None
        with sip2_services.sessions.begin() as writer:  # ... and the verifier lands now
            writer.execute(update(Patron).values(pin_verifier="a2k1$late"))
        learn(session, sip2_services.hasher, kind="card", key=ANNA_CARD, credential_id=cid,
              info=wrong, pin="0000", now=clock.now(), blocking=access.blocking)
    with sip2_services.sessions() as session:
        patron = _anna(sip2_services, session)
        assert patron is not None
        assert (patron.pin_verifier, patron.verified_at) == (None, None)


@pytest.mark.parametrize(("card", "pin", "expected"), [
    (BO_CARD, BO_PIN, Reason.PATRON_BLOCKED),
    (DORTE_LOST_CARD, DORTE_PIN, Reason.CARD_LOST),
    ("3300009999", "1111", Reason.UNKNOWN_CARD),
], ids=["blocked", "card_lost", "unknown"])
def test_live_status_maps_to_reasons(
    sip2_services: Services, card: str, pin: str, expected: Reason
) -> None:
    assert _reason(sip2_services, card, pin) is expected


def test_lost_card_is_stored_as_lost(sip2_services: Services) -> None:
    _reason(sip2_services, DORTE_LOST_CARD, DORTE_PIN)
    with sip2_services.sessions() as session:
        statuses = list(session.scalars(select(Credential.status)))
    assert statuses == ["lost"]


# --- offline: only a recent verification admits ---------------------------------------------

def test_offline_admits_within_the_verification_age(
    sip2_services: Services, acs: FakeAcs, clock: FixedClock
) -> None:
    assert _reason(sip2_services, ANNA_CARD, ANNA_PIN) is Reason.OK
    acs.stop()
    clock.advance(timedelta(days=6, hours=23))
    assert _reason(sip2_services, ANNA_CARD, ANNA_PIN) is Reason.OK
    assert _reason(sip2_services, ANNA_CARD, "0000") is Reason.WRONG_PIN
    clock.advance(timedelta(hours=2))  # now older than max_verification_age (7 days)
    assert _reason(sip2_services, ANNA_CARD, ANNA_PIN) is Reason.CANNOT_VERIFY


def test_offline_first_timer_cannot_be_verified(sip2_services: Services, acs: FakeAcs) -> None:
    acs.stop()
    screened = sip2_services.access.screen_card(ANNA_READ)
    assert screened.needs_pin
    assert _reason(sip2_services, ANNA_CARD, ANNA_PIN) is Reason.CANNOT_VERIFY


def test_offline_keeps_a_learned_block(
    sip2_services: Services, acs: FakeAcs
) -> None:
    assert _reason(sip2_services, BO_CARD, BO_PIN) is Reason.PATRON_BLOCKED
    acs.stop()
    assert _reason(sip2_services, BO_CARD, BO_PIN) is Reason.PATRON_BLOCKED


def test_offline_with_slow_acs_falls_back_fast(
    sip2_services: Services, acs: FakeAcs
) -> None:
    assert _reason(sip2_services, ANNA_CARD, ANNA_PIN) is Reason.OK
    acs.set_fault("drop", count=-1)
    assert _reason(sip2_services, ANNA_CARD, ANNA_PIN) is Reason.OK  # from the cache


# --- background refresh -----------------------------------------------------------------------

def test_refresh_updates_known_patrons_one_by_one(
    sip2_services: Services, acs: FakeAcs, clock: FixedClock, tmp_path: Path
) -> None:
    assert _reason(sip2_services, ANNA_CARD, ANNA_PIN) is Reason.OK
    anna = next(p for p in acs.library.patrons if p.patron_id == ANNA)
    anna.blocked = ("2026-11-21", "F")
    clock.advance(timedelta(hours=1))
    link = LiveLink(sip2_client(sip2_services.loaded, timeout_s=1, retries=0), clock)
    refresher = LearnedCacheRefresher(sip2_services.sessions, link, clock, (0, 4),
                                      sip2_services.hasher.sealer)
    try:
        assert refresher.refresh_all() == 1
    finally:
        link.close()
    with sip2_services.sessions() as session:
        patron = _anna(sip2_services, session)
        assert patron is not None
        assert patron.blocked_reason == "S:0"
        assert patron.verified_at == clock.now() - timedelta(hours=1)  # the PIN check stays
    assert _reason(sip2_services, ANNA_CARD, ANNA_PIN) is Reason.PATRON_BLOCKED


def test_no_pin_or_cpr_in_logs(
    sip2_services: Services, acs: FakeAcs, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    _reason(sip2_services, ANNA_CARD, ANNA_PIN)
    sip2_services.access.check_pin(ANNA_CPR_READ, ANNA_PIN)
    acs.stop()
    _reason(sip2_services, ANNA_CARD, ANNA_PIN)
    text = caplog.text
    assert ANNA_PIN not in text
    assert "1705901234" not in text
    assert "170590-1234" not in text


def test_a_slow_library_system_never_holds_the_door_past_the_deadline(
    sip2_services: Services, acs: FakeAcs, clock: FixedClock
) -> None:
    import time

    assert _reason(sip2_services, ANNA_CARD, ANNA_PIN) is Reason.OK
    link = sip2_services.sip2
    assert link is not None
    link.deadline_s = 0.2
    acs.set_fault("slow", count=1, seconds=10.0)
    started = time.monotonic()
    assert _reason(sip2_services, ANNA_CARD, ANNA_PIN) is Reason.OK  # decided from the cache
    # Not held until the slow answer: far under its 10 s whatever the machine's load.
    assert time.monotonic() - started < 8.0
    assert not link.online


def test_staffed_hours_card_alone_asks_the_library_without_a_pin(
    sip2_services: Services, acs: FakeAcs, clock: FixedClock
) -> None:
    from datetime import datetime

    from kiosk.clock import COPENHAGEN

    clock.set(datetime(2026, 11, 23, 12, 0, tzinfo=COPENHAGEN))  # Monday, staffed: card only
    screened = sip2_services.access.screen_card(ANNA_READ)
    assert screened.decision is not None
    assert screened.decision.reason is Reason.OK
    assert acs.received.count("63") == 1  # one live look-up, without a PIN
    with sip2_services.sessions() as session:
        patron = _anna(sip2_services, session)
        assert patron is not None
        assert (patron.pin_verifier, patron.verified_at) == (None, None)
    unknown = sip2_services.access.screen_card(parse_card("3300009999", "door"))
    assert unknown.decision is not None
    assert unknown.decision.reason is Reason.UNKNOWN_CARD

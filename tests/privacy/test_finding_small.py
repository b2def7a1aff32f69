"""Issue 13, smaller findings: the throttle and wrong PINs stamped in the future, SIP2 DEBUG logs
with names, birth dates and long card numbers, a kiosk.db readable by others."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from kioskkit import SELF_SERVICE_AT, KioskCli, patron
from sip2kit import sip2_config

from drivers.cardparse import parse_card
from kiosk.cache.patrons import apply_records
from kiosk.clock import FixedClock
from kiosk.privacy.redaction import install_redaction, redact, uninstall_redaction
from kiosk.reasons import Reason
from kiosk.services import Services, build_services
from sync.sip2.codec import mask
from sync.sip2.fakes.acs import FakeAcs

AT = SELF_SERVICE_AT.isoformat()


def _cards(services: Services, count: int) -> list[str]:
    cards = [f"33000{n:05d}" for n in range(count)]
    with services.sessions.begin() as session:
        apply_records(session, [patron(patron_id=f"p{n}", cpr=None, cards=[{"number": c}])
                                for n, c in enumerate(cards)], services.hasher,
                                    today=services.clock.now().date())
    return cards


def test_wrong_pins_stamped_in_the_future_do_not_throttle_now(
    services: Services, clock: FixedClock
) -> None:
    cards = _cards(services, 25)
    clock.advance(23 * 3600)  # a clock that was ahead (or `kiosk attempt --at` tomorrow)
    for card in cards[:20]:
        services.access.record(services.access.check_pin(parse_card(card), "0000"))
    clock.advance(-23 * 3600)
    decision = services.access.screen_card(parse_card(cards[24])).decision
    assert decision is None  # on to the PIN: no 23-hour pause for everyone
    assert services.access.throttled_until is None


def test_wrong_pins_of_the_last_minutes_still_throttle(
    services: Services, clock: FixedClock
) -> None:
    cards = _cards(services, 25)
    for card in cards[:20]:
        services.access.record(services.access.check_pin(parse_card(card), "0000"))
    decision = services.access.screen_card(parse_card(cards[24])).decision
    assert decision is not None
    assert decision.reason is Reason.THROTTLED
    assert services.access.throttled_until == clock.now() + timedelta(seconds=60)


@pytest.mark.parametrize("name", ["kiosk.db", "kiosk.db-wal"])
def test_a_database_readable_by_others_is_refused(
    kiosk: KioskCli, config_path: Path, name: str
) -> None:
    assert kiosk("status").code == 0
    data = config_path.parent / "data"
    target = data / name
    if not target.exists():
        target.write_bytes(b"")
    target.chmod(0o644)
    result = kiosk("status")
    assert result.code == 2
    assert str(target) in result.err
    assert f"chmod 600 {target}" in result.err
    assert "Traceback" not in result.err
    target.chmod(0o600)
    assert kiosk("status").code == 0


def test_the_database_and_its_wal_are_created_private(services: Services) -> None:
    services.access.record(services.access.check_pin(parse_card("1705901234"), "0000"))
    data = services.loaded.data_dir
    for name in ("kiosk.db", "kiosk.db-wal", "kiosk.db-shm"):
        path = data / name
        if path.exists():
            assert path.stat().st_mode & 0o777 == 0o600, name


# --- SIP2 at DEBUG ---------------------------------------------------------------------------

LONG_CARD = "33000000001234"  # 14 digits
NAME, BIRTH = "Søren Kierkegaard", "1981-05-05"
PATRONS = [{"patron_id": "900001", "name": NAME, "birth_date": BIRTH, "cpr": None,
            "cards": [{"number": LONG_CARD, "status": "active"}], "pin": "2468",
            "blocked": None, "debt_dkk": "0.00"}]


@pytest.fixture
def acs(clock: FixedClock) -> Iterator[FakeAcs]:
    with FakeAcs(PATRONS, now=clock.now) as fake:
        yield fake


@pytest.fixture
def redacted() -> Iterator[None]:
    install_redaction()
    yield
    uninstall_redaction()


def test_sip2_debug_logs_show_no_name_birth_date_or_card_number(
    tmp_path: Path, acs: FakeAcs, clock: FixedClock, redacted: None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    built = build_services(sip2_config(tmp_path, acs.port), clock)
    try:
        decision = built.access.check_pin(parse_card(LONG_CARD), "2468").decision
    finally:
        built.close()
    assert decision is not None
    assert decision.granted
    text = caplog.text
    assert "SIP2 <-" in text  # the exchange was logged at DEBUG ...
    for secret in (LONG_CARD, "Søren", "Kierkegaard", "19810505", "2468"):
        assert secret not in text  # ... without the person in it
    assert "AA**********1234" in text  # masked: enough to tell cards apart


def test_mask_hides_every_personal_sip2_field() -> None:
    answer = ("64              00120261121    120000000000000000000000000000AODK-761500|"
              "AA33000000001234|AESøren Kierkegaard|BLY|CQY|PB19810505|BDNørregade 1, 1165 "
              "København K|BEsoren@example.org|BF+45 12345678|AY1AZABCD")
    masked = mask(answer)
    for secret in ("33000000001234", "Søren", "19810505", "Nørregade", "soren@", "12345678"):
        assert secret not in masked
    for field in ("AE****", "PB****", "BD****", "BE****", "BF****", "AA**********1234"):
        assert f"|{field}|" in masked
    assert masked.endswith("|AY1AZABCD")


def test_the_log_redaction_net_masks_sip2_fields_too() -> None:
    line = "answer was |AA33000000001234|AESøren Kierkegaard|PB19810505|AY1AZABCD"
    shown = redact(line)
    for secret in ("33000000001234", "Søren", "19810505"):
        assert secret not in shown


def test_masking_twice_shows_the_same() -> None:
    """The codec masks a message, then the log redaction net sees the masked text again."""
    once = mask("2300020261123    143000AODK|AA170590-1234|AC|AD4711|AY2AZ0000")
    assert redact(once) == once
    card = mask("2300020261123    143000AODK|AA33000000001234|AC|AD|AY2AZ0000")
    assert redact(card) == card

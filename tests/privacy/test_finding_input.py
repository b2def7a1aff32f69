"""Issue 13, smaller findings about input: a PIN is exactly `access.pin_length` ASCII digits in
every verb (exit 2 with a clear message otherwise), at the door anything else is `wrong_pin`,
and no byte string from the command line ends in a traceback."""

from __future__ import annotations

import pytest
from kioskkit import SELF_SERVICE_AT, KioskCli, patron

from drivers.cardparse import parse_card
from kiosk.cache.patrons import apply_records
from kiosk.reasons import Reason
from kiosk.services import Services

AT = SELF_SERVICE_AT.isoformat()
# What Python makes of argv bytes that are not UTF-8 (surrogateescape): $'\xff\xfe'.
NOT_UTF8 = b"\xff\xfe".decode("utf-8", "surrogateescape")

BAD_PINS = {
    "not_utf8": NOT_UTF8,
    "twenty_digits_first_four_right": "12345678901234567890",
    "five_digits_first_four_right": "12345",
    "three_digits": "123",
    "arabic_indic": "\u0661\u0662\u0663\u0664",
    "fullwidth": "\uff11\uff12\uff13\uff14",
    "superscript": "\u00b9\u00b2\u00b3\u2074",
    "letters": "12a4",
    "space": "12 4",
    "empty": "",
}


@pytest.fixture
def imported(kiosk: KioskCli, services: Services) -> KioskCli:
    with services.sessions.begin() as session:
        apply_records(session, [patron()], services.hasher,
                      today=services.clock.now().date())  # CPR 1705901234, PIN 1234
    return kiosk


@pytest.mark.parametrize("verb", ["explain", "attempt"])
@pytest.mark.parametrize("pin", BAD_PINS.values(), ids=BAD_PINS.keys())
def test_a_pin_of_another_shape_is_a_usage_error(imported: KioskCli, verb: str, pin: str) -> None:
    result = imported(verb, "--card", "1705901234", "--pin", pin, "--at", AT)
    assert result.code == 2, result.out
    assert result.out == ""
    assert "--pin" in result.err
    assert "4 digits" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("verb", ["explain", "attempt"])
def test_the_right_pin_still_opens(imported: KioskCli, verb: str) -> None:
    result = imported(verb, "--card", "1705901234", "--pin", "1234", "--at", AT)
    assert result.code == 0, result.err
    assert result.json["granted"] is True


@pytest.mark.parametrize("pin", list(BAD_PINS.values())[1:], ids=list(BAD_PINS)[1:])
def test_at_the_door_any_other_shape_is_a_wrong_pin(services: Services, pin: str) -> None:
    with services.sessions.begin() as session:
        apply_records(session, [patron()], services.hasher, today=services.clock.now().date())
    decision = services.access.check_pin(parse_card("1705901234"), pin).decision
    assert decision is not None
    assert decision.reason is Reason.WRONG_PIN


# raw text -> granted (a reader's control characters around a valid read are framing)
RAW_CARDS = {
    "not_utf8": (NOT_UTF8, False),
    "not_utf8_in_digits": ("17059" + NOT_UTF8 + "01234", False),
    "nul_after_cpr": ("1705901234\x00", True),
    "newline_after_card": ("3300001234\n", True),
    "long": ("9" * 10_000, False),
}


@pytest.mark.parametrize("verb", ["explain", "attempt"])
@pytest.mark.parametrize(("card", "granted"), RAW_CARDS.values(), ids=RAW_CARDS.keys())
def test_any_card_text_gets_an_answer_not_a_traceback(
    imported: KioskCli, verb: str, card: str, granted: bool
) -> None:
    result = imported(verb, "--card", card, "--pin", "1234", "--at", AT)
    assert "Traceback" not in result.err
    assert result.code == 0, result.err
    assert result.json["granted"] is granted

"""Age from a birth date (29 February included), card normalisation and PIN shape."""

from __future__ import annotations

from datetime import date

import pytest

from drivers.cardparse import normalise_card
from kiosk.access.credentials import age_on, pin_well_formed

LEAPLING = date(2008, 2, 29)
AGES = {
    "29feb-born-on-28feb-non_leap": (LEAPLING, date(2026, 2, 28), 17),
    "29feb-born-on-1mar-non_leap": (LEAPLING, date(2026, 3, 1), 18),
    "29feb-born-on-28feb-leap": (LEAPLING, date(2028, 2, 28), 19),
    "29feb-born-on-29feb-leap": (LEAPLING, date(2028, 2, 29), 20),
    "29feb-born-on-1mar-2100-not_leap": (date(2096, 2, 29), date(2100, 3, 1), 4),
    "29feb-born-on-28feb-2100-not_leap": (date(2096, 2, 29), date(2100, 2, 28), 3),
    "birthday-today": (date(2011, 11, 21), date(2026, 11, 21), 15),
    "birthday-tomorrow": (date(2011, 11, 22), date(2026, 11, 21), 14),
    "birthday-yesterday": (date(2011, 11, 20), date(2026, 11, 21), 15),
    "born-today": (date(2026, 11, 21), date(2026, 11, 21), 0),
    "31dec-on-1jan": (date(2000, 12, 31), date(2026, 1, 1), 25),
}


@pytest.mark.parametrize(("birth", "today", "age"), AGES.values(), ids=AGES.keys())
def test_age_on(birth: date, today: date, age: int) -> None:
    assert age_on(birth, today) == age


@pytest.mark.parametrize(
    ("raw", "want"),
    [("3300 0012-34", "3300001234"), ("ab-12", "AB12"), ("", "")],
    ids=["spaces_and_dash", "case", "empty"],
)
def test_normalise_card(raw: str, want: str) -> None:
    assert normalise_card(raw) == want


@pytest.mark.parametrize(
    ("pin", "ok"),
    [("1234", True), ("123", False), ("12345", False), ("12a4", False), ("١٢٣٤", False)],
    ids=["four_digits", "short", "long", "letter", "non_ascii_digits"],
)
def test_pin_well_formed(pin: str, ok: bool) -> None:
    assert pin_well_formed(pin, 4) is ok

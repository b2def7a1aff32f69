"""CPR rules (reference/protocols.md §B): century digit, 29 February, invalid dates, no mod 11."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from drivers.cpr import (
    century,
    cpr_birth_date,
    looks_like_cpr,
    mask_cpr,
    mask_cprs_in,
    normalise_cpr,
)

# Century by digit 7 for YY = 00, 36, 37, 57, 58, 99 (§B), written out rather than computed.
YEARS = (0, 36, 37, 57, 58, 99)
CENTURIES = {
    0: (1900, 1900, 1900, 1900, 1900, 1900),
    1: (1900, 1900, 1900, 1900, 1900, 1900),
    2: (1900, 1900, 1900, 1900, 1900, 1900),
    3: (1900, 1900, 1900, 1900, 1900, 1900),
    4: (2000, 2000, 1900, 1900, 1900, 1900),
    5: (2000, 2000, 2000, 2000, 1800, 1800),
    6: (2000, 2000, 2000, 2000, 1800, 1800),
    7: (2000, 2000, 2000, 2000, 1800, 1800),
    8: (2000, 2000, 2000, 2000, 1800, 1800),
    9: (2000, 2000, 1900, 1900, 1900, 1900),
}
CENTURY_ROWS = [
    pytest.param(yy, digit, want, id=f"digit{digit}-yy{yy:02d}")
    for digit, wants in CENTURIES.items()
    for yy, want in zip(YEARS, wants, strict=True)
]


@pytest.mark.parametrize(("yy", "digit7", "want"), CENTURY_ROWS)
def test_century_from_digit_7(yy: int, digit7: int, want: int) -> None:
    assert century(yy, digit7) == want
    cpr = f"0101{yy:02d}{digit7}123"
    assert cpr_birth_date(cpr) == date(want + yy, 1, 1)


DATES = {
    "plain": ("1705901234", date(1990, 5, 17)),
    "hyphenated": ("170590-1234", date(1990, 5, 17)),
    "29feb-2000-leap-digit4": ("290200-4123", date(2000, 2, 29)),
    "29feb-2000-leap-digit5": ("290200-5123", date(2000, 2, 29)),
    "29feb-1996-leap": ("290296-1234", date(1996, 2, 29)),
    "29feb-1900-not_leap": ("290200-0123", None),
    "29feb-2000-leap-digit6": ("290200-6123", date(2000, 2, 29)),
    "29feb-2056-leap-digit8": ("290256-8123", date(2056, 2, 29)),
    "29feb-1858-not_leap": ("290258-6123", None),
    "29feb-1997-not_leap": ("290297-1234", None),
    "29feb-2001-not_leap": ("290201-4123", None),
    "29jan-1900": ("290100-0123", date(1900, 1, 29)),
    "31dec-1858": ("311258-5123", date(1858, 12, 31)),
    "day_0": ("000190-1234", None),
    "day_32": ("320190-1234", None),
    "month_0": ("010090-1234", None),
    "month_13": ("011390-1234", None),
    "31_april": ("310490-1234", None),
    "30_february": ("300290-1234", None),
    "replacement-day_61": ("610190-1234", None),
    "replacement-day_77": ("770590-1234", None),
    "replacement-day_91": ("910190-1234", None),
    "ecpr-letters": ("170590-12AB", None),
    "nine_digits": ("170590123", None),
    "eleven_digits": ("17059012345", None),
    "hyphen_misplaced": ("17059-01234", None),
    "two_hyphens": ("170590--1234", None),
    "spaces": (" 1705901234", None),
    "empty": ("", None),
}


@pytest.mark.parametrize(("text", "want"), DATES.values(), ids=DATES.keys())
def test_birth_date(text: str, want: date | None) -> None:
    assert cpr_birth_date(text) == want
    assert normalise_cpr(text) == (text.replace("-", "") if want else None)


def _mod11_ok(cpr: str) -> bool:
    weights = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
    return sum(int(d) * w for d, w in zip(cpr, weights, strict=True)) % 11 == 0


@pytest.mark.parametrize("cpr", ["1705901234", "0101074001", "0101801234"])
def test_no_modulus_11_rejection(cpr: str) -> None:
    assert not _mod11_ok(cpr), "the row must fail modulus 11 to test anything"
    assert normalise_cpr(cpr) == cpr


def test_a_mod_11_valid_number_is_accepted_too() -> None:
    cpr = "0101801233"
    assert _mod11_ok(cpr)
    assert cpr_birth_date(cpr) == date(1980, 1, 1)


ARABIC_INDIC = "١٧٠٥٩٠١٢٣٤"  # 1705901234 in Arabic-Indic digits: not a CPR on a Danish card


@pytest.mark.parametrize(("text", "shaped"), [
    ("1705901234", True), ("170590-1234", True), ("3213851234", True),  # shape, not date
    ("17059012345", False), ("170590123", False), (ARABIC_INDIC, False), ("", False),
])
def test_looks_like_cpr(text: str, shaped: bool) -> None:
    assert looks_like_cpr(text) is shaped


MASKED = {
    "alone": ("1705901234", "170590-****", "######-****"),
    "hyphen": ("cpr 170590-1234 read", "cpr 170590-**** read", "cpr ######-**** read"),
    "two": ("1705901234,0101801233", "170590-****,010180-****", "######-****,######-****"),
    "longer_run_kept": ("33000012345678", "33000012345678", "33000012345678"),
    "arabic_indic_kept": (ARABIC_INDIC, ARABIC_INDIC, ARABIC_INDIC),
}


@pytest.mark.parametrize(("text", "keep", "hide"), MASKED.values(), ids=MASKED.keys())
def test_mask_cprs_in(text: str, keep: str, hide: str) -> None:
    assert mask_cprs_in(text) == keep
    assert mask_cprs_in(text, keep_birth_date=False) == hide
    assert mask_cpr("1705901234") == mask_cpr("170590-1234") == "170590-****"


def test_every_cpr_mask_in_the_tree_is_this_module() -> None:
    # One module knows what a CPR looks like: the readers' masking, the log redaction, the
    # SIP2 codec and the sync client's error texts call it instead of a pattern of their own.
    root = Path(__file__).resolve().parents[2]
    own = re.compile(r"\\d\{6\}|\{2\}\)\(\\d\{2\}|\[0-9\]\{6\}")
    found = [str(p.relative_to(root)) for d in ("kiosk", "drivers", "sync")
             for p in (root / d).rglob("*.py")
             if p.name != "cpr.py" and own.search(p.read_text(encoding="utf-8"))]
    assert found == []

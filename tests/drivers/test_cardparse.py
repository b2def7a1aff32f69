"""parse_card: the raw-read formats of CONTRACT.md "Card reads", and masking as a property."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from drivers.cardparse import MAX_RAW, compile_patterns, normalise_card, parse_card
from drivers.cpr import normalise_cpr
from drivers.types import CardKind

# reference/protocols.md §C.1 sample: both tracks back to back, CPR 0101702345 in track 2.
STRIPE = (
    "%DOE^JOHN JOHNNY                   ]L\\KKE ALLE 7 3                   4615000?"
    ";9208100401017023451041173083461010814?"
)
TRACK2_ONLY = ";9208100401017023451041173083461010814?"

ROWS = {
    "bare_cpr": ("1705901234", CardKind.CPR, "1705901234", "170590-****"),
    "hyphenated_cpr": ("170590-1234", CardKind.CPR, "1705901234", "170590-****"),
    "cpr_with_crlf": ("1705901234\r\n", CardKind.CPR, "1705901234", "170590-****"),
    "stripe_both_tracks": (STRIPE, CardKind.CPR, "0101702345", "010170-****"),
    "stripe_track2_only": (TRACK2_ONLY, CardKind.CPR, "0101702345", "010170-****"),
    "library_card_10_digits": ("3300001234", CardKind.CARD, "3300001234", "******1234"),
    "library_card_14_digits": ("33000012345678", CardKind.CARD, "33000012345678", None),
    "replacement_number_is_a_card_number": ("7705901234", CardKind.CARD, "7705901234", None),
    "letters": ("hello", CardKind.UNKNOWN, "", None),
    "empty": ("", CardKind.UNKNOWN, "", None),
    "eleven_digits": ("17059012345", CardKind.UNKNOWN, "", None),
    "stripe_without_track2_cpr": ("%DOE^JOHN?", CardKind.UNKNOWN, "", None),
    "stripe_with_bad_cpr_date": (";920810040999999999?", CardKind.UNKNOWN, "", None),
    "overlong": ("1705901234" + "x" * MAX_RAW, CardKind.UNKNOWN, "", None),
}


@pytest.mark.parametrize(("raw", "kind", "value", "masked"), ROWS.values(), ids=ROWS.keys())
def test_parse_card(raw: str, kind: CardKind, value: str, masked: str | None) -> None:
    read = parse_card(raw, "door")
    assert (read.reader, read.kind, read.value) == ("door", kind, value)
    if masked is not None:
        assert read.masked == masked


def test_configured_patterns_replace_the_defaults() -> None:
    patterns = compile_patterns([r"LIB\d{6}"])
    assert parse_card("LIB123456", "door", patterns).kind is CardKind.CARD
    assert parse_card("3300001234", "door", patterns).kind is CardKind.UNKNOWN
    # A CPR is always recognised, whatever the card patterns say.
    assert parse_card("1705901234", "door", patterns).kind is CardKind.CPR


def test_value_stays_out_of_repr() -> None:
    assert "1705901234" not in repr(parse_card("1705901234"))


TEN_DIGITS = re.compile(r"(?=(\d{10}))")


def _cprs_in(text: str) -> set[str]:
    """Every valid CPR in `text` (hyphens ignored), as 10 digits."""
    flat = text.replace("-", "")
    return {m for m in TEN_DIGITS.findall(flat) if normalise_cpr(m) is not None}


cprs = st.builds(
    lambda d, m, y, s: f"{d:02d}{m:02d}{y:02d}{s:04d}",
    st.integers(1, 28), st.integers(1, 12), st.integers(0, 99), st.integers(0, 9999),
)


@given(st.text(max_size=600))
@example("1705901234")
@example("garbage 170590-1234 garbage")
@example(STRIPE)
def test_parse_card_never_raises_and_masked_never_shows_a_cpr(raw: str) -> None:
    read = parse_card(raw, "door")
    assert read.kind in set(CardKind)
    assert not _cprs_in(raw) & _cprs_in(read.masked), read.masked


@given(cprs, st.text(max_size=40), st.text(max_size=40), st.booleans())
def test_a_cpr_inside_any_read_is_never_in_masked(
    cpr: str, before: str, after: str, hyphen: bool
) -> None:
    shown = f"{cpr[:6]}-{cpr[6:]}" if hyphen else cpr
    read = parse_card(before + shown + after, "door")
    assert cpr not in read.masked.replace("-", "")


@given(st.text(max_size=40))
@example("3300000001")
@example("33 0000-0001")
@example("ab½c")
@example("٣٣٠٠")
def test_normalise_card_keeps_ascii_letters_and_digits_upper_cased(number: str) -> None:
    # The rule of docs/central-api.md "Card numbers", spelled out the slow way.
    kept = "".join(ch for ch in number if ch in _ASCII_ALNUM).upper()

    assert normalise_card(number) == kept


_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

"""Raw reader text -> CardRead, and the only way a raw read or a card number is shown: masked.

Pure. Accepts a bare or hyphenated CPR, health-card stripe data (CPR from track 2 only), and
library card numbers matching the configured patterns (docs/hardware.md); everything else is
UNKNOWN. A card number leaves here normalised, as the cache stores it. CPRs: drivers.cpr.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from drivers.cpr import mask_cpr, mask_cprs_in, normalise_cpr
from drivers.types import CardKind, CardRead

# Track 2 of the sundhedskort: ';' card type(1) nationality(3) usage(1) issuer(3) CPR(10) ...
_TRACK2_CPR: Final = re.compile(r";\d\d{3}\d\d{3}(\d{10})", re.ASCII)
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f]")
DEFAULT_CARD_PATTERNS: Final = (r"\d{10}", r"\d{14}")
MAX_RAW: Final = 512


def compile_patterns(patterns: Sequence[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.ASCII) for p in patterns)


def parse_card(
    raw: str, reader: str = "", card_patterns: Sequence[re.Pattern[str]] = ()
) -> CardRead:
    """Classify one complete read. Never raises: garbage becomes CardKind.UNKNOWN.

    A read longer than MAX_RAW is garbage as a whole (a stuck or babbling device, an overlong
    frame cut by the framer): no credential is mined out of it.
    """
    if len(raw) > MAX_RAW:
        return CardRead(reader, CardKind.UNKNOWN, "", mask_raw(raw))
    text = _CONTROL.sub("", raw).strip()
    if "%" in text or ";" in text:
        return _parse_stripe(text, reader)
    cpr = normalise_cpr(text)
    if cpr is not None:
        return CardRead(reader, CardKind.CPR, cpr, mask_cpr(cpr))
    for pattern in card_patterns or compile_patterns(DEFAULT_CARD_PATTERNS):
        if pattern.fullmatch(text):
            number = normalise_card(text)
            return CardRead(reader, CardKind.CARD, number, mask_card(number))
    return CardRead(reader, CardKind.UNKNOWN, "", mask_raw(raw))


def _parse_stripe(text: str, reader: str) -> CardRead:
    match = _TRACK2_CPR.search(text)
    if match is not None:
        cpr = normalise_cpr(match.group(1))
        if cpr is not None:
            return CardRead(reader, CardKind.CPR, cpr, mask_cpr(cpr))
    return CardRead(reader, CardKind.UNKNOWN, "", mask_raw(text))


def normalise_card(number: str) -> str:
    """A card number as the kiosk compares it (docs/central-api.md "Card numbers"): only A-Z,
    a-z and 0-9 count, upper-cased, so `33 0000-1234` is `3300001234`. The sync API uses this
    rule too (sync imports it): a card from a reader must match the card the central sent."""
    if number.isascii() and number.isalnum():  # the usual card: nothing to drop (a full sync
        return number.upper()                  # normalises millions; the join is 5x slower)
    return "".join(ch for ch in number if ch.isascii() and ch.isalnum()).upper()


def mask_card(number: str) -> str:
    """Card numbers keep their last four characters so staff can tell cards apart."""
    if len(number) <= 4:
        return "*" * len(number)
    return "*" * (len(number) - 4) + number[-4:]


def mask_raw(raw: str) -> str:
    """A raw read shown only by its shape: length and printable class, never its content.

    Digits become `9`, letters `A`, everything else `.`; CPR-shaped runs are masked first.
    """
    shown = mask_cprs_in(raw[:64], keep_birth_date=False)
    shape = "".join(
        "9" if c.isdigit() else "A" if c.isalpha() else c if c in "#-*%;?=^" else "." for c in shown
    )
    return shape + (f"…(+{len(raw) - 64})" if len(raw) > 64 else "")

"""Raw reader text -> CardRead (CONTRACT.md "Card reads"; reference/protocols.md §C, §E.3).

Pure. Accepts a bare or hyphenated CPR, health-card stripe data (CPR from track 2 only),
and library card numbers matching the configured patterns; everything else is UNKNOWN.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from drivers.cpr import normalise_cpr
from drivers.masking import mask_card, mask_cpr, mask_raw
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
            return CardRead(reader, CardKind.CARD, text, mask_card(text))
    return CardRead(reader, CardKind.UNKNOWN, "", mask_raw(raw))


def _parse_stripe(text: str, reader: str) -> CardRead:
    match = _TRACK2_CPR.search(text)
    if match is not None:
        cpr = normalise_cpr(match.group(1))
        if cpr is not None:
            return CardRead(reader, CardKind.CPR, cpr, mask_cpr(cpr))
    return CardRead(reader, CardKind.UNKNOWN, "", mask_raw(text))

"""CPR number rules (reference/protocols.md §B): format, century from digit 7, birth date.

Pure functions; the kiosk adds age on top. Never derives sex, never checks modulus 11.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

_CPR: Final = re.compile(r"^(\d{2})(\d{2})(\d{2})-?(\d{4})$", re.ASCII)


def century(yy: int, digit7: int) -> int:
    """The century a CPR's two-digit year belongs to, from the first serial digit."""
    if digit7 <= 3:
        return 1900
    if digit7 in (4, 9):
        return 2000 if yy <= 36 else 1900
    # 5-8
    return 2000 if yy <= 57 else 1800


def cpr_birth_date(text: str) -> date | None:
    """Birth date of a CPR (`DDMMYY-SSSS`, hyphen optional), or None if `text` is not one.

    Replacement numbers (day + 60) and anything with an impossible date are not CPRs.
    """
    m = _CPR.match(text)
    if m is None:
        return None
    day, month, yy = int(m.group(1)), int(m.group(2)), int(m.group(3))
    digit7 = int(m.group(4)[0])
    try:
        return date(century(yy, digit7) + yy, month, day)
    except ValueError:
        return None


def normalise_cpr(text: str) -> str | None:
    """The 10 digits of a valid CPR, or None."""
    if cpr_birth_date(text) is None:
        return None
    return text.replace("-", "")

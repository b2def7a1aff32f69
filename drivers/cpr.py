"""The one place that knows what a CPR number looks like and how to mask it: format, century
from digit 7, birth date, and masking (docs/hardware.md; CPR facts in docs/privacy.md).

Pure functions; the kiosk adds age on top. Never derives sex, never checks modulus 11.
The readers' masking, the log redaction, the SIP2 codec and the sync client's error texts all
use this module (sync may import it: it is the one CPR module, see pyproject.toml).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

CPR_SHAPE: Final = r"([0-9]{2})([0-9]{2})([0-9]{2})-?([0-9]{4})"
"""DDMMYY-SSSS, the hyphen optional, ASCII digits only (also as a JSON Schema pattern)."""
_CPR: Final = re.compile(f"^{CPR_SHAPE}$")
_CPR_IN_TEXT: Final = re.compile(f"(?<![0-9]){CPR_SHAPE}(?![0-9])")


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


_DDMM: Final = frozenset(d.strftime("%d%m") for d in (
    date(2024, 1, 1) + timedelta(days=n) for n in range(366)))
"""Every day and month a CPR can start with (2024 is a leap year: 29 February included)."""


def has_birth_date(cpr: str) -> bool:
    """cpr_birth_date(cpr) is not None, for a text of a CPR's shape: a set lookup, except for
    29 February, whose year (century from the serial) must be a leap year. A full sync asks
    this of every patron; cpr_birth_date took 2.2 µs, this 0.1 (bench/RESULTS.md, lever 31)."""
    head = cpr[:4]
    return head in _DDMM and (head != "2902" or cpr_birth_date(cpr) is not None)


def normalise_cpr(text: str) -> str | None:
    """The 10 digits of a valid CPR, or None."""
    if _CPR.match(text) is None or not has_birth_date(text):
        return None
    return text.replace("-", "")


def looks_like_cpr(text: str) -> bool:
    """`text` has a CPR's shape (whatever its date): to be masked wherever it is shown."""
    return _CPR.match(text) is not None


def mask_cpr(cpr: str) -> str:
    """`1705901234` or `170590-1234` -> `170590-****` (birth date kept, serial hidden)."""
    digits = cpr.replace("-", "")
    return f"{digits[:6]}-****" if len(digits) == 10 else "******-****"


def mask_cprs_in(text: str, keep_birth_date: bool = True) -> str:
    """Every CPR-shaped run of digits in `text` masked: `170590-****`, or `######-****`."""
    if keep_birth_date:
        return _CPR_IN_TEXT.sub(lambda m: f"{m[1]}{m[2]}{m[3]}-****", text)
    return _CPR_IN_TEXT.sub("######-****", text)

"""The only way a raw read or a CPR reaches a log line: masked."""

from __future__ import annotations

import re
from typing import Final

_TEN_DIGITS: Final = re.compile(r"(?<!\d)(\d{6})-?(\d{4})(?!\d)", re.ASCII)


def mask_cpr(cpr: str) -> str:
    """`1705901234` or `170590-1234` -> `170590-****` (birth date kept, serial hidden)."""
    digits = cpr.replace("-", "")
    return f"{digits[:6]}-****" if len(digits) == 10 else "******-****"


def mask_card(number: str) -> str:
    """Card numbers keep their last four characters so staff can tell cards apart."""
    if len(number) <= 4:
        return "*" * len(number)
    return "*" * (len(number) - 4) + number[-4:]


def mask_raw(raw: str) -> str:
    """A raw read shown only by its shape: length and printable class, never its content.

    Digits become `9`, letters `A`, everything else `.`; CPR-shaped runs are masked first.
    """
    shown = _TEN_DIGITS.sub("######-****", raw[:64])
    shape = "".join(
        "9" if c.isdigit() else "A" if c.isalpha() else c if c in "#-*%;?=^" else "." for c in shown
    )
    return shape + (f"…(+{len(raw) - 64})" if len(raw) > 64 else "")

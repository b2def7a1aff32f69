"""Credential rules: CPR birth date and age, PIN shape (card numbers: drivers.cardparse).

The CPR format and century rule live in drivers.cpr (readers need them too); age is here.
"""

from __future__ import annotations

from datetime import date

from drivers.cpr import cpr_birth_date, normalise_cpr

__all__ = ["age_on", "cpr_birth_date", "normalise_cpr", "pin_well_formed"]


def age_on(birth: date, today: date) -> int:
    """Whole years. Born 29 February: the birthday counts on 1 March in other years."""
    years = today.year - birth.year
    birthday = (birth.month, birth.day)
    if birthday == (2, 29) and not _is_leap(today.year):
        birthday = (3, 1)
    if (today.month, today.day) < birthday:
        years -= 1
    return years


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def pin_well_formed(pin: str, length: int) -> bool:
    return len(pin) == length and pin.isascii() and pin.isdigit()

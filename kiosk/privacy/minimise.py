"""Data minimisation: keep of a patron only what a rule or a screen uses.

- The name: only the first name, for the greeting on the door and checkout screens.
- The birth date: only while the age rule can still refuse the patron, that is before their
  ADULT_AGE-th birthday (`access.min_age` may be at most that); an adult's is not kept, and a
  purge rule drops it on that birthday (kiosk/privacy/retention.py). Pure.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from kiosk.access.credentials import age_on

ADULT_AGE: Final = 18
"""The highest age limit a library may set (`access.min_age` ≤ this, DESIGN.md: 15, 16 or
18); past it no rule needs the birth date."""


def first_name(name: str | None) -> str:
    """`Anna Jensen` -> `Anna`; `Jensen, Anna Marie` (a library system's order) -> `Anna`."""
    text = (name or "").strip()
    if "," in text:
        text = text.split(",", 1)[1]
    words = text.split()
    return words[0][:64] if words else ""


def needed_birth_date(birth: date | None, today: date) -> date | None:
    """The birth date if the age rule may still need it on `today` or later, else None."""
    if birth is None or age_on(birth, today) >= ADULT_AGE:
        return None
    return birth


def adult_born_before(today: date) -> date:
    """Born on or before the returned day, a patron is ADULT_AGE or older on `today`.
    (29 February: see age_on; 1 March of the birthday year counts, so this is conservative.)"""
    try:
        return today.replace(year=today.year - ADULT_AGE)
    except ValueError:  # today is 29 February: ADULT_AGE years ago had none
        return date(today.year - ADULT_AGE, 2, 28)

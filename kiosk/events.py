"""What happens at a screen, for the door flow and the checkout flow alike: a card read, PIN
keys, a cancel, the clock ticking, "more time", a language chosen; and the one effect both ask
for, a beep.

Frozen dataclasses, no behaviour. Each flow adds its own events and effects beside these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from drivers.types import CardRead
from kiosk.reasons import Lang


@dataclass(frozen=True, slots=True)
class CardPresented:
    read: CardRead


@dataclass(frozen=True, slots=True)
class PinDigit:
    digit: str


def is_pin_digit(key: str) -> bool:
    """One ASCII digit. str.isdigit() also admits Arabic-Indic and superscript digits, which no
    PIN pad sends and no verifier was made from."""
    return len(key) == 1 and "0" <= key <= "9"


@dataclass(frozen=True, slots=True)
class PinErased:
    pass


@dataclass(frozen=True, slots=True)
class PinSubmitted:
    pass


@dataclass(frozen=True, slots=True)
class Cancelled:
    pass


@dataclass(frozen=True, slots=True)
class Tick:
    """Time passed: the flow compares its deadlines with the `now` it is stepped with."""


@dataclass(frozen=True, slots=True)
class MoreTime:
    """"More time" on a countdown: the screen's whole time again (EN 301 549, WCAG 2.2.1)."""


@dataclass(frozen=True, slots=True)
class LanguageChosen:
    language: Lang


@dataclass(frozen=True, slots=True)
class Beep:
    kind: Literal["granted", "denied", "key"]

"""What the checkout flow hears and asks for: the screen's events, the shell's answers, and
the effects the shell carries out. Frozen dataclasses, no behaviour; kiosk/checkout/flow.py
steps on them (and re-exports them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from drivers.types import CardRead
from kiosk.checkout.types import Account, ItemLine, PatronSession, ReturnLine
from kiosk.events import (
    Beep,
    Cancelled,
    CardPresented,
    LanguageChosen,
    MoreTime,
    PinDigit,
    PinErased,
    PinSubmitted,
    Tick,
)
from kiosk.reasons import Reason


# Events from the screen (besides the door flow's CardPresented, PinDigit, PinErased,
# PinSubmitted, Cancelled, Tick and LanguageChosen, reused here).
@dataclass(frozen=True, slots=True)
class ItemScanned:
    item_id: str


@dataclass(frozen=True, slots=True)
class Touched:
    """Any touch on the screen: the patron is still there."""


@dataclass(frozen=True, slots=True)
class AccountRequested:
    pass


@dataclass(frozen=True, slots=True)
class ItemsRequested:
    """Back from the account view to scanning."""


@dataclass(frozen=True, slots=True)
class RenewRequested:
    item_ids: tuple[str, ...]
    """One item, or every loan for "renew all"."""


@dataclass(frozen=True, slots=True)
class FeeAnswered:
    accepted: bool


@dataclass(frozen=True, slots=True)
class FinishRequested:
    """"Done": log out and show the receipt."""


# Answers from the shell.
@dataclass(frozen=True, slots=True)
class LoggedIn:
    patron: PatronSession
    account: Account


@dataclass(frozen=True, slots=True)
class LoginRefused:
    reason: Reason
    attempts_left: int | None = None


@dataclass(frozen=True, slots=True)
class ItemDone:
    line: ItemLine


@dataclass(frozen=True, slots=True)
class AccountLoaded:
    account: Account


@dataclass(frozen=True, slots=True)
class Returned:
    line: ReturnLine


Event = (
    CardPresented | PinDigit | PinErased | PinSubmitted | Cancelled | Tick | ItemScanned | Touched
    | MoreTime | LanguageChosen | AccountRequested | ItemsRequested | RenewRequested
    | FeeAnswered | FinishRequested | LoggedIn | LoginRefused | ItemDone | AccountLoaded
    | Returned
)


# Effects for the shell.
@dataclass(frozen=True, slots=True)
class LogIn:
    read: CardRead
    pin: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class Borrow:
    patron: PatronSession
    item_id: str
    fee_ack: bool = False


@dataclass(frozen=True, slots=True)
class Renew:
    patron: PatronSession
    item_id: str


@dataclass(frozen=True, slots=True)
class GiveBack:
    item_id: str


@dataclass(frozen=True, slots=True)
class LoadAccount:
    patron: PatronSession


@dataclass(frozen=True, slots=True)
class EndSession:
    patron: PatronSession
    lines: tuple[ItemLine, ...]
    """What the receipt shows (and prints, when a printer is configured)."""


Effect = LogIn | Borrow | Renew | GiveBack | LoadAccount | EndSession | Beep

"""Values of self-checkout: the logged-in patron, item lines, returns, the account, refusals.

Plain frozen dataclasses shared by the checkout flow, its shell, the Circulation
implementations and the screen. Refusal codes carry patron text in Danish and English
(codes in the logic, words at the edge: STYLE.md E9). No I/O, no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Final, Literal

from kiosk.reasons import TextLang


class Refusal(StrEnum):
    RESERVED = "reserved"
    NOT_FOR_LOAN = "not_for_loan"
    TOO_MANY = "too_many"
    AGE = "age_restricted"
    BLOCKED = "blocked"
    FEE = "fee"
    FEE_DECLINED = "fee_declined"
    UNKNOWN_ITEM = "unknown_item"
    NOT_YOURS = "not_yours"
    OFFLINE = "offline"
    OTHER = "other"


REFUSAL_TEXT: Final[Mapping[Refusal, Mapping[TextLang, str]]] = {
    Refusal.RESERVED: {"da": "Reserveret til en anden låner. Aflever den ved skranken.",
                       "en": "Reserved for someone else. Please leave it at the desk."},
    Refusal.NOT_FOR_LOAN: {"da": "Kan ikke lånes med hjem.", "en": "Not for loan."},
    Refusal.TOO_MANY: {"da": "Du har for mange lån. Aflever noget først.",
                       "en": "You have too many loans. Return something first."},
    Refusal.AGE: {"da": "Har en aldersgrænse.", "en": "Age-restricted."},
    Refusal.BLOCKED: {"da": "Din konto er spærret. Kontakt personalet.",
                      "en": "Your account is blocked. Please ask the staff."},
    Refusal.FEE: {"da": "Lånet koster et gebyr. Vil du acceptere det?",
                  "en": "This loan has a fee. Do you accept it?"},
    Refusal.FEE_DECLINED: {"da": "Ikke lånt: du sagde nej tak til gebyret.",
                           "en": "Not borrowed: you declined the fee."},
    Refusal.UNKNOWN_ITEM: {"da": "Ukendt materiale. Spørg personalet.",
                           "en": "Unknown item. Please ask the staff."},
    Refusal.NOT_YOURS: {"da": "Materialet er ikke lånt af dig.",
                        "en": "This item is not on loan to you."},
    Refusal.OFFLINE: {"da": "Udlån er ikke muligt lige nu. Prøv igen senere.",
                      "en": "Borrowing is not possible right now. Please try later."},
    Refusal.OTHER: {"da": "Kan ikke lånes her. Spørg personalet.",
                    "en": "Cannot be borrowed here. Please ask the staff."},
}

# Keywords in the library system's screen message (AF), Danish and English, first match wins.
_KEYWORDS: Final[tuple[tuple[str, Refusal], ...]] = (
    ("reserv", Refusal.RESERVED), ("kan ikke lånes", Refusal.NOT_FOR_LOAN),
    ("not for loan", Refusal.NOT_FOR_LOAN), ("aldersgrænse", Refusal.AGE),
    ("age limit", Refusal.AGE), ("age-restricted", Refusal.AGE),
    ("spærret", Refusal.BLOCKED), ("blocked", Refusal.BLOCKED),
    ("for mange", Refusal.TOO_MANY), ("too many", Refusal.TOO_MANY),
    ("ikke lånt af dig", Refusal.NOT_YOURS), ("ukendt", Refusal.UNKNOWN_ITEM),
    ("unknown", Refusal.UNKNOWN_ITEM), ("gebyr", Refusal.FEE),
)


def classify(message: str) -> Refusal:
    """A refusal code from the library system's own words (Cicero, Koha, the fake)."""
    text = message.casefold()
    return next((code for word, code in _KEYWORDS if word in text), Refusal.OTHER)


@dataclass(frozen=True, slots=True)
class PatronSession:
    patron_id: str
    name: str = ""
    key: str = field(default="", repr=False)
    """What the library system knows the patron by (AA): card number or patron id."""
    pin: str = field(default="", repr=False, compare=False)
    """Kept in memory for the session only (SIP2 sends AD with each request)."""
    offline: bool = False
    """Logged in from the cache (offline-verified) while the library system was away."""


ItemKind = Literal["loan", "renewal", "refused", "fee", "queued"]


@dataclass(frozen=True, slots=True)
class ItemLine:
    item_id: str
    kind: ItemKind
    title: str = ""
    due: datetime | None = None
    refusal: Refusal | None = None
    message: str = ""
    """The library system's own words, shown under our plain text."""
    fee: Decimal | None = None

    @property
    def ok(self) -> bool:
        return self.kind in ("loan", "renewal", "queued")

    @property
    def needs_fee_ack(self) -> bool:
        return self.kind == "fee"


@dataclass(frozen=True, slots=True)
class ReturnLine:
    item_id: str
    ok: bool
    title: str = ""
    shelf: Literal["", "staff", "other_branch"] = ""
    """Where to put it: "" = the return shelf; staff = reserved for someone; other branch."""
    destination: str = ""
    message: str = ""
    queued: bool = False


@dataclass(frozen=True, slots=True)
class LoanLine:
    item_id: str
    title: str = ""
    due: datetime | None = None


@dataclass(frozen=True, slots=True)
class ReadyLine:
    title: str
    pickup_number: str = ""
    deadline: datetime | None = None


@dataclass(frozen=True, slots=True)
class DebtLine:
    amount: Decimal
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Account:
    loans: tuple[LoanLine, ...] = ()
    ready: tuple[ReadyLine, ...] = ()
    debts: tuple[DebtLine, ...] = ()

    @property
    def debt_total(self) -> Decimal:
        return sum((d.amount for d in self.debts), Decimal(0))

    def with_line(self, line: ItemLine) -> Account:
        """The account after a loan or renewal in this session."""
        if not line.ok:
            return self
        others = tuple(loan for loan in self.loans if loan.item_id != line.item_id)
        return replace(self, loans=(*others, LoanLine(line.item_id, line.title, line.due)))


@dataclass(frozen=True, slots=True)
class LoginResult:
    patron: PatronSession | None
    account: Account = Account()
    reason: str = "ok"
    """A CONTRACT reason code when refused."""
    attempts_left: int | None = None


def receipt_lines(lines: tuple[ItemLine, ...]) -> tuple[ItemLine, ...]:
    """What the receipt lists: each item borrowed or renewed in the session once, in the order
    first handled, with its last due date. An item borrowed and then renewed is a loan (the
    patron took it home today) due when the renewal says."""
    items: dict[str, ItemLine] = {}
    for line in lines:
        if not line.ok:
            continue
        first = items.get(line.item_id)
        if first is None:
            items[line.item_id] = line
            continue
        kind = first.kind if first.kind != "renewal" else line.kind
        items[line.item_id] = replace(first, kind=kind, due=line.due,
                                      title=first.title or line.title)
    return tuple(items.values())

"""Records of the fake ACS's library: patrons from wire dicts, items, and the default set.

Standard library only. Patron dicts use the patron-record format of CONTRACT.md (patron_id,
name, birth_date, cpr, cards, pin, blocked, debt_dkk); this is a lenient stdlib reading of it
for the fake, not a validator (sync/records.py validates records from the central system).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any


@dataclass
class FakePatron:
    patron_id: str
    name: str
    birth_date: date | None
    cpr: str | None  # 10 digits, no hyphen
    cards: list[tuple[str, str]]  # (number, "active" | "lost")
    pin: str | None
    blocked: tuple[str, str] | None  # (since, reason code) or None
    debt: Decimal

    @classmethod
    def from_wire(cls, record: Mapping[str, Any]) -> FakePatron:
        birth = record.get("birth_date")
        cpr = record.get("cpr")
        blocked = record.get("blocked")
        return cls(
            patron_id=str(record["patron_id"]),
            name=str(record.get("name", "")),
            birth_date=date.fromisoformat(birth) if birth else None,
            cpr=str(cpr).replace("-", "") if cpr else None,
            cards=[(str(c["number"]), str(c.get("status", "active")))
                   for c in record.get("cards", [])],
            pin=str(record["pin"]) if record.get("pin") else None,
            blocked=(str(blocked.get("since", "")), str(blocked.get("reason", "")))
            if blocked else None,
            debt=Decimal(str(record.get("debt_dkk", "0"))),
        )


@dataclass
class FakeItem:
    item_id: str
    title: str
    media_type: str = "001"
    location: str = "solrod"
    loan_days: int = 28
    on_loan_to: str | None = None  # patron_id
    due: datetime | None = None
    hold_for: str | None = None  # patron_id the item is reserved for
    not_for_loan: bool = False
    min_age: int | None = None
    fee: Decimal | None = None
    fee_type: str = "06"  # rental (A.5)


# Ids tests rely on. Card and CPR numbers are synthetic test data.
ANNA, BO, CARL, DORTE = "1000001", "1000002", "1000003", "1000004"
AVAILABLE, AVAILABLE_2, HELD_FOR_OTHER, NOT_FOR_LOAN = (
    "5000000011", "5000000012", "5000000013", "5000000014",
)
AGE_15, WITH_FEE, LENT_TO_ANNA, LENT_TO_DORTE, FROM_OTHER_BRANCH = (
    "5000000015", "5000000016", "5000000017", "5000000018", "5000000019",
)


def default_patrons() -> list[dict[str, Any]]:
    """Adult with CPR and card, blocked adult, 11-year-old, adult with debt and a lost card."""
    return [
        {"patron_id": ANNA, "name": "Anna Jensen", "birth_date": "1990-05-17",
         "cpr": "1705901234", "cards": [{"number": "3300001234", "status": "active"}],
         "pin": "4711", "blocked": None, "debt_dkk": "0.00"},
        {"patron_id": BO, "name": "Bo Hansen", "birth_date": "1980-01-01",
         "cpr": "0101801235", "cards": [{"number": "3300002222", "status": "active"}],
         "pin": "8642", "blocked": {"since": "2026-10-01", "reason": "F"}, "debt_dkk": "0.00"},
        {"patron_id": CARL, "name": "Carl Nielsen", "birth_date": "2015-03-03",
         "cards": [{"number": "3300003333", "status": "active"}], "pin": "2468",
         "blocked": None, "debt_dkk": "0.00"},
        {"patron_id": DORTE, "name": "Dorte Møller", "birth_date": "1975-11-30",
         "cards": [{"number": "3300004444", "status": "active"},
                   {"number": "3300004445", "status": "lost"}],
         "pin": "9753", "blocked": None, "debt_dkk": "312.50"},
    ]


def default_items(now: datetime) -> list[FakeItem]:
    """One item per circulation case the kiosk must handle."""
    return [
        FakeItem(AVAILABLE, "Kaffe og kager"),
        FakeItem(AVAILABLE_2, "Nordisk mytologi"),
        FakeItem(HELD_FOR_OTHER, "Reserveret roman", hold_for=DORTE),
        FakeItem(NOT_FOR_LOAN, "Den Store Danske (opslag)", not_for_loan=True),
        FakeItem(AGE_15, "Gyserfilm", media_type="005", min_age=15),
        FakeItem(WITH_FEE, "Ny spillefilm", media_type="005", fee=Decimal("10.00")),
        FakeItem(LENT_TO_ANNA, "Lånt bog", on_loan_to=ANNA, due=now + timedelta(days=7)),
        FakeItem(LENT_TO_DORTE, "Forfalden bog", on_loan_to=DORTE,
                 due=now - timedelta(days=3)),
        FakeItem(FROM_OTHER_BRANCH, "Bog fra Køge", location="koge"),
    ]

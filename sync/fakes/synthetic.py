"""Deterministic synthetic patrons (wire dicts, CONTRACT.md "Patron record") for demo and tests.

Record i is computed from (seed, i, today) alone, so a server can page a million patrons without
holding them. Everything is visibly test data: names "Testperson 000123", CPR serials 9000–9999
(see below), cards "33" + 8 digits. The first patrons are the fixed DEMO_PERSONAS.
Imports nothing from kiosk/ or drivers/.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from math import gcd
from typing import Any, Final
from zoneinfo import ZoneInfo

FIRST_PATRON_NUMBER: Final = 1000001
"""patron_id of index 0; patron i is str(FIRST_PATRON_NUMBER + i)."""
PIN_VERSION: Final = "1"
"""A synthetic patron's PIN never changes, so neither does its pin_version."""

# CPR serials: the 7th digit 9 means "born 1937–1999 if YY >= 37, else 2000–2036" (CPR
# office's century rule), which covers every synthetic birth date. Generated patrons use
# 9000–9899, the demo personas 9901–9907: a scan for "serial 9xxx" finds all test data.
GENERATED_SERIAL_BASE: Final = 9000
PERSONA_SERIAL_BASE: Final = 9900
_BIRTH_FIRST: Final = date(1940, 1, 1)
_BIRTH_LAST: Final = date(2008, 12, 31)  # adults in 2026; under-age is a persona's job
_DAYS: Final = (_BIRTH_LAST - _BIRTH_FIRST).days + 1
_STRIDE: Final = next(s for s in range(7919, _DAYS) if gcd(s, _DAYS) == 1)
_MASK64: Final = (1 << 64) - 1
_BRANCHES: Final = ("solrod", "havdrup", "jersie")
_COPENHAGEN: Final = ZoneInfo("Europe/Copenhagen")


@dataclass(frozen=True, slots=True)
class DemoPersona:
    """A fixed patron the demo and the tests rely on; index in the population = position."""

    role: str
    patron_id: str
    name: str
    card: str
    pin: str
    expected_reason: str
    """CONTRACT.md reason code at the door in self-service hours with the shipped config."""
    description: str
    born: date | None
    """Fixed birth date; None = computed from `today` (the under-age persona)."""
    has_cpr: bool = True

    def birth_date(self, today: date) -> date:
        if self.born is not None:
            return self.born
        # 14 years and 100 days old: under the shipped min_age 15 for the next ~265 days.
        return _years_before(today, 14) - timedelta(days=100)

    def cpr(self, today: date) -> str | None:
        if not self.has_cpr:
            return None
        serial = PERSONA_SERIAL_BASE + int(self.patron_id) - FIRST_PATRON_NUMBER + 1
        return _cpr(self.birth_date(today), serial)


DEMO_PERSONAS: Final[tuple[DemoPersona, ...]] = (
    DemoPersona("valid", "1000001", "Anna Jensen", "3300000001", "1234", "ok",
                "adult, opted in to self-service, no debt", date(1990, 5, 17)),
    DemoPersona("blocked", "1000002", "Bo Nielsen", "3300000002", "2345", "patron_blocked",
                "blocked by the library, reason F", date(1985, 3, 2)),
    DemoPersona("under_age", "1000003", "Clara Holm", "3300000003", "3456", "under_age",
                "14 years old on the generation date", None),
    DemoPersona("debt", "1000004", "Dennis Lund", "3300000004", "4567", "debt_over_limit",
                "owes 150.00 DKK (limit 100)", date(1972, 11, 30)),
    DemoPersona("lost_card", "1000005", "Eva Berg", "3300000005", "5678", "card_lost",
                "her card is reported lost (her health card still works)", date(1960, 8, 9)),
    DemoPersona("not_opted_in", "1000006", "Frederik Dahl", "3300000006", "6789",
                "not_opted_in", "has not signed up for self-service access", date(2001, 1, 21)),
    DemoPersona("card_only", "1000007", "Grethe Skov", "3300000007", "7890", "ok",
                "library card only, no CPR on file", date(1948, 6, 14), has_cpr=False),
)
"""The first len(DEMO_PERSONAS) patrons of every synthetic population, whatever the seed."""


def persona(role: str) -> DemoPersona:
    """The demo persona with this role (KeyError naming the known roles otherwise)."""
    for p in DEMO_PERSONAS:
        if p.role == role:
            return p
    raise KeyError(f"no demo persona {role!r}; roles: {', '.join(p.role for p in DEMO_PERSONAS)}")


def copenhagen_today() -> date:
    return datetime.now(_COPENHAGEN).date()


def synthetic_patrons(n: int, seed: int, today: date | None = None) -> Iterator[dict[str, Any]]:
    """The first n patrons of population `seed`, lazily, as wire dicts (plaintext cpr, pin)."""
    day = today or copenhagen_today()
    for index in range(n):
        yield synthetic_patron(index, seed, day)


def synthetic_patron(index: int, seed: int, today: date) -> dict[str, Any]:
    """Patron number `index` of population `seed`: the same dict every time."""
    if index < len(DEMO_PERSONAS):
        return _persona_record(DEMO_PERSONAS[index], today)
    return _generated_record(index, seed, today)


def card_number(index: int) -> str:
    return f"33{index + 1:08d}"


def index_of_patron_id(patron_id: str) -> int | None:
    if not patron_id.isdigit():
        return None
    index = int(patron_id) - FIRST_PATRON_NUMBER
    return index if index >= 0 else None


def index_of_card(card: str) -> int | None:
    if len(card) != 10 or not card.startswith("33") or not card.isdigit():
        return None
    index = int(card[2:]) - 1
    return index if index >= 0 else None


def index_of_cpr(cpr: str, today: date) -> int | None:
    """Which synthetic patron owns this CPR (inverse of the generator), if any."""
    digits = cpr.replace("-", "")
    if len(digits) != 10 or not digits.isdigit():
        return None
    serial = int(digits[6:])
    for i, p in enumerate(DEMO_PERSONAS):
        if p.cpr(today) == digits:
            return i
    if not GENERATED_SERIAL_BASE <= serial < PERSONA_SERIAL_BASE:
        return None
    yy = int(digits[4:6])
    try:  # serial 9xxx: 1937–1999 when YY >= 37, else 2000–2036
        born = date((1900 if yy >= 37 else 2000) + yy, int(digits[2:4]), int(digits[0:2]))
    except ValueError:
        return None
    offset = (born - _BIRTH_FIRST).days
    if not 0 <= offset < _DAYS:
        return None
    j = offset * pow(_STRIDE, -1, _DAYS) % _DAYS
    index = (serial - GENERATED_SERIAL_BASE) * _DAYS + j
    return index if index >= len(DEMO_PERSONAS) else None


def _persona_record(p: DemoPersona, today: date) -> dict[str, Any]:
    born = p.birth_date(today)
    return {
        "patron_id": p.patron_id,
        "name": p.name,
        "birth_date": born.isoformat(),
        "cpr": p.cpr(today),
        "cards": [{"number": p.card, "status": "lost" if p.role == "lost_card" else "active"}],
        "pin": p.pin,
        "pin_version": PIN_VERSION,
        "patron_group": "youth" if p.role == "under_age" else "adult",
        "blocked": {"since": (today - timedelta(days=30)).isoformat(), "reason": "F"}
        if p.role == "blocked" else None,
        "debt_dkk": "150.00" if p.role == "debt" else "0.00",
        "home_branch": "solrod",
        "municipality": "336",
        "self_service_opt_in": p.role != "not_opted_in",
        "last_activity": (today - timedelta(days=7)).isoformat(),
        "updated_at": _stamp(today),
    }


def _generated_record(index: int, seed: int, today: date) -> dict[str, Any]:
    h = _splitmix64((seed * 0x9E3779B97F4A7C15 + index) & _MASK64)
    g = _splitmix64(h)
    born = _BIRTH_FIRST + timedelta(days=index * _STRIDE % _DAYS)
    serials = PERSONA_SERIAL_BASE - GENERATED_SERIAL_BASE
    serial = GENERATED_SERIAL_BASE + (index // _DAYS) % serials
    debt = (g >> 8) % 30000 if (h >> 24) % 100 < 8 else 0  # ~8 % owe something, in øre
    blocked = None
    if (h >> 16) % 100 < 2:
        since = today - timedelta(days=1 + (g >> 24) % 400)
        blocked = {"since": since.isoformat(), "reason": "FE"[(g >> 40) & 1]}
    return {
        "patron_id": str(FIRST_PATRON_NUMBER + index),
        "name": f"Testperson {index:06d}",
        "birth_date": born.isoformat(),
        # ~5 % are card-only patrons (no CPR on file), as CONTRACT.md allows
        "cpr": None if (h >> 52) % 100 < 5 else _cpr(born, serial),
        "cards": [{"number": card_number(index), "status": "active"}],
        "pin": f"{h % 10000:04d}",
        "pin_version": PIN_VERSION,
        "patron_group": "senior" if born.year < today.year - 67 else "adult",
        "blocked": blocked,
        "debt_dkk": f"{debt // 100}.{debt % 100:02d}",
        "home_branch": _BRANCHES[(g >> 48) % len(_BRANCHES)],
        "municipality": "336",
        "self_service_opt_in": (h >> 40) % 100 < 85,
        "last_activity": (today - timedelta(days=(g >> 16) % 900)).isoformat(),
        "updated_at": _stamp(today - timedelta(days=(g >> 32) % 365)),
    }


def _cpr(born: date, serial: int) -> str:
    return f"{born.day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T06:00:00Z"


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a non-leap year
        return day.replace(year=day.year - years, day=28)


def _splitmix64(x: int) -> int:
    """SplitMix64 finaliser: a cheap, well-mixed 64-bit hash (Steele, Lea, Flood 2014)."""
    x = (x + 0x9E3779B97F4A7C15) & _MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK64
    return x ^ (x >> 31)

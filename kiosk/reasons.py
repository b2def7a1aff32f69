"""Decision reason codes (CONTRACT.md) and the patron-facing text for each, Danish and English.

Codes are stable: the entry log, statistics and scripts use them. Text is looked up at the
edge (screen, CLI JSON); logic never compares display strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Final, Literal

Lang = Literal["da", "en", "de", "pl", "uk", "ar"]
"""A screen language: Danish first, English, and German, Polish, Ukrainian and Arabic for the
many patrons whose first language is neither (issue 17; words in kiosk/translations/)."""
SCREEN_LANGS: Final[tuple[Lang, ...]] = ("da", "en", "de", "pl", "uk", "ar")
TextLang = Literal["da", "en"]
"""The languages of the patron texts below, and of the decision JSON's `text` (CONTRACT.md);
the screen shows the other languages through the translation catalogue."""
LANGS: Final[tuple[TextLang, ...]] = ("da", "en")


class Reason(StrEnum):
    OK = "ok"
    UNKNOWN_CARD = "unknown_card"
    UNREADABLE_CARD = "unreadable_card"
    CARD_LOST = "card_lost"
    PATRON_BLOCKED = "patron_blocked"
    DEBT_OVER_LIMIT = "debt_over_limit"
    UNDER_AGE = "under_age"
    NOT_OPTED_IN = "not_opted_in"
    GROUP_NOT_ALLOWED = "group_not_allowed"
    BANNED = "banned"
    WRONG_PIN = "wrong_pin"
    PIN_LOCKED = "pin_locked"
    OUTSIDE_HOURS = "outside_hours"
    OUT_OF_SERVICE = "out_of_service"
    CACHE_STALE = "cache_stale"
    CANNOT_VERIFY = "cannot_verify"
    THROTTLED = "throttled"
    """Kiosk-wide pause after many wrong PINs across cards (added to CONTRACT's list)."""
    RELAY_FAULT = "relay_fault"
    """The decision was a grant but the door relay did not take the command."""


_STAFF_DA: Final = "Kontakt personalet i den bemandede åbningstid."
_STAFF_EN: Final = "Please contact the staff during staffed opening hours."

PATRON_TEXT: Final[Mapping[Reason, Mapping[TextLang, str]]] = {
    Reason.OK: {
        "da": "Velkommen. Døren er åben.",
        "en": "Welcome. The door is open.",
    },
    Reason.UNKNOWN_CARD: {
        "da": "Kortet er ikke kendt her. " + _STAFF_DA,
        "en": "This card is not known here. " + _STAFF_EN,
    },
    Reason.UNREADABLE_CARD: {
        "da": "Kortet kunne ikke læses. Prøv igen, og hold kortet stille.",
        "en": "The card could not be read. Please try again and hold the card still.",
    },
    Reason.CARD_LOST: {
        "da": "Kortet er meldt mistet og kan ikke bruges. " + _STAFF_DA,
        "en": "This card has been reported lost and cannot be used. " + _STAFF_EN,
    },
    Reason.PATRON_BLOCKED: {
        "da": "Du har ikke adgang lige nu. " + _STAFF_DA,
        "en": "You do not have access at the moment. " + _STAFF_EN,
    },
    Reason.DEBT_OVER_LIMIT: {
        "da": "Du har et udestående beløb. Betal på bibliotekets hjemmeside eller hos personalet.",
        "en": "You have an outstanding balance. Pay on the library website or at the desk.",
    },
    Reason.UNDER_AGE: {
        "da": "Du er for ung til selvbetjent adgang. Kom sammen med en voksen.",
        "en": "You are too young for self-service access. Please come with an adult.",
    },
    Reason.NOT_OPTED_IN: {
        "da": "Du er ikke tilmeldt selvbetjent adgang. Tilmeld dig hos personalet eller online.",
        "en": "You are not signed up for self-service access. Sign up at the desk or online.",
    },
    Reason.GROUP_NOT_ALLOWED: {
        "da": "Din lånertype giver ikke selvbetjent adgang. " + _STAFF_DA,
        "en": "Your type of membership does not include self-service access. " + _STAFF_EN,
    },
    Reason.BANNED: {
        "da": "Du har ikke adgang til dette bibliotek. " + _STAFF_DA,
        "en": "You do not have access to this library. " + _STAFF_EN,
    },
    Reason.WRONG_PIN: {
        "da": "Forkert pinkode. Prøv igen.",
        "en": "Wrong PIN. Please try again.",
    },
    Reason.PIN_LOCKED: {
        "da": "For mange forkerte pinkoder. Kortet er spærret et stykke tid. " + _STAFF_DA,
        "en": "Too many wrong PINs. The card is locked for a while. " + _STAFF_EN,
    },
    Reason.OUTSIDE_HOURS: {
        "da": "Biblioteket er lukket nu. Se åbningstiderne på skiltet.",
        "en": "The library is closed now. See the opening hours on the sign.",
    },
    Reason.OUT_OF_SERVICE: {
        "da": "Døren er ude af drift. Brug en anden indgang eller kom igen senere.",
        "en": "The door is out of service. Use another entrance or come back later.",
    },
    Reason.CACHE_STALE: {
        "da": "Vi kan ikke kontrollere adgang lige nu. Prøv igen senere.",
        "en": "We cannot check access right now. Please try again later.",
    },
    Reason.CANNOT_VERIFY: {
        "da": "Vi kan ikke kontrollere dig lige nu, fordi forbindelsen til biblioteket mangler. "
        "Prøv igen senere.",
        "en": "We cannot check you right now because the library system is unreachable. "
        "Please try again later.",
    },
    Reason.RELAY_FAULT: {
        "da": "Døren kunne ikke åbnes. Prøv igen om lidt, eller brug en anden indgang.",
        "en": "The door could not be opened. Please try again shortly or use another entrance.",
    },
    Reason.THROTTLED: {
        "da": "Der er tastet mange forkerte pinkoder her. Vent et minut, og prøv igen.",
        "en": "Many wrong PINs have been typed here. Please wait a minute and try again.",
    },
}


def patron_text(reason: Reason, attempts_left: int | None = None) -> dict[TextLang, str]:
    """The text a patron sees for `reason`, in every language, with attempts left if known."""
    text = {lang: PATRON_TEXT[reason][lang] for lang in LANGS}
    if reason is Reason.WRONG_PIN and attempts_left is not None:
        text["da"] += f" Du har {attempts_left} forsøg tilbage."
        text["en"] += f" You have {attempts_left} attempt{'' if attempts_left == 1 else 's'} left."
    return text

"""Words of the checkout screen, Danish first and English; codes come from the flow."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Final

from kiosk.circulation_types import REFUSAL_TEXT, ItemLine, LoanLine, ReadyLine, ReturnLine
from kiosk.reasons import Lang, Reason, patron_text

WORDS: Final[dict[str, dict[Lang, str]]] = {
    "title": {"da": "Lån og aflever", "en": "Borrow and return"},
    "idle": {"da": "Scan dit kort for at låne.\nScan en bog for at aflevere den.",
             "en": "Scan your card to borrow.\nScan a book to return it."},
    "pin": {"da": "Tast din pinkode", "en": "Enter your PIN"},
    "checking": {"da": "Et øjeblik …", "en": "One moment …"},
    "hello": {"da": "Hej %1. Scan det, du vil låne.",
              "en": "Hello %1. Scan what you want to borrow."},
    "offline": {"da": "Biblioteket er ikke forbundet: lån bliver sendt senere.",
                "en": "The library system is away: loans will be sent later."},
    "item": {"da": "Stregkode", "en": "Barcode"},
    "add": {"da": "Tilføj", "en": "Add"},
    "return": {"da": "Aflever", "en": "Return"},
    "account": {"da": "Min konto", "en": "My account"},
    "back": {"da": "Tilbage til lån", "en": "Back to borrowing"},
    "done": {"da": "Færdig", "en": "Done"},
    "cancel": {"da": "Afbryd", "en": "Cancel"},
    "accept_fee": {"da": "Acceptér gebyr", "en": "Accept the fee"},
    "decline_fee": {"da": "Nej tak", "en": "No thanks"},
    "renew": {"da": "Forny", "en": "Renew"},
    "renew_all": {"da": "Forny alle", "en": "Renew all"},
    "loans": {"da": "Dine lån", "en": "Your loans"},
    "ready": {"da": "Klar til afhentning", "en": "Ready for pickup"},
    "debts": {"da": "Gebyrer", "en": "Fees"},
    "none": {"da": "Ingen", "en": "None"},
    "receipt": {"da": "Kvittering", "en": "Receipt"},
    "warning": {"da": "Du bliver logget ud om %1 sekunder. Rør skærmen for at fortsætte.",
                "en": "You will be logged out in %1 seconds. Touch the screen to go on."},
    "due": {"da": "afleveres senest %1", "en": "due %1"},
    "loaned": {"da": "Lånt", "en": "Borrowed"},
    "renewed": {"da": "Fornyet", "en": "Renewed"},
    "queued": {"da": "Lånt (sendes senere)", "en": "Borrowed (sent later)"},
    "returned": {"da": "Afleveret", "en": "Returned"},
    "shelf": {"da": "Læg den på returhylden.", "en": "Put it on the return shelf."},
    "staff": {"da": "Reserveret til en anden: læg den på personalehylden.",
              "en": "Reserved for someone else: put it on the staff shelf."},
    "other_branch": {"da": "Hører til en anden filial: læg den på personalehylden.",
                     "en": "Belongs to another branch: put it on the staff shelf."},
    "not_returned": {"da": "Kunne ikke afleveres. Læg den ved skranken.",
                     "en": "Could not be returned. Please leave it at the desk."},
    "pickup": {"da": "afhentningsnummer %1, senest %2", "en": "pickup number %1, by %2"},
}


def word(key: str, lang: Lang, *args: str) -> str:
    text = WORDS[key][lang]
    for index, arg in enumerate(args, 1):
        text = text.replace(f"%{index}", arg)
    return text


def day(when: datetime | None) -> str:
    return when.strftime("%d.%m.%Y") if when is not None else "-"


def kroner(amount: Decimal) -> str:
    return f"{amount:.2f} kr.".replace(".", ",", 1)


def item_line(line: ItemLine, lang: Lang) -> str:
    title = line.title or line.item_id
    if line.ok:
        verb = {"loan": "loaned", "renewal": "renewed", "queued": "queued"}[line.kind]
        return f"✔ {word(verb, lang)}: {title}, {word('due', lang, day(line.due))}"
    refusal = REFUSAL_TEXT[line.refusal][lang] if line.refusal is not None else ""
    fee = f" ({kroner(line.fee)})" if line.fee is not None else ""
    return f"✘ {title}: {refusal}{fee}"


def return_line(line: ReturnLine, lang: Lang) -> str:
    title = line.title or line.item_id
    if not line.ok:
        return f"✘ {title}: {word('not_returned', lang)}"
    where = word(line.shelf or "shelf", lang)
    return f"✔ {word('returned', lang)}: {title}. {where}"


def ready_line(line: ReadyLine, lang: Lang) -> str:
    return f"{line.title}: {word('pickup', lang, line.pickup_number or '-', day(line.deadline))}"


def refusal_text(reason: Reason, attempts_left: int | None, lang: Lang) -> str:
    return patron_text(reason, attempts_left)[lang]


def loan_line(loan: LoanLine, lang: Lang) -> str:
    return f"{loan.title or loan.item_id}, {word('due', lang, day(loan.due))}"

"""Sentences of the checkout pages, through `tr()` (Danish in kiosk_da.ts); codes come from
the flow. `lang` is passed only where the words come from the domain (refusal reasons)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from kiosk.checkout.types import REFUSAL_TEXT, ItemLine, LoanLine, ReadyLine, Refusal, ReturnLine
from kiosk.reasons import Lang, Reason
from kiosk.ui.i18n import tr
from kiosk.ui.screens.texts import reason_text


def day(when: datetime | None) -> str:
    return when.strftime("%d.%m.%Y") if when is not None else "-"


def kroner(amount: Decimal) -> str:
    return f"{amount:.2f} kr.".replace(".", ",", 1)


def due(when: datetime | None) -> str:
    return tr("due %1", day(when))


def item_line(line: ItemLine, lang: Lang) -> str:
    """One scanned item: "✔ Borrowed: title – due 21.12.2026" or "✘ title: why not"."""
    title = line.title or line.item_id
    if line.ok:
        verb = {"loan": tr("Borrowed"), "renewal": tr("Renewed"),
                "queued": tr("Borrowed (sent later)")}[line.kind]
        return f"✔ {verb}: {title} – {due(line.due)}"
    refusal = refusal_words(line.refusal, lang) if line.refusal is not None else ""
    fee = f" ({kroner(line.fee)})" if line.fee is not None else ""
    return f"✘ {title}: {refusal}{fee}"


def receipt_line(line: ItemLine) -> str:
    verb = tr("Renewed") if line.kind == "renewal" else tr("Borrowed")
    return f"{verb}: {line.title or line.item_id}\n    {tr('Due %1', day(line.due))}"


def return_title(line: ReturnLine) -> str:
    return tr("Returned") if line.ok else tr("Could not be returned")


def return_where(line: ReturnLine) -> str:
    """Where the item goes now: the plain instruction, in big type."""
    if not line.ok:
        return tr("Please leave it at the desk.")
    if line.shelf in ("staff", "other_branch"):
        return tr("Put it on the staff shelf.")
    return tr("Put it on the return shelf.")


def return_why(line: ReturnLine) -> str:
    title = line.title or line.item_id
    if line.ok and line.shelf == "staff":
        return tr("%1 – it is reserved for someone else.", title)
    if line.ok and line.shelf == "other_branch":
        return tr("%1 – it belongs to another branch.", title)
    return title


def return_line(line: ReturnLine) -> str:
    """An earlier return, small: "✔ title: where"."""
    mark = "✔" if line.ok else "✘"
    return f"{mark} {line.title or line.item_id}: {return_where(line)}"


def ready_line(line: ReadyLine) -> str:
    return tr("%1: pickup number %2, by %3", line.title, line.pickup_number or "-",
              day(line.deadline))


def refusal_text(reason: Reason, attempts_left: int | None, lang: Lang) -> str:
    return reason_text(reason, lang, attempts_left)


def refusal_words(refusal: Refusal, lang: Lang) -> str:
    """Why an item was not borrowed, in `lang` (as `reason_text` does for a login)."""
    if lang == "da" or lang == "en":
        return REFUSAL_TEXT[refusal][lang]
    return tr(REFUSAL_TEXT[refusal]["en"])


def loan_line(loan: LoanLine) -> str:
    return f"{loan.title or loan.item_id}\n{due(loan.due)}"

"""Builders of the messages the kiosk (SC) sends, pure: 93, 99, 23, 63, 11, 09, 29, 17, 35, 37, 97.

reference/protocols.md §A.6. Standard library only. Each returns a codec.Message; the client
adds sequence numbers and checksums when it encodes. Optional fields are left out when empty,
required ones are sent as `XX|` (A.1).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Final, Literal

from sync.sip2.codec import Message
from sync.sip2.dates import BLANK_DATE, format_sip_date

LANGUAGE_UNSPECIFIED: Final = "000"
LANGUAGE_DANISH: Final = "009"
Summary = Literal["hold", "overdue", "charged", "fine", "recall", "unavailable"]
SUMMARY_POSITIONS: Final[dict[str, int]] = {
    "hold": 0, "overdue": 1, "charged": 2, "fine": 3, "recall": 4, "unavailable": 5,
}


def yn(value: bool) -> str:
    return "Y" if value else "N"


def _optional(*pairs: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((fid, value) for fid, value in pairs if value)


def login(user: str, password: str, location: str = "") -> Message:
    """93: algorithms `0` (plain text; the site's tunnel/TLS protects it)."""
    return Message("93", ("0", "0"), (("CN", user), ("CO", password), *_optional(("CP", location))))


def sc_status(status: int = 0, print_width: int = 80, version: str = "2.00") -> Message:
    """99: status 0 ok, 1 out of paper, 2 shutting down."""
    return Message("99", (str(status), f"{print_width:03d}", version))


def patron_status(
    institution: str, patron: str, now: datetime, pin: str = "", terminal_password: str = "",
    language: str = LANGUAGE_UNSPECIFIED,
) -> Message:
    """23: AC and AD are required but may be empty."""
    fields = (("AO", institution), ("AA", patron), ("AC", terminal_password), ("AD", pin))
    return Message("23", (language, format_sip_date(now)), fields)


def summary_field(summary: Summary | None) -> str:
    """63's 10-position summary: at most one `Y`, the item list the ACS should include."""
    chars = [" "] * 10
    if summary is not None:
        chars[SUMMARY_POSITIONS[summary]] = "Y"
    return "".join(chars)


def patron_information(
    institution: str, patron: str, now: datetime, pin: str = "",
    summary: Summary | None = None, terminal_password: str = "",
    start_item: int | None = None, end_item: int | None = None,
    language: str = LANGUAGE_UNSPECIFIED,
) -> Message:
    """63. AD is left out without a PIN: A.6 says CQ is then not sent (not verified)."""
    fields = (("AO", institution), ("AA", patron), *_optional(
        ("AC", terminal_password), ("AD", pin),
        ("BP", "" if start_item is None else str(start_item)),
        ("BQ", "" if end_item is None else str(end_item)),
    ))
    return Message("63", (language, format_sip_date(now), summary_field(summary)), fields)


def checkout(
    institution: str, patron: str, item: str, now: datetime, pin: str = "",
    no_block: bool = False, nb_due_date: datetime | None = None, fee_ack: bool = False,
    cancel: bool = False, terminal_password: str = "", renewal_policy: bool = True,
) -> Message:
    """11. no_block = done offline already; nb_due_date is then the due date given offline.

    BO is always sent so the ACS knows whether the patron accepted a fee (A.6: `N` and a fee →
    refused with a fee message; resend with `Y` after the patron accepts).
    """
    fixed = (
        yn(renewal_policy), yn(no_block), format_sip_date(now),
        format_sip_date(nb_due_date) if nb_due_date is not None else BLANK_DATE,
    )
    fields = (
        ("AO", institution), ("AA", patron), ("AB", item), ("AC", terminal_password),
        *_optional(("AD", pin)), ("BO", yn(fee_ack)), *_optional(("BI", "Y" if cancel else "")),
    )
    return Message("11", fixed, fields)


def checkin(
    institution: str, item: str, location: str, now: datetime,
    return_date: datetime | None = None, no_block: bool = False, terminal_password: str = "",
    cancel: bool = False,
) -> Message:
    """09. AP = where the item is now (the kiosk's location); return date defaults to now."""
    returned = return_date if return_date is not None else now
    fixed = (yn(no_block), format_sip_date(now), format_sip_date(returned))
    fields = (
        ("AP", location), ("AO", institution), ("AB", item), ("AC", terminal_password),
        *_optional(("BI", "Y" if cancel else "")),
    )
    return Message("09", fixed, fields)


def renew(
    institution: str, patron: str, item: str, now: datetime, pin: str = "",
    no_block: bool = False, nb_due_date: datetime | None = None, fee_ack: bool = False,
    terminal_password: str = "", third_party_allowed: bool = False,
) -> Message:
    """29 for one item (by AB)."""
    fixed = (
        yn(third_party_allowed), yn(no_block), format_sip_date(now),
        format_sip_date(nb_due_date) if nb_due_date is not None else BLANK_DATE,
    )
    fields = (("AO", institution), ("AA", patron), *_optional(
        ("AD", pin), ("AB", item), ("AC", terminal_password), ("BO", "Y" if fee_ack else ""),
    ))
    return Message("29", fixed, fields)


def item_information(
    institution: str, item: str, now: datetime, terminal_password: str = ""
) -> Message:
    fields = (("AO", institution), ("AB", item), *_optional(("AC", terminal_password)))
    return Message("17", (format_sip_date(now),), fields)


def end_session(
    institution: str, patron: str, now: datetime, pin: str = "", terminal_password: str = ""
) -> Message:
    fields = (("AO", institution), ("AA", patron), *_optional(
        ("AC", terminal_password), ("AD", pin)
    ))
    return Message("35", (format_sip_date(now),), fields)


def fee_paid(
    institution: str, patron: str, amount: Decimal, now: datetime, fee_type: str = "01",
    payment_type: str = "00", currency: str = "DKK", fee_id: str = "",
    transaction_id: str = "", pin: str = "", terminal_password: str = "",
) -> Message:
    """37. Amount is written with two decimals and a point, as ACSs expect."""
    fixed = (format_sip_date(now), fee_type, payment_type, currency)
    fields = (("BV", f"{amount:.2f}"), ("AO", institution), ("AA", patron), *_optional(
        ("AC", terminal_password), ("AD", pin), ("CG", fee_id), ("BK", transaction_id),
    ))
    return Message("37", fixed, fields)


def request_resend() -> Message:
    """97: ask the ACS to send its last message again (our copy had a bad checksum)."""
    return Message("97")


def request_sc_resend() -> Message:
    """96: the ACS asks us to send our last message again."""
    return Message("96")

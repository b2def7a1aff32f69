"""Builders of ACS answers (94, 98, 24, 64, 12, 30, 10, 18, 36, 38) from the result values, pure.

The inverse of results.py: the fake ACS answers with these and the codec tests round-trip
through them. Standard library only; no kiosk/ or drivers/ imports.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sync.sip2.codec import Message
from sync.sip2.dates import BLANK_DATE, format_sip_date
from sync.sip2.results import (
    SUPPORTED_MESSAGES,
    AcsStatus,
    CheckinResult,
    CheckoutResult,
    EndSessionResult,
    FeePaidResult,
    ItemInfo,
    PatronInfo,
    RenewResult,
    Screen,
)


def _yn(value: bool | None, unknown: str = "U") -> str:
    return unknown if value is None else ("Y" if value else "N")


def _date(when: datetime | None) -> str:
    return BLANK_DATE if when is None else format_sip_date(when)


def _amount(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _num(value: int | None, width: int, unknown: str) -> str:
    return unknown if value is None else f"{value:0{width}d}"


def _fields(*pairs: tuple[str, str], required: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Optional fields only when they have a value; ids in `required` always (as `XX|`)."""
    return [(fid, value) for fid, value in pairs if value or fid in required]


def _screen(screen: Screen) -> list[tuple[str, str]]:
    return [("AF", m) for m in screen.messages] + [("AG", line) for line in screen.print_lines]


def login_response(ok: bool) -> Message:
    return Message("94", ("1" if ok else "0",))


def acs_status_message(s: AcsStatus) -> Message:
    timeout = "999" if s.timeout_s is None else f"{round(s.timeout_s * 10):03d}"
    fixed = (
        *(_yn(v) for v in (s.online, s.checkin_ok, s.checkout_ok, s.renewal_policy)),
        _yn(s.status_update_ok), _yn(s.offline_ok), timeout, _num(s.retries, 3, "999"),
        _date(s.date), s.version.ljust(4)[:4],
    )
    bx = "".join("Y" if s.supports(name) else "N" for name in SUPPORTED_MESSAGES)
    fields = _fields(
        ("AO", s.institution), ("AM", s.library_name), ("BX", bx), ("AN", s.terminal_location),
        required=("AO", "BX"),
    )
    return Message("98", fixed, (*fields, *_screen(s.screen)))


def patron_message(p: PatronInfo, command: str = "64") -> Message:
    """24 (patron status) or 64 (patron information) from the same value."""
    flags = "".join("Y" if f else " " for f in p.status)
    fixed: tuple[str, ...] = (flags, p.language, _date(p.date))
    if command == "64":
        counts = (p.hold_count, p.overdue_count, p.charged_count, p.fine_count, p.recall_count,
                  p.unavailable_hold_count)
        fixed += tuple(_num(c, 4, "    ") for c in counts)
    fields = _fields(
        ("AO", p.institution), ("AA", p.patron_id), ("AE", p.name),
        ("BL", "" if p.valid_patron is None else _yn(p.valid_patron)),
        ("CQ", "" if p.valid_password is None else _yn(p.valid_password)),
        ("BH", p.currency), ("BV", _amount(p.fee_amount)), ("CC", _amount(p.fee_limit)),
        ("BZ", _num(p.hold_limit, 4, "")), ("CA", _num(p.overdue_limit, 4, "")),
        ("CB", _num(p.charged_limit, 4, "")),
        ("PB", "" if p.birth_date is None else p.birth_date.strftime("%Y%m%d")),
        ("BD", p.home_address), ("BE", p.email), ("BF", p.phone),
        required=("AO", "AA", "AE"),
    )
    items = [
        (fid, item)
        for fid, values in (("AS", p.hold_items), ("AT", p.overdue_items),
                            ("AU", p.charged_items), ("AV", p.fine_items),
                            ("BU", p.recall_items), ("CD", p.unavailable_hold_items))
        for item in values
    ]
    return Message(command, fixed, (*fields, *items, *_screen(p.screen)))


def checkout_message(r: CheckoutResult) -> Message:
    """12, or 30 when `r` is a RenewResult."""
    command = "30" if isinstance(r, RenewResult) else "12"
    fixed = ("1" if r.ok else "0", _yn(r.renewal_ok), _yn(r.magnetic_media),
             _yn(r.desensitize), _date(r.date))
    due = r.due_date_raw or ("" if r.due_date is None else format_sip_date(r.due_date))
    fields = _fields(
        ("AO", r.institution), ("AA", r.patron_id), ("AB", r.item_id), ("AJ", r.title),
        ("AH", due), ("BT", r.fee_type), ("CI", "" if r.security_inhibit is None else
                                           _yn(r.security_inhibit)),
        ("BH", r.currency), ("BV", _amount(r.fee_amount)), ("CK", r.media_type),
        ("CH", r.item_properties), ("BK", r.transaction_id),
        required=("AO", "AA", "AB", "AJ", "AH"),
    )
    return Message(command, fixed, (*fields, *_screen(r.screen)))


def checkin_message(r: CheckinResult) -> Message:
    fixed = ("1" if r.ok else "0", _yn(r.resensitize), _yn(r.magnetic_media), _yn(r.alert),
             _date(r.date))
    fields = _fields(
        ("AO", r.institution), ("AB", r.item_id), ("AQ", r.permanent_location),
        ("AJ", r.title), ("CL", r.sort_bin), ("AA", r.patron_id), ("CK", r.media_type),
        ("CH", r.item_properties), ("CV", r.alert_type), ("CT", r.destination),
        required=("AO", "AB", "AQ"),
    )
    return Message("10", fixed, (*fields, *_screen(r.screen)))


def item_information_message(i: ItemInfo) -> Message:
    fixed = (i.circulation_status, i.security_marker, i.fee_type, _date(i.date))
    due = i.due_date_raw or ("" if i.due_date is None else format_sip_date(i.due_date))
    fields = _fields(
        ("CF", _num(i.hold_queue_length, 1, "")), ("AH", due),
        ("CJ", "" if i.recall_date is None else format_sip_date(i.recall_date)),
        ("CM", "" if i.hold_pickup_date is None else format_sip_date(i.hold_pickup_date)),
        ("AB", i.item_id), ("AJ", i.title), ("BG", i.owner), ("BH", i.currency),
        ("BV", _amount(i.fee_amount)), ("CK", i.media_type), ("AQ", i.permanent_location),
        ("AP", i.current_location), ("CH", i.item_properties),
        required=("AB", "AJ"),
    )
    return Message("18", fixed, (*fields, *_screen(i.screen)))


def end_session_message(r: EndSessionResult) -> Message:
    fields = _fields(("AO", r.institution), ("AA", r.patron_id), required=("AO", "AA"))
    return Message("36", (_yn(r.ended), _date(r.date)), (*fields, *_screen(r.screen)))


def fee_paid_message(r: FeePaidResult) -> Message:
    fields = _fields(
        ("AO", r.institution), ("AA", r.patron_id), ("BK", r.transaction_id),
        required=("AO", "AA"),
    )
    return Message("38", (_yn(r.accepted), _date(r.date)), (*fields, *_screen(r.screen)))

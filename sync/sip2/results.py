"""What the ACS answered, as typed values: response dataclasses and their parsers, pure.

reference/protocols.md §A.5-A.6. Standard library only. Parsers are lenient (missing optional
fields become None/empty, unknown codes are kept raw) and raise only Sip2DecodeError. Patron
ids are kept out of repr() because an AA may be a CPR number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from decimal import Decimal, InvalidOperation
from typing import Final, TypeVar

from sync.sip2.codec import Message, yes_no
from sync.sip2.dates import LOCAL_TZ, parse_due_date, parse_loose_date, parse_sip_date
from sync.sip2.errors import Sip2DecodeError

# BX positions (A.5), named after the client methods where one exists.
SUPPORTED_MESSAGES: Final = (
    "patron_status", "checkout", "checkin", "block_patron", "sc_status", "request_resend",
    "login", "patron_information", "end_session", "fee_paid", "item_information",
    "item_status_update", "patron_enable", "hold", "renew", "renew_all",
)
PATRON_FLAGS: Final = (
    "charge_denied", "renewal_denied", "recall_denied", "hold_denied", "card_lost",
    "too_many_charged", "too_many_overdue", "too_many_renewals", "too_many_claims_returned",
    "too_many_lost", "excessive_fines", "excessive_fees", "recall_overdue", "too_many_billed",
)
DEFAULT_BLOCKING: Final = frozenset({0, 4})  # A.5 Rec.: charge privileges denied, card lost
CIRCULATION_STATUS: Final = {
    "01": "other", "02": "on_order", "03": "available", "04": "charged",
    "05": "charged_no_recall", "06": "in_process", "07": "recalled", "08": "on_hold_shelf",
    "09": "to_reshelve", "10": "in_transit", "11": "claimed_returned", "12": "lost",
    "13": "missing",
}


@dataclass(frozen=True, slots=True)
class Screen:
    """Text the ACS wants shown (AF) or printed (AG), in order."""

    messages: tuple[str, ...] = ()
    print_lines: tuple[str, ...] = ()


class _ShowsScreen:
    """AF/AG accessors for every answer, so callers need not know the Screen grouping."""

    __slots__ = ()
    screen: Screen

    @property
    def screen_messages(self) -> tuple[str, ...]:
        return self.screen.messages

    @property
    def print_lines(self) -> tuple[str, ...]:
        return self.screen.print_lines


@dataclass(frozen=True, slots=True)
class AcsStatus(_ShowsScreen):
    """98: whether the ACS serves us now, its limits, and which messages it supports."""

    online: bool
    checkin_ok: bool
    checkout_ok: bool
    renewal_policy: bool
    status_update_ok: bool
    offline_ok: bool
    timeout_s: float | None  # None = unknown (999); 0.0 means the ACS itself is offline
    retries: int | None  # None = unknown (999)
    date: datetime | None
    version: str
    institution: str
    library_name: str = ""
    terminal_location: str = ""
    supported: dict[str, bool] = field(default_factory=dict)
    screen: Screen = Screen()

    def supports(self, name: str) -> bool:
        return self.supported.get(name, False)


@dataclass(frozen=True, slots=True)
class PatronInfo(_ShowsScreen):
    """24 or 64. Counts, limits and item lists are only in 64 (None/empty from 24)."""

    status: tuple[bool, ...]  # 14 flags, named by PATRON_FLAGS
    language: str
    date: datetime | None
    institution: str
    patron_id: str = field(repr=False)
    name: str
    valid_patron: bool | None  # BL; None when the ACS did not say
    valid_password: bool | None  # CQ; None = not checked (no PIN sent) = not verified
    currency: str = ""
    fee_amount: Decimal | None = None
    fee_limit: Decimal | None = None
    hold_count: int | None = None
    overdue_count: int | None = None
    charged_count: int | None = None
    fine_count: int | None = None
    recall_count: int | None = None
    unavailable_hold_count: int | None = None
    hold_limit: int | None = None
    overdue_limit: int | None = None
    charged_limit: int | None = None
    hold_items: tuple[str, ...] = ()
    overdue_items: tuple[str, ...] = ()
    charged_items: tuple[str, ...] = ()
    fine_items: tuple[str, ...] = ()
    recall_items: tuple[str, ...] = ()
    unavailable_hold_items: tuple[str, ...] = ()
    birth_date: dt.date | None = field(default=None, repr=False)  # PB, a common extension
    email: str = field(default="", repr=False)
    phone: str = field(default="", repr=False)
    home_address: str = field(default="", repr=False)
    screen: Screen = Screen()

    def flag(self, name: str) -> bool:
        return self.status[PATRON_FLAGS.index(name)]

    def blocking_flags(self, blocking: frozenset[int] = DEFAULT_BLOCKING) -> tuple[str, ...]:
        return tuple(PATRON_FLAGS[i] for i in sorted(blocking) if self.status[i])

    def admissible(self, blocking: frozenset[int] = DEFAULT_BLOCKING) -> bool:
        """A.7 step 3: valid patron, PIN verified (CQ Y), no blocking status flag."""
        return bool(self.valid_patron and self.valid_password) and not self.blocking_flags(
            blocking
        )


@dataclass(frozen=True, slots=True)
class CheckoutResult(_ShowsScreen):
    """12 (checkout) and, as RenewResult, 30 (renew)."""

    ok: bool
    renewal_ok: bool  # 12: Y = the patron already had the item, so this was a renewal
    magnetic_media: bool | None
    desensitize: bool | None
    date: datetime | None
    institution: str
    patron_id: str = field(repr=False)
    item_id: str
    title: str
    due_date: datetime | None
    due_date_raw: str
    fee_type: str = ""
    fee_amount: Decimal | None = None
    currency: str = ""
    security_inhibit: bool | None = None
    media_type: str = ""
    item_properties: str = ""
    transaction_id: str = ""
    screen: Screen = Screen()

    @property
    def needs_fee_ack(self) -> bool:
        """Refused with a fee (A.6): ask the patron, then resend with fee_ack=True."""
        return not self.ok and self.fee_amount is not None and self.fee_amount > 0


@dataclass(frozen=True, slots=True)
class RenewResult(CheckoutResult):
    """30: same layout as 12."""


@dataclass(frozen=True, slots=True)
class CheckinResult(_ShowsScreen):
    """10. alert = route to the staff shelf (hold for someone, other branch)."""

    ok: bool
    resensitize: bool | None
    magnetic_media: bool | None
    alert: bool
    date: datetime | None
    institution: str
    item_id: str
    permanent_location: str
    title: str = ""
    sort_bin: str = ""
    patron_id: str = field(default="", repr=False)
    media_type: str = ""
    item_properties: str = ""
    alert_type: str = ""  # CV, a common extension
    destination: str = ""  # CT, a common extension
    screen: Screen = Screen()


@dataclass(frozen=True, slots=True)
class ItemInfo(_ShowsScreen):
    """18. circulation_status is the raw 2-digit code; status_name maps unknown to 'other'."""

    circulation_status: str
    security_marker: str
    fee_type: str
    date: datetime | None
    item_id: str
    title: str
    hold_queue_length: int | None = None
    due_date: datetime | None = None
    due_date_raw: str = ""
    recall_date: datetime | None = None
    hold_pickup_date: datetime | None = None
    owner: str = ""
    currency: str = ""
    fee_amount: Decimal | None = None
    media_type: str = ""
    permanent_location: str = ""
    current_location: str = ""
    item_properties: str = ""
    screen: Screen = Screen()

    @property
    def status_name(self) -> str:
        return CIRCULATION_STATUS.get(self.circulation_status, "other")


@dataclass(frozen=True, slots=True)
class EndSessionResult(_ShowsScreen):
    ended: bool
    date: datetime | None
    institution: str
    patron_id: str = field(repr=False)
    screen: Screen = Screen()


@dataclass(frozen=True, slots=True)
class FeePaidResult(_ShowsScreen):
    accepted: bool
    date: datetime | None
    institution: str
    patron_id: str = field(repr=False)
    transaction_id: str = ""
    screen: Screen = Screen()


# --- parsers ---------------------------------------------------------------------------------

T = TypeVar("T")


def expect(msg: Message, command: str) -> Message:
    if msg.command != command:
        raise Sip2DecodeError(f"expected a {command} message, got {msg.command}")
    return msg


def screen_of(msg: Message) -> Screen:
    return Screen(msg.values("AF"), msg.values("AG"))


def to_int(text: str) -> int | None:
    value = text.strip()
    return int(value) if value.isdecimal() and value.isascii() else None


def to_decimal(text: str) -> Decimal | None:
    """Fee amount as sent; some ACSs use a decimal comma or append the currency."""
    value = text.strip().replace(",", ".").removesuffix("DKK").strip()
    if not value:
        return None
    try:
        amount = Decimal(value)
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


def ok_digit(text: str) -> bool:
    return text.strip() == "1"


def parse_login(msg: Message) -> bool:
    return ok_digit(expect(msg, "94").fixed[0])


def parse_acs_status(msg: Message, tz: tzinfo = LOCAL_TZ) -> AcsStatus:
    f = expect(msg, "98").fixed
    online, checkin_ok, checkout_ok, renewal, status_update, offline_ok = (
        yes_no(v) is True for v in f[:6]
    )
    timeout = to_int(f[6])
    retries = to_int(f[7])
    bx = msg.get("BX")
    return AcsStatus(
        online=online, checkin_ok=checkin_ok, checkout_ok=checkout_ok, renewal_policy=renewal,
        status_update_ok=status_update, offline_ok=offline_ok,
        timeout_s=None if timeout in (None, 999) else timeout / 10,
        retries=None if retries in (None, 999) else retries,
        date=parse_sip_date(f[8], tz),
        version=f[9].strip(),
        institution=msg.get("AO"),
        library_name=msg.get("AM"),
        terminal_location=msg.get("AN"),
        supported={name: bx[i : i + 1].upper() == "Y" for i, name in enumerate(SUPPORTED_MESSAGES)},
        screen=screen_of(msg),
    )


def _status_flags(text: str) -> tuple[bool, ...]:
    return tuple(text[i : i + 1].upper() == "Y" for i in range(len(PATRON_FLAGS)))


def parse_patron(msg: Message, tz: tzinfo = LOCAL_TZ) -> PatronInfo:
    """24 (patron status) or 64 (patron information)."""
    if msg.command not in ("24", "64"):
        raise Sip2DecodeError(f"expected a 24 or 64 message, got {msg.command}")
    f = msg.fixed
    holds, overdue, charged, fines, recalls, unavailable = (
        (to_int(v) for v in f[3:9]) if msg.command == "64" else (None,) * 6
    )
    return PatronInfo(
        _status_flags(f[0]), f[1], parse_sip_date(f[2], tz), msg.get("AO"), msg.get("AA"),
        msg.get("AE"), msg.flag("BL"), msg.flag("CQ"), msg.get("BH"),
        to_decimal(msg.get("BV")), to_decimal(msg.get("CC")), hold_count=holds,
        overdue_count=overdue, charged_count=charged, fine_count=fines, recall_count=recalls,
        unavailable_hold_count=unavailable,
        hold_limit=to_int(msg.get("BZ")), overdue_limit=to_int(msg.get("CA")),
        charged_limit=to_int(msg.get("CB")), hold_items=msg.values("AS"),
        overdue_items=msg.values("AT"), charged_items=msg.values("AU"),
        fine_items=msg.values("AV"), recall_items=msg.values("BU"),
        unavailable_hold_items=msg.values("CD"), birth_date=parse_loose_date(msg.get("PB"), tz),
        email=msg.get("BE"), phone=msg.get("BF"), home_address=msg.get("BD"),
        screen=screen_of(msg),
    )


def _parse_loan(msg: Message, command: str, cls: Callable[..., T], tz: tzinfo) -> T:
    f = expect(msg, command).fixed
    due_raw = msg.get("AH")
    return cls(
        ok_digit(f[0]), yes_no(f[1]) is True, yes_no(f[2]), yes_no(f[3]),
        parse_sip_date(f[4], tz), msg.get("AO"), msg.get("AA"), msg.get("AB"), msg.get("AJ"),
        parse_due_date(due_raw, tz), due_raw, fee_type=msg.get("BT"),
        fee_amount=to_decimal(msg.get("BV")), currency=msg.get("BH"),
        security_inhibit=msg.flag("CI"), media_type=msg.get("CK"),
        item_properties=msg.get("CH"), transaction_id=msg.get("BK"), screen=screen_of(msg),
    )


def parse_checkout(msg: Message, tz: tzinfo = LOCAL_TZ) -> CheckoutResult:
    return _parse_loan(msg, "12", CheckoutResult, tz)


def parse_renew(msg: Message, tz: tzinfo = LOCAL_TZ) -> RenewResult:
    return _parse_loan(msg, "30", RenewResult, tz)


def parse_checkin(msg: Message, tz: tzinfo = LOCAL_TZ) -> CheckinResult:
    f = expect(msg, "10").fixed
    return CheckinResult(
        ok_digit(f[0]), yes_no(f[1]), yes_no(f[2]), yes_no(f[3]) is True,
        parse_sip_date(f[4], tz), msg.get("AO"), msg.get("AB"), msg.get("AQ"),
        title=msg.get("AJ"), sort_bin=msg.get("CL"), patron_id=msg.get("AA"),
        media_type=msg.get("CK"), item_properties=msg.get("CH"), alert_type=msg.get("CV"),
        destination=msg.get("CT"), screen=screen_of(msg),
    )


def parse_item_information(msg: Message, tz: tzinfo = LOCAL_TZ) -> ItemInfo:
    f = expect(msg, "18").fixed
    due_raw = msg.get("AH")
    return ItemInfo(
        f[0], f[1], f[2], parse_sip_date(f[3], tz), msg.get("AB"), msg.get("AJ"),
        hold_queue_length=to_int(msg.get("CF")), due_date=parse_due_date(due_raw, tz),
        due_date_raw=due_raw, recall_date=parse_due_date(msg.get("CJ"), tz),
        hold_pickup_date=parse_due_date(msg.get("CM"), tz), owner=msg.get("BG"),
        currency=msg.get("BH"), fee_amount=to_decimal(msg.get("BV")), media_type=msg.get("CK"),
        permanent_location=msg.get("AQ"), current_location=msg.get("AP"),
        item_properties=msg.get("CH"), screen=screen_of(msg),
    )


def parse_end_session(msg: Message, tz: tzinfo = LOCAL_TZ) -> EndSessionResult:
    f = expect(msg, "36").fixed
    return EndSessionResult(
        yes_no(f[0]) is True, parse_sip_date(f[1], tz), msg.get("AO"), msg.get("AA"),
        screen_of(msg),
    )


def parse_fee_paid(msg: Message, tz: tzinfo = LOCAL_TZ) -> FeePaidResult:
    f = expect(msg, "38").fixed
    return FeePaidResult(
        yes_no(f[0]) is True, parse_sip_date(f[1], tz), msg.get("AO"), msg.get("AA"),
        msg.get("BK"), screen_of(msg),
    )

"""The fake ACS's in-memory library: patrons (wire dicts), a catalogue, circulation rules.

Pure apart from its own state: `handle(Message) -> Message | None`; the socket server in
fake_acs.py frames, checks and faults around it. Standard library only; patrons come in the
patron-record format of CONTRACT.md, parsed here without pydantic to keep sync.sip2 stdlib-only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sync.sip2 import acs_messages as acs
from sync.sip2.codec import Message
from sync.sip2.dates import parse_sip_date
from sync.sip2.fakes.library_data import FakeItem, FakePatron, default_items, default_patrons
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
    to_decimal,
)

UNSUPPORTED: frozenset[str] = frozenset({"block_patron", "item_status_update", "patron_enable",
                                         "hold", "renew_all"})


@dataclass
class FakeLibrary:
    """State and rules of the fake library; every circulation attempt lands in transactions."""

    institution: str
    now: Callable[[], datetime]
    patrons: list[FakePatron]
    items: dict[str, FakeItem]
    fee_limit: Decimal = Decimal("250.00")
    transactions: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def create(
        cls, institution: str, now: Callable[[], datetime],
        patrons: list[Mapping[str, Any]] | None = None, items: list[FakeItem] | None = None,
    ) -> FakeLibrary:
        wire = default_patrons() if patrons is None else patrons
        catalogue = default_items(now()) if items is None else items
        return cls(institution, now, [FakePatron.from_wire(p) for p in wire],
                   {i.item_id: i for i in catalogue})

    def handle(self, msg: Message) -> Message | None:
        """The answer to one request; None for commands the fake does not serve (A.1)."""
        handler = {
            "99": lambda _m: acs.acs_status_message(self.status(online=True)),
            "23": lambda m: acs.patron_message(self._patron_info(m), "24"),
            "63": lambda m: acs.patron_message(self._patron_info(m), "64"),
            "11": self._checkout, "09": self._checkin, "29": self._renew,
            "17": self._item_information, "35": self._end_session, "37": self._fee_paid,
        }.get(msg.command)
        return handler(msg) if handler is not None else None

    def status(self, *, online: bool) -> AcsStatus:
        supported = {name: name not in UNSUPPORTED for name in SUPPORTED_MESSAGES}
        return AcsStatus(
            online=online, checkin_ok=online, checkout_ok=online, renewal_policy=True,
            status_update_ok=False, offline_ok=True, timeout_s=3.0, retries=3, date=self.now(),
            version="2.00", institution=self.institution, library_name="Fake Bibliotek",
            supported=supported,
        )

    def find_patron(self, key: str) -> tuple[FakePatron, bool] | None:
        """Patron by card number, CPR (with or without hyphen) or patron id; and card lost?"""
        key = key.strip()
        for patron in self.patrons:
            for number, status in patron.cards:
                if number == key:
                    return patron, status == "lost"
            if key in (patron.patron_id, patron.cpr) or key.replace("-", "") == patron.cpr:
                return patron, False
        return None

    # --- patrons -------------------------------------------------------------------------

    def _flags(self, patron: FakePatron, card_lost: bool) -> tuple[bool, ...]:
        flags = [False] * 14
        if patron.blocked is not None:
            flags[0:4] = [True] * 4  # charge, renewal, recall, hold denied
        if card_lost:
            flags[0] = flags[4] = True
        flags[11] = patron.debt > self.fee_limit
        return tuple(flags)

    def _patron_info(self, msg: Message) -> PatronInfo:
        key, now = msg.get("AA"), self.now()
        found = self.find_patron(key)
        if found is None:  # as Evergreen: BL N, empty name, first four flags Y (A.6)
            return PatronInfo((True,) * 4 + (False,) * 10, msg.fixed[0], now, self.institution,
                              key, "", False, None, screen=Screen(("Ukendt låner",)))
        patron, lost = found
        loans = [i for i in self.items.values() if i.on_loan_to == patron.patron_id]
        overdue = [i for i in loans if i.due is not None and i.due < now]
        holds = [i for i in self.items.values() if i.hold_for == patron.patron_id]
        summary = msg.fixed[2] if msg.command == "63" else ""
        pin = msg.get("AD")
        return PatronInfo(
            self._flags(patron, lost), msg.fixed[0], now, self.institution, key, patron.name,
            True, (pin == patron.pin) if pin else None, "DKK", patron.debt, self.fee_limit,
            hold_count=len(holds), overdue_count=len(overdue), charged_count=len(loans),
            fine_count=int(patron.debt > 0), recall_count=0, unavailable_hold_count=0,
            hold_items=_ids(holds) if summary[:1] == "Y" else (),
            overdue_items=_ids(overdue) if summary[1:2] == "Y" else (),
            charged_items=_ids(loans) if summary[2:3] == "Y" else (),
            birth_date=patron.birth_date,
            screen=Screen(("Din konto er spærret",)) if patron.blocked else Screen(),
        )

    # --- circulation ---------------------------------------------------------------------

    def _checkout(self, msg: Message) -> Message:
        now, found = self.now(), self.find_patron(msg.get("AA"))
        item = self.items.get(msg.get("AB"))
        no_block = msg.fixed[1] == "Y"
        refusal = None if no_block and item else self._checkout_refusal(msg, found, item, now)
        renewal = False
        if refusal is None and item is not None:
            renewal = found is not None and item.on_loan_to == found[0].patron_id
            nb_due = parse_sip_date(msg.fixed[3]) if no_block else None
            self._lend(item, found[0].patron_id if found else msg.get("AA"), nb_due, now)
        self._record("checkout", msg, refusal is None, patron=msg.get("AA"), no_block=no_block)
        fee_refused = refusal == _FEE
        return acs.checkout_message(CheckoutResult(
            refusal is None, renewal, False, refusal is None, now, self.institution, msg.get("AA"),
            msg.get("AB"), item.title if item else "", item.due if item else None, "",
            fee_type=item.fee_type if item and item.fee else "",
            fee_amount=item.fee if item and fee_refused else None,
            currency="DKK" if fee_refused else "", media_type=item.media_type if item else "",
            screen=Screen((_fee_text(item) if fee_refused and item else refusal,)
                          if refusal else ()),
        ))

    def _checkout_refusal(
        self, msg: Message, found: tuple[FakePatron, bool] | None, item: FakeItem | None,
        now: datetime,
    ) -> str | None:
        refusal = self._patron_refusal(msg, found)
        if refusal is not None or found is None:
            return refusal
        patron = found[0]
        if item is None:
            return "Ukendt materiale"
        if item.not_for_loan:
            return "Materialet kan ikke lånes"
        if item.on_loan_to not in (None, patron.patron_id):
            return "Materialet er udlånt til en anden låner"
        if item.hold_for not in (None, patron.patron_id):
            return "Materialet er reserveret til en anden låner"
        if item.min_age is not None and _age(patron.birth_date, now.date()) < item.min_age:
            return f"Materialet har aldersgrænse {item.min_age} år"
        if item.fee and item.on_loan_to is None and msg.get("BO") != "Y":
            return _FEE
        return None

    def _patron_refusal(self, msg: Message, found: tuple[FakePatron, bool] | None) -> str | None:
        if found is None:
            return "Ukendt låner"
        patron, lost = found
        if msg.get("AD") and msg.get("AD") != patron.pin:
            return "Forkert pinkode"
        if patron.blocked is not None or lost:
            return "Din konto er spærret"
        return None

    def _lend(self, item: FakeItem, patron_id: str, due: datetime | None, now: datetime) -> None:
        item.on_loan_to = patron_id
        item.due = due or now + timedelta(days=item.loan_days)
        if item.hold_for == patron_id:
            item.hold_for = None  # the reservation is fulfilled

    def _checkin(self, msg: Message) -> Message:
        now, item, location = self.now(), self.items.get(msg.get("AB")), msg.get("AP")
        self._record("checkin", msg, item is not None,
                     patron=item.on_loan_to or "" if item else "", no_block=msg.fixed[0] == "Y")
        if item is None:
            return acs.checkin_message(CheckinResult(
                False, None, False, False, now, self.institution, msg.get("AB"), "",
                screen=Screen(("Ukendt materiale",)),
            ))
        borrower, item.on_loan_to, item.due = item.on_loan_to or "", None, None
        hold, elsewhere = item.hold_for is not None, bool(location) and location != item.location
        return acs.checkin_message(CheckinResult(
            True, True, False, hold or elsewhere, now, self.institution, item.item_id,
            item.location, title=item.title, patron_id=borrower, media_type=item.media_type,
            sort_bin="RES" if hold else ("TRANSIT" if elsewhere else ""),
            alert_type="01" if hold else ("04" if elsewhere else ""),
            destination=item.location if elsewhere else "",
            screen=Screen(("Reserveret: læg materialet på personalehylden",) if hold else ()),
        ))

    def _renew(self, msg: Message) -> Message:
        now, found = self.now(), self.find_patron(msg.get("AA"))
        item = self.items.get(msg.get("AB"))
        refusal = self._patron_refusal(msg, found)
        if refusal is None and (item is None or found is None
                                or item.on_loan_to != found[0].patron_id):
            refusal = "Materialet er ikke lånt af dig"
        elif refusal is None and item is not None and item.hold_for is not None:
            refusal = "Materialet er reserveret til en anden låner"
        if refusal is None and item is not None:
            item.due = now + timedelta(days=item.loan_days)
        self._record("renew", msg, refusal is None, patron=msg.get("AA"), no_block=False)
        return acs.checkout_message(RenewResult(
            refusal is None, refusal is None, False, refusal is None, now, self.institution,
            msg.get("AA"), msg.get("AB"), item.title if item else "",
            item.due if item else None, "", screen=Screen((refusal,) if refusal else ()),
        ))

    def _item_information(self, msg: Message) -> Message:
        now, item = self.now(), self.items.get(msg.get("AB"))
        if item is None:
            return acs.item_information_message(ItemInfo(
                "13", "00", "01", now, msg.get("AB"), "", screen=Screen(("Ukendt materiale",))
            ))
        status = ("04" if item.on_loan_to else "08" if item.hold_for
                  else "01" if item.not_for_loan else "03")
        return acs.item_information_message(ItemInfo(
            status, "00", item.fee_type if item.fee else "01", now, item.item_id, item.title,
            hold_queue_length=int(item.hold_for is not None), due_date=item.due,
            currency="DKK" if item.fee else "", fee_amount=item.fee, media_type=item.media_type,
            permanent_location=item.location, current_location=item.location,
        ))

    def _end_session(self, msg: Message) -> Message:
        return acs.end_session_message(
            EndSessionResult(True, self.now(), self.institution, msg.get("AA"))
        )

    def _fee_paid(self, msg: Message) -> Message:
        found, amount = self.find_patron(msg.get("AA")), to_decimal(msg.get("BV"))
        ok = found is not None and amount is not None and 0 < amount <= found[0].debt
        if ok and found is not None and amount is not None:
            found[0].debt -= amount
        self._record("fee_paid", msg, ok, patron=msg.get("AA"), no_block=False, amount=amount)
        return acs.fee_paid_message(FeePaidResult(
            ok, self.now(), self.institution, msg.get("AA"), msg.get("BK")
        ))

    def _record(self, kind: str, msg: Message, ok: bool, **extra: Any) -> None:
        self.transactions.append(
            {"kind": kind, "item": msg.get("AB"), "ok": ok, "at": self.now(), **extra}
        )


_FEE = "fee"


def _fee_text(item: FakeItem) -> str:
    return f"Lånet koster {item.fee:.2f} kr. Acceptér gebyret for at låne".replace(".", ",", 1)


def _ids(items: list[FakeItem]) -> tuple[str, ...]:
    return tuple(i.item_id for i in items)


def _age(birth: date | None, today: date) -> int:
    if birth is None:
        return 0  # unknown age: an age-restricted item is refused, as a librarian would
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


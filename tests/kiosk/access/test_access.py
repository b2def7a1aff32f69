"""AccessService over a real SQLite cache in tmp_path: screen, check PIN, record, full-sync swap."""

from __future__ import annotations

from datetime import timedelta

from kioskkit import patron
from sqlalchemy import func, select

from drivers.cardparse import parse_card
from kiosk.access.rules import PinResult
from kiosk.cache import queries
from kiosk.cache.models import Debt, EntryLog, Loan, Lockout, Message, Patron, Reservation
from kiosk.cache.patrons import apply_records
from kiosk.cache.staging import staging
from kiosk.cache.swap import swap_staging
from kiosk.clock import FixedClock
from kiosk.reasons import Reason
from kiosk.services import Services
from sync.records import PatronRecord

CPR_READ = parse_card("1705901234", "door")


def _import(services: Services, *records: PatronRecord) -> None:
    with services.sessions.begin() as session:
        apply_records(session, list(records), services.hasher, today=services.clock.now().date())


def test_screen_then_pin_then_record(services: Services) -> None:
    _import(services, patron())
    access = services.access
    screened = access.screen_card(CPR_READ)
    assert (screened.decision, screened.needs_pin, screened.patron_id) == (None, True, "1000123")
    right = access.check_pin(CPR_READ, "1234")
    assert right.decision is not None
    assert (right.decision.reason, right.pin) == (Reason.OK, PinResult.RIGHT)
    wrong = access.check_pin(CPR_READ, "4321")
    assert wrong.decision is not None
    assert (wrong.decision.reason, wrong.decision.attempts_left) == (Reason.WRONG_PIN, 4)
    with services.sessions() as session:  # screening and checking wrote nothing
        assert session.scalar(select(func.count()).select_from(EntryLog)) == 0

    access.record(wrong)
    with services.sessions() as session:
        entry = session.scalars(select(EntryLog)).one()
        assert (entry.reason, entry.patron_id, entry.credential_kind) == (
            "wrong_pin", "1000123", "cpr")
        assert session.scalars(select(Lockout)).one().failures == 1
    access.record(access.check_pin(CPR_READ, "1234"))
    with services.sessions() as session:  # a right PIN clears the count
        assert session.scalar(select(func.count()).select_from(Lockout)) == 0


def test_mode_follows_the_clock(services: Services, clock: FixedClock) -> None:
    _import(services, patron())
    clock.advance(timedelta(hours=11))  # Saturday 23:00
    decision = services.access.screen_card(CPR_READ).decision
    assert decision is not None
    assert decision.reason is Reason.OUTSIDE_HOURS


def test_full_sync_swap_removes_patrons_and_their_traces(services: Services) -> None:
    gone = patron(patron_id="2000001", cpr="0302851237", cards=[])
    _import(services, patron(), gone)
    services.access.record(services.access.check_pin(parse_card("0302851237"), "1234"))
    with staging(services.sessions) as staged, staged.begin() as session:
        apply_records(session, [patron()], services.hasher, staging=True,
                      today=services.clock.now().date())
        counts = swap_staging(session)
    assert (counts.upserted, counts.deleted) == (1, 1)
    with services.sessions() as session:
        assert queries.patron_count(session) == 1
        assert session.scalars(select(EntryLog.patron_id)).all() == [None]
    decision = services.access.screen_card(parse_card("0302851237")).decision
    assert decision is not None
    assert decision.reason is Reason.UNKNOWN_CARD


CIRCULATION = (Loan, Debt, Message, Reservation)
"""The tables whose rows belong to a patron (ON DELETE CASCADE)."""


def _two_patrons_with_circulation(services: Services) -> None:
    """1000123 and 2000001 in the cache, each with a loan, a debt, a message, a reservation."""
    _import(services, patron(), patron(patron_id="2000001", cpr="0302851237", cards=[]))
    at = services.clock.now()
    with services.sessions.begin() as session:
        for pid in ("1000123", "2000001"):
            session.add_all([
                Loan(patron_id=pid, item_id=f"item-{pid}", loaned_at=at),
                Debt(patron_id=pid, amount_ore=500, created_at=at),
                Message(patron_id=pid, channel="receipt", sent_at=at),
                Reservation(patron_id=pid, title="Book"),
            ])


def _only_1000123_left_renamed(services: Services) -> None:
    with services.sessions() as session:
        for table in CIRCULATION:
            assert session.scalars(select(table.patron_id)).all() == ["1000123"], table
        assert session.scalars(select(Patron.name)).all() == ["Changed"]  # the new row
        assert queries.patron_count(session) == 1
    assert services.access.screen_card(CPR_READ).patron_id == "1000123"


def test_full_sync_swap_keeps_the_loans_debts_messages_and_reservations_of_who_stays(
    services: Services,
) -> None:
    """The swap once deleted every patron and inserted the staged set again: ON DELETE CASCADE
    then wiped the loans, debts, messages and reservations of every patron at each full sync
    (daily under `kiosk run`), the offline loans included."""
    _two_patrons_with_circulation(services)
    with staging(services.sessions) as staged, staged.begin() as session:
        apply_records(session, [patron(name="Changed Name")], services.hasher, staging=True,
                      today=services.clock.now().date())
        swap_staging(session)
    _only_1000123_left_renamed(services)


def test_a_changed_record_keeps_the_patrons_loans_debts_messages_and_reservations(
    services: Services,
) -> None:
    """A delta sync or an import replaced a changed patron by delete + insert, and the delete
    cascaded to the patron's loans, debts, messages and reservations. A deleted record still
    erases them."""
    _two_patrons_with_circulation(services)
    _import(services, patron(name="Changed Name"),
            PatronRecord(patron_id="2000001", deleted=True))
    _only_1000123_left_renamed(services)

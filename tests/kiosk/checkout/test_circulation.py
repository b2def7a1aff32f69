"""Checkout shell + SIP2 circulation against the fake SIP2 server; offline queue and replay."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sip2kit import ANNA_CARD, ANNA_PIN, fake_acs, sip2_config
from sqlalchemy import select

from drivers.cardparse import parse_card
from kiosk.access.sip2 import Sip2AccessService
from kiosk.cache import queries
from kiosk.cache.models import Loan, OutboxItem
from kiosk.checkout.circulation import sip2_circulation
from kiosk.checkout.controller import CheckoutController
from kiosk.checkout.flow import (
    AccountRequested,
    FinishRequested,
    ItemScanned,
    Phase,
    RenewRequested,
    Timings,
)
from kiosk.clock import FixedClock
from kiosk.events import CardPresented, PinDigit
from kiosk.services import Services, build_services
from kiosk.sip2.link import LiveLink, sip2_client
from kiosk.sip2.replay import replay_offline
from sync.sip2.fakes.acs import FakeAcs
from sync.sip2.fakes.library_data import (
    AVAILABLE,
    AVAILABLE_2,
    HELD_FOR_OTHER,
    LENT_TO_ANNA,
    NOT_FOR_LOAN,
    WITH_FEE,
)

CARD = parse_card(ANNA_CARD, "checkout")


@pytest.fixture
def acs(clock: FixedClock) -> Iterator[FakeAcs]:
    with fake_acs(clock) as fake:
        yield fake


def _services(tmp_path: Path, port: int, clock: FixedClock, mode: str) -> Services:
    return build_services(
        sip2_config(tmp_path, port, f'central.offline_circulation="{mode}"'), clock)


@pytest.fixture
def services(tmp_path: Path, acs: FakeAcs, clock: FixedClock) -> Iterator[Services]:
    built = _services(tmp_path, acs.port, clock, "checkin_and_checkout")
    yield built
    built.close()


def controller(services: Services, clock: FixedClock) -> CheckoutController:
    assert isinstance(services.access, Sip2AccessService)
    assert services.sip2 is not None
    mode = services.loaded.config.central.offline_circulation
    circulation = sip2_circulation(services.access, services.sip2, services.sessions, clock,
                                   mode)
    return CheckoutController(circulation, clock, Timings())


def log_in(ctl: CheckoutController, pin: str = ANNA_PIN) -> None:
    ctl.handle(CardPresented(CARD))
    for digit in pin:
        ctl.handle(PinDigit(digit))


def circulation_log(acs: FakeAcs) -> list[tuple[str, str, bool]]:
    return [(t["kind"], t["item"], t["ok"]) for t in acs.transactions]


def test_borrow_refuse_renew_by_rescan_and_logout(
    services: Services, acs: FakeAcs, clock: FixedClock
) -> None:
    ctl = controller(services, clock)
    log_in(ctl)
    assert ctl.state.phase is Phase.SESSION
    assert ctl.state.account is not None
    assert [loan.item_id for loan in ctl.state.account.loans] == [LENT_TO_ANNA]
    for item in (AVAILABLE, NOT_FOR_LOAN, HELD_FOR_OTHER, LENT_TO_ANNA):
        ctl.handle(ItemScanned(item))
    kinds = [(line.item_id, line.kind, line.refusal) for line in ctl.state.lines]
    assert [k[:2] for k in kinds] == [(AVAILABLE, "loan"), (NOT_FOR_LOAN, "refused"),
                                      (HELD_FOR_OTHER, "refused"), (LENT_TO_ANNA, "renewal")]
    assert [str(k[2]) for k in kinds[1:3]] == ["not_for_loan", "reserved"]
    ctl.handle(FinishRequested())
    assert ctl.state.phase is Phase.RECEIPT
    assert any("Kaffe og kager" in line for line in ctl.last_receipt)
    assert circulation_log(acs) == [("checkout", AVAILABLE, True),
                                    ("checkout", NOT_FOR_LOAN, False),
                                    ("checkout", HELD_FOR_OTHER, False),
                                    ("renew", LENT_TO_ANNA, True)]
    with services.sessions() as session:
        loans = {r.item_id for r in session.scalars(select(Loan))}
    assert loans == {AVAILABLE, LENT_TO_ANNA}


def test_fee_accepted_then_borrowed(services: Services, acs: FakeAcs, clock: FixedClock) -> None:
    from kiosk.checkout.flow import FeeAnswered

    ctl = controller(services, clock)
    log_in(ctl)
    ctl.handle(ItemScanned(WITH_FEE))
    assert ctl.state.pending_fee == WITH_FEE
    ctl.handle(FeeAnswered(True))
    assert [line.kind for line in ctl.state.lines] == ["loan"]  # the question line went


def test_account_renew_all(services: Services, acs: FakeAcs, clock: FixedClock) -> None:
    ctl = controller(services, clock)
    log_in(ctl)
    ctl.handle(ItemScanned(AVAILABLE))
    ctl.handle(AccountRequested())
    assert ctl.state.account is not None
    ids = tuple(loan.item_id for loan in ctl.state.account.loans)
    assert set(ids) == {AVAILABLE, LENT_TO_ANNA}
    ctl.handle(RenewRequested(ids))
    assert [t["kind"] for t in acs.transactions] == ["checkout", "renew", "renew"]


def test_wrong_pin_is_refused(services: Services, clock: FixedClock) -> None:
    ctl = controller(services, clock)
    log_in(ctl, "0000")
    assert ctl.state.phase is Phase.REFUSED
    assert ctl.state.refusal is not None
    assert str(ctl.state.refusal.reason) == "wrong_pin"


def test_return_of_a_reserved_item_goes_to_the_staff_shelf(
    services: Services, acs: FakeAcs, clock: FixedClock
) -> None:
    ctl = controller(services, clock)
    ctl.handle(ItemScanned(HELD_FOR_OTHER))
    assert [(r.item_id, r.ok, r.shelf) for r in ctl.state.returns] == [
        (HELD_FOR_OTHER, True, "staff")]
    ctl.handle(ItemScanned("5000000019"))
    assert ctl.state.returns[-1].shelf == "other_branch"


# --- offline circulation ----------------------------------------------------------------------

def test_offline_checkout_is_queued_and_replayed_exactly_once(
    services: Services, acs: FakeAcs, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    ctl = controller(services, clock)
    log_in(ctl)  # online: verifies Anna and teaches the cache
    ctl.handle(FinishRequested())
    port = acs.port
    acs.stop()
    log_in(ctl)
    assert ctl.state.phase is Phase.SESSION
    assert ctl.state.patron is not None
    assert ctl.state.patron.offline
    ctl.handle(ItemScanned(AVAILABLE_2))
    assert [(line.item_id, line.kind) for line in ctl.state.lines] == [(AVAILABLE_2, "queued")]
    with services.sessions() as session:
        assert queries.outbox_pending(session) == 1
    with fake_acs(clock, port) as back:
        link = LiveLink(sip2_client(services.loaded, timeout_s=1, retries=0, clock=clock), clock)
        try:
            first = replay_offline(services.sessions, link, services.hasher.sealer)
            second = replay_offline(services.sessions, link, services.hasher.sealer)
        finally:
            link.close()
        assert (first.sent, first.refused, second.sent) == (1, 0, 0)
        assert [(t["kind"], t["item"], t["no_block"]) for t in back.transactions] == [
            ("checkout", AVAILABLE_2, True)]
        assert back.library.items[AVAILABLE_2].on_loan_to == "1000001"
    assert ANNA_PIN not in caplog.text


def test_offline_refusal_on_replay_is_kept_and_listed(
    services: Services, acs: FakeAcs, clock: FixedClock
) -> None:
    ctl = controller(services, clock)
    log_in(ctl)
    ctl.handle(FinishRequested())
    port = acs.port
    acs.stop()
    log_in(ctl)
    ctl.handle(ItemScanned("5000009999"))  # not in the library's catalogue
    with fake_acs(clock, port) as back:
        link = LiveLink(sip2_client(services.loaded, timeout_s=1, retries=0, clock=clock), clock)
        try:
            report = replay_offline(services.sessions, link, services.hasher.sealer)
        finally:
            link.close()
        assert report.refused == 1
        assert len(back.transactions) == 1
    with services.sessions() as session:
        parked = queries.outbox_parked(session)
        assert [(p.kind, "5000009999" in (p.parked_error or "")) for p in parked] == [
            ("sip2_checkout", True)]
        assert session.scalar(select(OutboxItem.sent_at)) is None


def test_offline_first_timer_and_checkin_only(
    tmp_path: Path, acs: FakeAcs, clock: FixedClock
) -> None:
    built = _services(tmp_path, acs.port, clock, "checkin_only")
    try:
        ctl = controller(built, clock)
        acs.stop()
        log_in(ctl)
        assert ctl.state.phase is Phase.REFUSED
        assert ctl.state.refusal is not None
        assert str(ctl.state.refusal.reason) == "cannot_verify"
        ctl.handle(ItemScanned(AVAILABLE))  # a return works offline
        assert [(r.ok, r.queued) for r in ctl.state.returns] == [(True, True)]
    finally:
        built.close()


def test_a_lost_answer_on_replay_never_lends_twice(
    services: Services, acs: FakeAcs, clock: FixedClock
) -> None:
    ctl = controller(services, clock)
    log_in(ctl)
    ctl.handle(FinishRequested())
    port = acs.port
    acs.stop()
    log_in(ctl)
    ctl.handle(ItemScanned(AVAILABLE_2))
    with fake_acs(clock, port) as back:
        link = LiveLink(sip2_client(services.loaded, timeout_s=1, retries=0, clock=clock), clock)
        try:
            link.call(lambda c: c.login())
            back.set_fault("bad_checksum", count=-1)  # the loan is made, every answer garbled
            lost = replay_offline(services.sessions, link, services.hasher.sealer)
            back.clear_faults()
            link.reset()
            again = replay_offline(services.sessions, link, services.hasher.sealer)
        finally:
            link.close()
        assert (lost.offline, lost.sent, again.sent) == (True, 0, 1)
        assert [(t["kind"], t["item"]) for t in back.transactions] == [
            ("checkout", AVAILABLE_2)]
        assert back.received.count("17") == 1  # asked whether it got through, did not resend


def test_http_outbox_leaves_sip2_circulation_alone(
    services: Services, acs: FakeAcs, clock: FixedClock
) -> None:
    from kiosk.jobs.sync import _due_items

    ctl = controller(services, clock)
    log_in(ctl)
    ctl.handle(FinishRequested())
    acs.stop()
    log_in(ctl)
    ctl.handle(ItemScanned(AVAILABLE_2))
    with services.sessions() as session:
        assert queries.outbox_pending(session) == 1
        assert _due_items(session, clock.now(), 100) == []

"""Sip2Client against FakeAcs over real loopback sockets: login, status, patrons, circulation."""

from __future__ import annotations

import logging
import socket
import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from sip2_support import NOW, make_client

from sync.sip2.client import Sip2Client
from sync.sip2.errors import Sip2LinkError, Sip2LoginError
from sync.sip2.fakes import library_data as lib
from sync.sip2.fakes.acs import FakeAcs

ANNA_CARD, ANNA_CPR, ANNA_PIN = "3300001234", "1705901234", "4711"
BO_CARD, CARL_CARD, DORTE_CARD, DORTE_LOST = "3300002222", "3300003333", "3300004444", "3300004445"


def test_login_and_status(client: Sip2Client, fake: FakeAcs) -> None:
    status = client.sc_status()
    assert status.online
    assert status.supports("checkout")
    assert not status.supports("hold")
    assert status.timeout_s == 3.0
    assert client.acs_status == status
    assert fake.logins == 1
    assert fake.received == ["93", "99"]


def test_wrong_sip2_password_is_a_login_error(fake: FakeAcs) -> None:
    with make_client(fake, password="wrong") as sip2, pytest.raises(Sip2LoginError):
        sip2.sc_status()
    assert fake.logins == 0


def test_unreachable_acs_is_a_link_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sip2 = Sip2Client("127.0.0.1", port, "k", "s", "DK", timeout_s=0.3, retries=1,
                      reconnect_delay_s=0.0)
    with pytest.raises(Sip2LinkError, match="2 attempts"):
        sip2.sc_status()


@pytest.mark.parametrize("patron", [ANNA_CARD, ANNA_CPR, "170590-1234", lib.ANNA],
                         ids=["card", "cpr", "cpr-hyphen", "patron-id"])
def test_patron_information_with_right_pin(client: Sip2Client, patron: str) -> None:
    info = client.patron_information(patron, ANNA_PIN, summary="charged")
    assert info.valid_patron is True
    assert info.valid_password is True
    assert info.admissible()
    assert info.name == "Anna Jensen"
    assert info.birth_date is not None
    assert info.charged_items == (lib.LENT_TO_ANNA,)
    assert info.charged_count == 1


def test_patron_information_with_wrong_or_no_pin(client: Sip2Client) -> None:
    wrong = client.patron_information(ANNA_CARD, "0000")
    assert wrong.valid_patron is True
    assert wrong.valid_password is False
    assert not wrong.admissible()
    unchecked = client.patron_information(ANNA_CARD)
    assert unchecked.valid_password is None  # no AD sent → no CQ → not verified
    assert not unchecked.admissible()


@pytest.mark.parametrize(
    ("patron", "pin", "flags"),
    [
        (BO_CARD, "8642", ("charge_denied",)),
        (DORTE_LOST, "9753", ("charge_denied", "card_lost")),
        ("0000000000", "1", ("charge_denied",)),
    ],
    ids=["blocked", "lost-card", "unknown"],
)
def test_blocking_flags(client: Sip2Client, patron: str, pin: str, flags: tuple[str, ...]) -> None:
    info = client.patron_information(patron, pin)
    assert info.blocking_flags() == flags
    assert not info.admissible()


def test_unknown_patron_and_excessive_fees(client: Sip2Client) -> None:
    unknown = client.patron_information("0000000000", "1")
    assert unknown.valid_patron is False
    assert unknown.name == ""
    dorte = client.patron_status(DORTE_CARD, "9753")
    assert dorte.flag("excessive_fees")
    assert dorte.fee_amount == Decimal("312.50")
    assert dorte.admissible()  # fees alone do not block at the default positions {0, 4}


def test_checkout_is_recorded(client: Sip2Client, fake: FakeAcs) -> None:
    result = client.checkout(ANNA_CARD, lib.AVAILABLE, ANNA_PIN)
    assert result.ok
    assert not result.renewal_ok
    assert result.title == "Kaffe og kager"
    assert result.due_date == NOW + timedelta(days=28)
    assert fake.transactions == [{"kind": "checkout", "patron": ANNA_CARD, "item": lib.AVAILABLE,
                                  "no_block": False, "ok": True, "at": NOW}]
    assert fake.library.items[lib.AVAILABLE].on_loan_to == lib.ANNA


@pytest.mark.parametrize(
    ("patron", "pin", "item", "text"),
    [
        (ANNA_CARD, ANNA_PIN, lib.HELD_FOR_OTHER, "reserveret"),
        (ANNA_CARD, ANNA_PIN, lib.NOT_FOR_LOAN, "kan ikke lånes"),
        (ANNA_CARD, ANNA_PIN, lib.LENT_TO_DORTE, "udlånt"),
        (CARL_CARD, "2468", lib.AGE_15, "aldersgrænse 15"),
        (BO_CARD, "8642", lib.AVAILABLE, "spærret"),
        (ANNA_CARD, "0000", lib.AVAILABLE, "pinkode"),
        (ANNA_CARD, ANNA_PIN, "9999999999", "Ukendt materiale"),
    ],
    ids=["held", "not-for-loan", "lent-to-other", "age", "blocked", "wrong-pin", "unknown"],
)
def test_checkout_refusals(client: Sip2Client, fake: FakeAcs, patron: str, pin: str,
                           item: str, text: str) -> None:
    result = client.checkout(patron, item, pin)
    assert not result.ok
    assert text in " ".join(result.screen.messages)
    assert [t["ok"] for t in fake.transactions] == [False]


def test_fee_must_be_accepted(client: Sip2Client, fake: FakeAcs) -> None:
    refused = client.checkout(ANNA_CARD, lib.WITH_FEE, ANNA_PIN)
    assert refused.needs_fee_ack
    assert refused.fee_amount == Decimal("10.00")
    assert refused.fee_type == "06"
    accepted = client.checkout(ANNA_CARD, lib.WITH_FEE, ANNA_PIN, fee_ack=True)
    assert accepted.ok
    assert [t["ok"] for t in fake.transactions] == [False, True]


def test_checkout_of_own_loan_is_a_renewal(client: Sip2Client) -> None:
    result = client.checkout(ANNA_CARD, lib.LENT_TO_ANNA, ANNA_PIN)
    assert result.ok
    assert result.renewal_ok


def test_no_block_checkout_is_accepted_with_the_offline_due_date(
    client: Sip2Client, fake: FakeAcs
) -> None:
    due = NOW + timedelta(days=14)
    result = client.checkout(BO_CARD, lib.AVAILABLE, no_block=True, nb_due_date=due)
    assert result.ok
    assert result.due_date == due
    assert fake.transactions[-1]["no_block"] is True


def test_renew_and_checkin_are_recorded(client: Sip2Client, fake: FakeAcs) -> None:
    renewed = client.renew(ANNA_CARD, lib.LENT_TO_ANNA, ANNA_PIN)
    assert renewed.ok
    assert renewed.due_date == NOW + timedelta(days=28)
    assert not client.renew(ANNA_CARD, lib.AVAILABLE, ANNA_PIN).ok
    returned = client.checkin(lib.LENT_TO_ANNA)
    assert returned.ok
    assert not returned.alert
    assert returned.permanent_location == "solrod"
    assert [(t["kind"], t["item"], t["ok"]) for t in fake.transactions] == [
        ("renew", lib.LENT_TO_ANNA, True), ("renew", lib.AVAILABLE, False),
        ("checkin", lib.LENT_TO_ANNA, True),
    ]
    assert fake.transactions[-1]["patron"] == lib.ANNA
    assert fake.library.items[lib.LENT_TO_ANNA].on_loan_to is None


def test_checkin_alerts_for_holds_and_other_branches(client: Sip2Client) -> None:
    held = client.checkin(lib.HELD_FOR_OTHER)
    assert held.alert
    assert held.sort_bin == "RES"
    travelling = client.checkin(lib.FROM_OTHER_BRANCH)
    assert travelling.alert
    assert travelling.destination == "koge"
    assert not client.checkin("9999999999").ok


def test_item_information(client: Sip2Client) -> None:
    assert client.item_information(lib.AVAILABLE).status_name == "available"
    lent = client.item_information(lib.LENT_TO_ANNA)
    assert lent.status_name == "charged"
    assert lent.due_date == NOW + timedelta(days=7)
    assert client.item_information(lib.HELD_FOR_OTHER).hold_queue_length == 1


def test_end_session_and_fee_paid(client: Sip2Client, fake: FakeAcs) -> None:
    assert client.end_session(ANNA_CARD).ended
    paid = client.fee_paid(DORTE_CARD, Decimal("12.50"), transaction_id="K1")
    assert paid.accepted
    assert paid.transaction_id == "K1"
    assert client.patron_status(DORTE_CARD).fee_amount == Decimal("300.00")
    assert not client.fee_paid(ANNA_CARD, Decimal("5")).accepted  # no debt to pay


def test_sequence_numbers_wrap_and_threads_share_one_connection(
    client: Sip2Client, fake: FakeAcs
) -> None:
    failures: list[BaseException] = []

    def worker() -> None:
        try:
            for _ in range(8):
                assert client.item_information(lib.AVAILABLE).title == "Kaffe og kager"
        except BaseException as err:  # noqa: BLE001 - reported to the main thread below
            failures.append(err)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    assert failures == []
    assert fake.received.count("17") == 32  # 32 > 10: AY wrapped 9 → 0 several times
    assert fake.logins == 1
    assert fake.errors == []


def test_logs_never_show_pins_passwords_or_cprs(
    client: Sip2Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="sync.sip2")
    client.patron_information(ANNA_CPR, ANNA_PIN)
    client.patron_information("170590-1234", ANNA_PIN)
    client.checkout(ANNA_CPR, lib.AVAILABLE, ANNA_PIN)
    client.end_session(ANNA_CPR, ANNA_PIN)
    text = caplog.text
    assert "AA170590-****" in text  # the masked form is there, so the scan saw the lines
    for secret in (ANNA_PIN, ANNA_CPR, "170590-1234", "secret"):
        assert secret not in text

"""Issue 6 "done when", end to end against the fake central's SIP2 server (`--sip2-port` path).

1. A patron logs in at checkout, borrows two items, renews one from the account view and logs
   out: the server's records show exactly those transactions.
2. With the server stopped, the same (offline-verified) patron borrows an item; after the
   server restarts, `kiosk sync` sends it exactly once (no-block, offline due date), and a
   loan the library refuses on replay is listed by `kiosk status`.
The checkout shell is driven with the events the checkout screen sends (the screen itself is
covered by tests/kiosk/ui/test_ui_checkout.py). No mocks: loopback sockets, SQLite in tmp_path.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from kioskkit import KioskCli
from sip2kit import sip2_config

from drivers.cardparse import parse_card
from kiosk.access.sip2 import Sip2AccessService
from kiosk.checkout.circulation import sip2_circulation
from kiosk.checkout.controller import CheckoutController
from kiosk.checkout.flow import (
    AccountRequested,
    FinishRequested,
    ItemScanned,
    Phase,
    RenewRequested,
)
from kiosk.clock import FixedClock
from kiosk.config import LoadedConfig
from kiosk.events import CardPresented, PinDigit
from kiosk.services import Services, build_services
from sync.fakes.central import FakeCentral, start_sip2_fake
from sync.fakes.synthetic import DEMO_PERSONAS
from sync.sip2.fakes.library_data import AVAILABLE, AVAILABLE_2, FROM_OTHER_BRANCH, LENT_TO_ANNA

ANNA = DEMO_PERSONAS[0]  # card 3300000001, PIN 1234: the same persona as the HTTP fake
CARD = parse_card(ANNA.card, "checkout")
SIP2 = ("--set", 'central.kind="sip2"')


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server() -> Iterator[Any]:
    central = FakeCentral(20, seed=1)
    central.start()
    # a fixed port, so the restarted server is found where the kiosk expects it
    acs = start_sip2_fake(_free_port(), central)
    yield acs
    acs.stop()
    central.stop()


@pytest.fixture
def loaded(tmp_path: Path, server: Any) -> LoadedConfig:
    return sip2_config(tmp_path, server.port,
                       'central.offline_circulation="checkin_and_checkout"')


@pytest.fixture
def services(loaded: LoadedConfig, clock: FixedClock) -> Iterator[Services]:
    built = build_services(loaded, clock)
    yield built
    built.close()


def _controller(services: Services, clock: FixedClock) -> CheckoutController:
    assert isinstance(services.access, Sip2AccessService)
    assert services.sip2 is not None
    circulation = sip2_circulation(services.access, services.sip2, services.sessions, clock,
                                   services.loaded.config.central.offline_circulation)
    return CheckoutController(circulation, clock)


def _log_in(ctl: CheckoutController) -> None:
    ctl.handle(CardPresented(CARD))
    for digit in ANNA.pin:
        ctl.handle(PinDigit(digit))
    assert ctl.state.phase is Phase.SESSION, ctl.state.refusal


def _records(acs: Any) -> list[tuple[str, str, bool, bool]]:
    return [(t["kind"], t["item"], t["ok"], t["no_block"]) for t in acs.transactions]


def test_checkout_online_then_offline_replayed_exactly_once(
    server: Any, services: Services, clock: FixedClock, loaded: LoadedConfig,
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    ctl = _controller(services, clock)
    cli = KioskCli(loaded.path, capsys)

    # 1. online: two loans, one renewal from the account view, log out
    _log_in(ctl)
    ctl.handle(ItemScanned(AVAILABLE))
    ctl.handle(ItemScanned(AVAILABLE_2))
    ctl.handle(AccountRequested())
    assert ctl.state.account is not None
    assert {loan.item_id for loan in ctl.state.account.loans} >= {AVAILABLE, AVAILABLE_2}
    ctl.handle(RenewRequested((AVAILABLE,)))
    ctl.handle(FinishRequested())
    assert ctl.state.phase is Phase.RECEIPT
    assert _records(server) == [("checkout", AVAILABLE, True, False),
                                ("checkout", AVAILABLE_2, True, False),
                                ("renew", AVAILABLE, True, False)]
    assert LENT_TO_ANNA not in {t["item"] for t in server.transactions}

    # 2. the library system goes away; Anna was verified minutes ago, so she may borrow
    server.stop()
    _log_in(ctl)
    assert ctl.state.patron is not None
    assert ctl.state.patron.offline
    ctl.handle(ItemScanned(FROM_OTHER_BRANCH))
    ctl.handle(ItemScanned("5000009999"))  # unknown to the library: refused on replay
    assert [line.kind for line in ctl.state.lines] == ["queued", "queued"]
    ctl.handle(FinishRequested())
    assert cli(*SIP2, "status", "--json").json["outbox_pending"] == 2

    # 3. back again: the queue reaches the server exactly once
    server.start()
    first = cli(*SIP2, "sync")
    assert first.code == 0, first.err
    assert "1 sent, 1 refused" in first.out
    again = cli(*SIP2, "sync")
    assert "0 sent, 0 refused" in again.out
    assert _records(server)[3:] == [("checkout", FROM_OTHER_BRANCH, True, True),
                                    ("checkout", "5000009999", False, True)]
    assert server.library.items[FROM_OTHER_BRANCH].on_loan_to == ANNA.patron_id
    status = cli(*SIP2, "status", "--json").json
    assert status["outbox_pending"] == 0
    assert [p["kind"] for p in status["outbox_parked"]] == ["sip2_checkout"]
    assert "5000009999" in status["outbox_parked"][0]["error"]

    # PINs never in logs or output
    text = caplog.text + "".join(cli.outputs)
    assert f"AD{ANNA.pin}" not in text
    assert f"PIN {ANNA.pin}" not in text

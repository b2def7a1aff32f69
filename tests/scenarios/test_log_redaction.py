"""Issue 7 item 4: a full visit (HTTP sync, door with right and wrong PINs, SIP2 checkout and
return) with every logger at DEBUG leaves no CPR and no PIN in the captured logs or output."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from kioskkit import SELF_SERVICE_AT, KioskCli, write_config
from sip2kit import sip2_config

from drivers.cardparse import parse_card
from kiosk.checkout.circulation import sip2_circulation
from kiosk.checkout.controller import CheckoutController
from kiosk.checkout.flow import FinishRequested, ItemScanned, Phase
from kiosk.clock import FixedClock
from kiosk.events import CardPresented, PinDigit
from kiosk.privacy.redaction import install_redaction, uninstall_redaction
from kiosk.services import build_services
from sync.fakes.central import FakeCentral, start_sip2_fake
from sync.fakes.synthetic import DEMO_PERSONAS, synthetic_patron
from sync.sip2.fakes.library_data import AVAILABLE

PATRONS = 30


@pytest.fixture
def central() -> Iterator[tuple[FakeCentral, Any]]:
    fake = FakeCentral(PATRONS, seed=5, today=SELF_SERVICE_AT.date())
    fake.start()
    acs = start_sip2_fake(0, fake)
    yield fake, acs
    acs.stop()
    fake.stop()


@pytest.fixture
def redacted() -> Iterator[None]:
    install_redaction()
    yield
    uninstall_redaction()


def _secrets() -> tuple[list[str], list[str]]:
    records = [synthetic_patron(i, 5, SELF_SERVICE_AT.date()) for i in range(PATRONS)]
    cprs = [r["cpr"] for r in records if r.get("cpr")]
    return cprs, [p.pin for p in DEMO_PERSONAS]


def test_a_full_visit_at_debug_logs_no_cpr_and_no_pin(
    tmp_path: Path, central: tuple[FakeCentral, Any], redacted: None,
    caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str],
) -> None:
    fake, acs = central
    caplog.set_level(logging.DEBUG)
    cprs, pins = _secrets()
    (tmp_path / "http").mkdir()
    (tmp_path / "sip2").mkdir()
    http = write_config(tmp_path / "http")
    cli = KioskCli(http, capsys)
    central_set = ("--set", 'central.kind="http"', "--set", f'central.url="{fake.url}"')
    assert cli(*central_set, "sync", "--full").code == 0
    for cpr in cprs[:3]:
        cli(*central_set, "attempt", "--card", cpr, "--pin", "0000", "--at", "2026-11-21T12:00")
        cli(*central_set, "explain", "--card", cpr[:6] + "-" + cpr[6:], "--pin", pins[0])
    anna = DEMO_PERSONAS[0]
    assert cli(*central_set, "attempt", "--card", anna.card, "--pin", anna.pin,
               "--at", "2026-11-21T12:00").json["granted"] is True

    loaded = sip2_config(tmp_path / "sip2", acs.port)
    clock = FixedClock(SELF_SERVICE_AT)
    services = build_services(loaded, clock)
    try:
        assert services.sip2 is not None
        circulation = sip2_circulation(services.access, services.sip2, services.sessions, clock,
                                       loaded.config.central.offline_circulation)
        ctl = CheckoutController(circulation, clock)
        ctl.handle(CardPresented(parse_card(cprs[0], "checkout")))
        for digit in anna.pin:
            ctl.handle(PinDigit(digit))
        ctl.handle(CardPresented(parse_card(anna.card, "checkout")))
        for digit in anna.pin:
            ctl.handle(PinDigit(digit))
        assert ctl.state.phase is Phase.SESSION
        ctl.handle(ItemScanned(AVAILABLE))
        ctl.handle(FinishRequested())
    finally:
        services.close()

    text = caplog.text + "".join(r.exc_text or "" for r in caplog.records)
    text += "".join(cli.outputs)
    assert len(caplog.records) > 20  # DEBUG really was on: the scan looked at something
    for cpr in cprs:
        assert cpr not in text
        assert f"{cpr[:6]}-{cpr[6:]}" not in text
    for pin in pins:
        hits = [m.group(0) for m in re.finditer(rf".{{0,20}}(?<!\d){pin}(?!\d).{{0,5}}", text)]
        assert hits == [], hits

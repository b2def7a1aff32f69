"""Issue 13, SIP2 mode: the learned patron id was the card number (in patrons, credentials, the
entry log, loans and the outbox, in `kiosk log` and the decision JSON), verifiers were fast
`hk1`, learned patrons were never purged, and `kiosk explain` sent the PIN live, wrote the
patron into the cache and counted nothing. Against the fake ACS on 127.0.0.1, real files."""

from __future__ import annotations

import json
import socket
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from kioskkit import SELF_SERVICE_AT, KioskCli
from sip2kit import ANNA_CARD, ANNA_PIN, BO_CARD, sip2_config

from drivers.cardparse import parse_card
from kiosk.access.sip2 import Sip2AccessService
from kiosk.cache.models import OutboxItem, Patron
from kiosk.checkout.circulation import sip2_circulation
from kiosk.checkout.controller import CheckoutController
from kiosk.checkout.flow import FinishRequested, ItemScanned, Phase
from kiosk.clock import FixedClock
from kiosk.config import LoadedConfig
from kiosk.events import CardPresented, PinDigit
from kiosk.services import Services, build_services
from sync.sip2.fakes.acs import FakeAcs
from sync.sip2.fakes.library_data import AVAILABLE, FROM_OTHER_BRANCH

AT = SELF_SERVICE_AT.isoformat()
SIP2 = ("--set", 'central.kind="sip2"')


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def acs(clock: FixedClock) -> Iterator[FakeAcs]:
    with FakeAcs(now=clock.now, port=_free_port()) as fake:
        yield fake


@pytest.fixture
def loaded(tmp_path: Path, acs: FakeAcs) -> LoadedConfig:
    return sip2_config(tmp_path, acs.port, 'central.offline_circulation="checkin_and_checkout"')


@pytest.fixture
def cli(loaded: LoadedConfig, capsys: pytest.CaptureFixture[str]) -> KioskCli:
    return KioskCli(loaded.path, capsys)


def _files(loaded: LoadedConfig) -> bytes:
    return b"".join(p.read_bytes() for p in loaded.data_dir.iterdir() if p.is_file())


def _rows(loaded: LoadedConfig, sql: str) -> list[Any]:
    with sqlite3.connect(loaded.data_dir / "kiosk.db") as db:
        return db.execute(sql).fetchall()


def test_a_live_grant_stores_no_card_number_and_no_fast_verifier(
    cli: KioskCli, loaded: LoadedConfig
) -> None:
    granted = cli(*SIP2, "attempt", "--card", ANNA_CARD, "--pin", ANNA_PIN, "--at", AT)
    assert granted.code == 0, granted.err
    assert granted.json["granted"] is True
    patron_id = granted.json["patron"]
    assert patron_id is not None
    assert ANNA_CARD not in patron_id
    log = cli(*SIP2, "log", "--json").out
    assert patron_id in log
    assert ANNA_CARD not in log
    blob = _files(loaded)
    assert ANNA_CARD.encode() not in blob
    assert ANNA_CARD.encode("utf-16-le") not in blob
    assert b"hk1$" not in blob  # never written, not even for a moment
    [(verifier,)] = _rows(loaded, "SELECT pin_verifier FROM patrons")
    assert verifier.startswith("a2k1$$argon2id$")


def test_learned_patrons_keep_their_last_visit_also_after_a_wrong_pin(
    cli: KioskCli, loaded: LoadedConfig
) -> None:
    wrong = cli(*SIP2, "attempt", "--card", BO_CARD, "--pin", "0000", "--at", AT)
    assert wrong.json["reason"] == "wrong_pin"
    assert _rows(loaded, "SELECT last_activity, learned FROM patrons") == [
        (SELF_SERVICE_AT.date().isoformat(), 1)]


def test_explain_is_a_dry_run_that_asks_nobody(
    cli: KioskCli, loaded: LoadedConfig, acs: FakeAcs
) -> None:
    result = cli(*SIP2, "explain", "--card", ANNA_CARD, "--pin", ANNA_PIN, "--at", AT)
    assert result.code == 0, result.err
    assert result.json["reason"] in ("unknown_card", "cannot_verify")
    assert result.json["granted"] is False
    assert "63" not in acs.received  # the PIN went nowhere
    assert _rows(loaded, "SELECT count(*) FROM patrons") == [(0,)]
    assert _rows(loaded, "SELECT count(*) FROM entry_log") == [(0,)]


def test_explain_decides_from_the_cache_as_the_door_would_offline(
    cli: KioskCli, acs: FakeAcs
) -> None:
    assert cli(*SIP2, "attempt", "--card", ANNA_CARD, "--pin", ANNA_PIN, "--at", AT).code == 0
    before = len(acs.received)
    ok = cli(*SIP2, "explain", "--card", ANNA_CARD, "--pin", ANNA_PIN, "--at", AT).json
    wrong = cli(*SIP2, "explain", "--card", ANNA_CARD, "--pin", "0000", "--at", AT).json
    assert (ok["reason"], wrong["reason"]) == ("ok", "wrong_pin")
    assert "63" not in acs.received[before:]


def test_a_live_explain_asks_and_counts_like_an_attempt(
    cli: KioskCli, loaded: LoadedConfig, acs: FakeAcs
) -> None:
    for n in range(5):
        result = cli(*SIP2, "explain", "--live", "--card", ANNA_CARD, "--pin", "0000",
                     "--at", AT)
        assert result.code == 0, result.err
        assert result.json["reason"] == ("pin_locked" if n == 4 else "wrong_pin")
    assert "63" in acs.received
    assert _rows(loaded, "SELECT count(*) FROM entry_log") == [(5,)]
    right = cli(*SIP2, "explain", "--card", ANNA_CARD, "--pin", ANNA_PIN, "--at", AT).json
    assert right["reason"] == "pin_locked"


def test_live_explain_needs_a_library_system_to_ask(kiosk: KioskCli) -> None:
    result = kiosk("explain", "--live", "--card", "1705901234", "--pin", "1234", "--at", AT)
    assert result.code == 2
    assert "--live" in result.err


def _checkout(services: Services, clock: FixedClock) -> CheckoutController:
    assert isinstance(services.access, Sip2AccessService)
    assert services.sip2 is not None
    circulation = sip2_circulation(services.access, services.sip2, services.sessions, clock,
                                   services.loaded.config.central.offline_circulation)
    return CheckoutController(circulation, clock)


def _log_in(ctl: CheckoutController) -> None:
    ctl.handle(CardPresented(parse_card(ANNA_CARD, "checkout")))
    for digit in ANNA_PIN:
        ctl.handle(PinDigit(digit))
    assert ctl.state.phase is Phase.SESSION, ctl.state.refusal


def test_an_offline_loan_waits_sealed_and_goes_once_delivered(
    loaded: LoadedConfig, acs: FakeAcs, clock: FixedClock, cli: KioskCli
) -> None:
    services = build_services(loaded, clock)
    try:
        ctl = _checkout(services, clock)
        _log_in(ctl)
        ctl.handle(ItemScanned(AVAILABLE))
        ctl.handle(FinishRequested())
        acs.stop()
        _log_in(ctl)
        assert ctl.state.patron is not None
        assert ctl.state.patron.offline
        ctl.handle(ItemScanned(FROM_OTHER_BRANCH))
        ctl.handle(ItemScanned("5000009999"))  # refused on replay
        ctl.handle(FinishRequested())
        with services.sessions() as session:
            payloads = [json.loads(r.payload) for r in session.query(OutboxItem)]
    finally:
        services.close()
    assert len(payloads) == 2
    assert all(ANNA_CARD not in json.dumps(p) for p in payloads)
    assert ANNA_CARD.encode() not in _files(loaded)
    # right of access: her queued loans are in her export, and in nobody else's
    hers = cli(*SIP2, "export", "--card", ANNA_CARD, "--at", AT).json
    assert [q["item"] for q in hers["offline_queue"]] == [FROM_OTHER_BRANCH, "5000009999"]
    assert cli(*SIP2, "export", "--card", BO_CARD, "--at", AT).json["offline_queue"] == []
    acs.start()
    sent = cli(*SIP2, "sync")
    assert sent.code == 0, sent.err
    assert acs.library.items[FROM_OTHER_BRANCH].on_loan_to is not None
    status = cli(*SIP2, "status", "--json").json
    [parked] = status["outbox_parked"]
    assert ANNA_CARD not in parked["error"]
    assert ANNA_CARD[-4:] in parked["error"]  # masked, still telling staff which card
    assert _rows(loaded, "SELECT count(*) FROM outbox") == [(1,)]  # the delivered one is gone


def test_old_plaintext_learned_rows_are_rekeyed_at_start(
    loaded: LoadedConfig, clock: FixedClock
) -> None:
    services = build_services(loaded, clock)
    try:
        cid = services.hasher.credential_id("card", ANNA_CARD)
        with services.sessions.begin() as session:  # as the kiosk before issue 13 wrote them
            session.add(Patron(patron_id=ANNA_CARD, name="Anna Jensen", opt_in=True,
                               pin_verifier=services.hasher.fast_verifier(ANNA_CARD, ANNA_PIN),
                               verified_at=clock.now()))
        with sqlite3.connect(loaded.data_dir / "kiosk.db") as db:
            db.execute("INSERT INTO credentials VALUES (?, ?, 'card', 'active')",
                       (cid, ANNA_CARD))
            db.execute("INSERT INTO entry_log (at, mode, reason, granted, credential_kind, "
                       "patron_id, rule_set_version, technician) VALUES "
                       "('2026-11-21 10:00:00.000000', 'self_service', 'ok', 1, 'card', ?, '', 0)",
                       (ANNA_CARD,))
            db.execute("INSERT INTO outbox (idempotency_key, kind, payload, created_at, attempts)"
                       " VALUES ('k1', 'sip2_checkout', ?, '2026-11-21 10:00:00.000000', 0)",
                       (json.dumps({"patron": ANNA_CARD, "item": "1", "due": AT}),))
    finally:
        services.close()
    again = build_services(loaded, clock)
    again.close()
    blob = _files(loaded)
    assert ANNA_CARD.encode() not in blob
    [(patron_id,)] = _rows(loaded, "SELECT patron_id FROM patrons")
    assert _rows(loaded, "SELECT patron_id FROM entry_log") == [(patron_id,)]
    assert _rows(loaded, "SELECT patron_id FROM credentials") == [(patron_id,)]
    decision = build_services(loaded, clock)
    try:
        evaluation = decision.access.check_pin(parse_card(ANNA_CARD), ANNA_PIN)
    finally:
        decision.close()
    assert evaluation.patron_id == patron_id
    assert evaluation.decision is not None
    assert evaluation.decision.granted

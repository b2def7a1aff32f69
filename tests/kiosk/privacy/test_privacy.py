"""Privacy as code (issue 7): every retention rule at its boundary, erasure, file scans,
redaction, key-file permissions, the kiosk-wide throttle, the audit trail and statistics."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from kioskkit import CONTRACT_PATRON, SELF_SERVICE_AT, KioskCli, patron, write_config
from sqlalchemy import func, select

from drivers.cardparse import parse_card
from kiosk.cache import queries
from kiosk.cache.models import (
    AuditEntry,
    BuildingEvent,
    Debt,
    EntryLog,
    Loan,
    Message,
    Patron,
    Reservation,
)
from kiosk.cache.patrons import apply_records
from kiosk.clock import FixedClock
from kiosk.config import ConfigError, load
from kiosk.privacy.keyed_hash import KeyFileError, load_or_create_key
from kiosk.privacy.redaction import install_redaction, redact, uninstall_redaction
from kiosk.privacy.retention import purge
from kiosk.reasons import Reason
from kiosk.services import Services, build_services

NOW = SELF_SERVICE_AT
SECOND = timedelta(seconds=1)


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    built = build_services(load(write_config(tmp_path)), FixedClock(NOW))
    with built.sessions.begin() as session:
        apply_records(session, [patron()], built.hasher, today=built.clock.now().date())
    yield built
    built.close()


def _purge(s: Services, now: datetime, dry_run: bool = False) -> dict[str, int]:
    report = purge(s.engine, s.sessions, s.loaded.config.retention, now, dry_run, force=True)
    return {r.rule: r.rows for r in report.results}


def _count(s: Services, model: object, *where: object) -> int:
    with s.sessions() as session:
        query = select(func.count()).select_from(model).where(*where)  # type: ignore[arg-type]
        return session.scalar(query) or 0


def _seed(s: Services, at: datetime) -> None:
    """One row for every rule, all dated `at`."""
    pid = CONTRACT_PATRON["patron_id"]
    with s.sessions.begin() as session:
        session.add(EntryLog(at=at, mode="self_service", reason="ok", granted=True,
                             credential_kind="cpr", patron_id=pid))
        session.add(Loan(patron_id=pid, item_id="i1", title="Bog", returned_at=at))
        session.add(Reservation(patron_id=pid, title="Bog", state="fulfilled", closed_at=at))
        session.add(Debt(patron_id=pid, amount_ore=2500, settled_at=at))
        session.add(Message(patron_id=pid, channel="sms", sent_at=at, content="Din bog er klar"))
        session.add(AuditEntry(at=at, action="purge", actor="cli:test"))
        session.add(BuildingEvent(at=at, kind="exit", detail="exit_button"))


RULE_DAYS = {
    "entry_log": 30, "loan_history": 30, "reservation_history": 0, "debts": 30,
    "message_content": 30, "audit_log": 365, "building_events": 30,
}


@pytest.mark.parametrize(("rule", "days"), RULE_DAYS.items(), ids=RULE_DAYS.keys())
def test_each_rule_keeps_one_second_before_and_acts_one_second_after(
    svc: Services, rule: str, days: int
) -> None:
    at = NOW - timedelta(days=400)
    _seed(svc, at)
    boundary = at + timedelta(days=days)
    assert _purge(svc, boundary - SECOND)[rule] == 0
    assert _purge(svc, boundary + SECOND)[rule] == 1
    assert _purge(svc, boundary + 2 * SECOND)[rule] == 0  # idempotent


def test_anonymised_rows_keep_their_non_personal_columns(svc: Services) -> None:
    at = NOW - timedelta(days=31)
    _seed(svc, at)
    _purge(svc, NOW)
    with svc.sessions() as session:
        loan = session.scalars(select(Loan)).one()
        message = session.scalars(select(Message)).one()
    assert loan.patron_id is None
    assert loan.item_id == "i1"
    assert loan.returned_at == at
    assert message.content is None
    assert message.channel == "sms"
    assert message.sent_at == at


def test_inactive_patrons_go_with_everything_linked(svc: Services) -> None:
    _seed(svc, NOW - timedelta(days=10))
    with svc.sessions.begin() as session:
        row = session.get(Patron, CONTRACT_PATRON["patron_id"])
        assert row is not None
        row.last_activity = date(2023, 11, 1)
    assert _purge(svc, NOW)["inactive_patrons"] == 1
    assert _count(svc, Patron) == 0
    assert _count(svc, Loan) == 0
    assert _count(svc, EntryLog, EntryLog.patron_id.is_not(None)) == 0
    assert _count(svc, EntryLog) == 1  # the count survives without the person


def test_a_longer_period_than_the_policy_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as err:
        load(write_config(tmp_path), ["retention.loan_history_days=60"])
    assert "privacy policy" in str(err.value)
    assert "retention.loan_history_days" in str(err.value)
    shorter = load(write_config(tmp_path), ["retention.entry_log_days=7"])
    assert shorter.config.retention.entry_log_days == 7


def test_an_untrusted_clock_or_one_set_back_skips_the_purge_and_says_so(
    svc: Services, caplog: pytest.LogCaptureFixture
) -> None:
    _seed(svc, NOW - timedelta(days=31))
    policy = svc.loaded.config.retention
    purge(svc.engine, svc.sessions, policy, NOW)
    untrusted = "the clock stepped forward 365 days while running"
    for when, why in ((NOW - timedelta(days=1), None), (NOW + timedelta(days=365), untrusted)):
        with caplog.at_level(logging.WARNING):
            report = purge(svc.engine, svc.sessions, policy, when, untrusted=why)
        assert report.skipped is not None
        assert report.results == ()
    assert "clock moved back" in caplog.text
    assert f"clock not trusted: {untrusted}" in caplog.text
    forced = purge(svc.engine, svc.sessions, policy, NOW + timedelta(days=365), force=True,
                   untrusted=untrusted)
    assert forced.skipped is None


def _files(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in data_dir.glob("kiosk.db*"))


def test_purged_and_erased_patrons_leave_no_bytes_in_the_files(svc: Services) -> None:
    marker_patron = patron(patron_id="ERASEME42", cpr="0101901234", name="Markus Markersen",
                           cards=[{"number": "3399887766"}])
    with svc.sessions.begin() as session:
        apply_records(session, [marker_patron], svc.hasher, today=svc.clock.now().date())
    hashes = [svc.hasher.credential_id("cpr", "0101901234"),
              svc.hasher.credential_id("card", "3399887766")]
    for _ in range(3):
        svc.access.record(svc.access.check_pin(parse_card("3399887766"), "1234"))
    data = svc.loaded.data_dir
    assert b"Markus" in _files(data)  # the scan below can see what it looks for (first name)
    with svc.sessions.begin() as session:
        apply_records(session, [patron(patron_id="ERASEME42", deleted=True)], svc.hasher,
                      today=svc.clock.now().date())
    _purge(svc, NOW)
    blob = _files(data)
    assert b"Markus" not in blob
    assert b"ERASEME42" not in blob
    for h in hashes:
        assert h not in blob


def test_redaction_masks_cpr_and_pin_in_any_log_record(caplog: pytest.LogCaptureFixture) -> None:
    install_redaction()
    try:
        with caplog.at_level(logging.DEBUG):
            logging.getLogger("some.module").warning("card %s pin=%s", "1705901234", "4321")
            try:
                int("bad cpr 170590-1234")
            except ValueError:
                logging.getLogger("x").exception("failed")
    finally:
        uninstall_redaction()
    text = caplog.text + "".join(r.exc_text or "" for r in caplog.records)
    assert "1705901234" not in text
    assert "1234" not in text.replace("170590-****", "")
    assert "4321" not in text
    assert "170590-****" in text
    assert redact("AA1705901234|AD1234|") == "AA170590-****|AD****|"


def test_installation_key_readable_by_others_is_refused(tmp_path: Path) -> None:
    key = tmp_path / "installation.key"
    load_or_create_key(key)
    assert key.stat().st_mode & 0o777 == 0o600
    key.chmod(0o644)
    with pytest.raises(KeyFileError, match="chmod 600"):
        load_or_create_key(key)


def test_central_token_readable_by_others_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    token = tmp_path / "central.token"
    token.write_text("secret\n")
    token.chmod(0o640)
    kiosk = KioskCli(write_config(tmp_path), capsys)
    result = kiosk("--set", 'central.kind="http"', "--set", 'central.url="http://127.0.0.1:9"',
                   "--set", f'central.token_file="{token}"', "status")
    assert result.code == 2
    assert "central.token_file" in result.err
    assert "chmod 600" in result.err


def test_database_file_is_private(svc: Services) -> None:
    assert (svc.loaded.data_dir / "kiosk.db").stat().st_mode & 0o777 == 0o600


def test_kiosk_wide_throttle_pauses_and_lifts(svc: Services) -> None:
    clock = svc.clock
    assert isinstance(clock, FixedClock)
    cards = [f"33000{n:05d}" for n in range(25)]
    with svc.sessions.begin() as session:
        apply_records(session, [patron(patron_id=f"p{n}", cpr=None, cards=[{"number": c}])
                                for n, c in enumerate(cards)], svc.hasher,
                                    today=svc.clock.now().date())
    for card in cards[:20]:  # one wrong PIN on each of 20 cards: no card lock, but a pattern
        svc.access.record(svc.access.check_pin(parse_card(card), "0000"))
    honest = parse_card(cards[24])
    screened = svc.access.screen_card(honest).decision
    assert screened is not None
    assert screened.reason is Reason.THROTTLED
    assert svc.access.throttled_until is not None
    clock.advance(61)
    assert svc.access.screen_card(honest).decision is None  # on to the PIN again
    assert svc.access.throttled_until is None


def test_statistics_are_equal_before_and_after_purging_personal_rows(
    svc: Services, kiosk_cli: KioskCli
) -> None:
    for _ in range(3):
        svc.access.record(svc.access.check_pin(parse_card("1705901234"), "1234"))
    svc.access.record(svc.access.check_pin(parse_card("1705901234"), "9999"))
    before = kiosk_cli("stats", "--from", "2026-11-01", "--to", "2026-12-01", "--csv").out
    _purge(svc, NOW + timedelta(days=31))
    assert _count(svc, EntryLog) == 0
    after = kiosk_cli("stats", "--from", "2026-11-01", "--to", "2026-12-01", "--csv").out
    assert before == after
    assert ",entry,ok,3" in before
    assert ",entry,wrong_pin,1" in before


@pytest.fixture
def kiosk_cli(svc: Services, capsys: pytest.CaptureFixture[str]) -> KioskCli:
    return KioskCli(svc.loaded.path, capsys)


def test_technician_actions_are_audited(svc: Services, kiosk_cli: KioskCli) -> None:
    kiosk_cli("log")
    kiosk_cli("purge", "--now", NOW.isoformat(), "--force")
    kiosk_cli("relay-test", "--seconds", "0.05")
    kiosk_cli("stats")
    lines = kiosk_cli("log", "--audit").out.splitlines()
    actions = [line.split()[1] for line in lines]
    assert actions == ["log_viewed", "purge", "relay_test", "stats_viewed"]
    assert all("cli:" in line for line in lines)


def test_entry_statistics_are_queued_only_for_a_central_that_takes_them(
    tmp_path: Path, svc: Services
) -> None:
    svc.access.record(svc.access.check_pin(parse_card("1705901234"), "1234"))
    with svc.sessions() as session:
        assert queries.outbox_pending(session) == 0  # central.kind = "none": nobody to send to
    (tmp_path / "h").mkdir()
    http = build_services(
        load(write_config(tmp_path / "h"), ['central.kind="http"', 'central.url="http://x"']),
        FixedClock(NOW),
    )
    try:
        with http.sessions.begin() as session:
            apply_records(session, [patron()], http.hasher, today=http.clock.now().date())
        http.access.record(http.access.check_pin(parse_card("1705901234"), "1234"))
        with http.sessions() as session:
            assert queries.outbox_pending(session) == 1
    finally:
        http.close()


def test_fast_pin_verifiers_are_upgraded_to_argon2id_without_the_pin(svc: Services) -> None:
    from kiosk.privacy.verifiers import upgrade_some_verifiers

    with svc.sessions() as session:
        before = session.get(Patron, CONTRACT_PATRON["patron_id"])
        assert before is not None
        assert before.pin_verifier is not None
        assert before.pin_verifier.startswith("hk1$")
    assert upgrade_some_verifiers(svc.sessions, svc.hasher, 10) == 1
    assert upgrade_some_verifiers(svc.sessions, svc.hasher, 10) == 0  # nothing left to do
    with svc.sessions() as session:
        after = session.get(Patron, CONTRACT_PATRON["patron_id"])
        assert after is not None
        assert after.pin_verifier is not None
        assert after.pin_verifier.startswith("a2k1$$argon2id$")
    decision = svc.access.check_pin(parse_card("1705901234"), "1234").decision
    assert decision is not None
    assert decision.granted  # the same PIN still opens the door
    wrong = svc.access.check_pin(parse_card("1705901234"), "4321").decision
    assert wrong is not None
    assert wrong.reason is Reason.WRONG_PIN

"""`kiosk sync` tells the truth in its exit status and never shows a traceback (issue 14).

Each test runs the real command against the fake central on 127.0.0.1 with a bearer token.
Exit status (CONTRACT.md): 0 all done, 1 some part failed (patrons or events), 2 configuration.
"""

from __future__ import annotations

from typing import Any

import pytest
from sync_cli_kit import SyncCli

from sync.fakes.synthetic import DEMO_PERSONAS

ANNA = DEMO_PERSONAS[0]  # patron 1000001, card 3300000001, PIN 1234: admitted
AT = "2026-11-21T12:00:00+01:00"


def _record(patron_id: str = "2000001", **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"patron_id": patron_id, "name": "Testperson Vendor",
                            "cards": [{"number": "3399000001", "status": "active"}],
                            "pin": "1234", "self_service_opt_in": True}
    return {**base, **fields}


# docs/central-api.md's worked example: PIN 1234, salt "kiosk-demo-salt!".
VALID_PHC = ("$argon2id$v=19$m=19456,t=2,p=1$a2lvc2stZGVtby1zYWx0IQ"
             "$y+vbj8EPspIkNeUWWHaac/8sxMkHGdgPPTkmr94aW8A")

BAD_RECORDS = [
    pytest.param({"pin": None, "pin_verifier": "V001"}, "pin_verifier", id="verifier-not-phc"),
    pytest.param({"pin": None, "pin_verifier": "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA"},
                 "pin_verifier", id="verifier-argon2i"),
    pytest.param({"pin": None, "pin_verifier": VALID_PHC.replace("m=19456", "m=1024")},
                 "pin_verifier", id="verifier-too-weak"),
    pytest.param({"pin": None, "pin_verifier": VALID_PHC.replace("a2lvc2", "!!!!!!")},
                 "pin_verifier", id="verifier-bad-base64"),
    pytest.param({"pin_verifier": VALID_PHC}, "pin_verifier", id="pin-and-verifier"),
    pytest.param({"updated_at": "2026-11-20T10:00:00"}, "updated_at", id="naive-updated-at"),
    pytest.param({"cpr": "3213851234"}, "cpr", id="cpr-date-does-not-exist"),
    pytest.param({"debt_dkk": 12.5}, "debt_dkk", id="debt-as-json-number"),
    pytest.param({"debt_dkk": "1.234"}, "debt_dkk", id="debt-three-decimals"),
    pytest.param({"birth_date": "2026-02-30"}, "birth_date", id="impossible-birth-date"),
]


@pytest.mark.parametrize(("fields", "field"), BAD_RECORDS)
def test_a_refused_record_is_a_bad_record_error_and_the_cache_stays_whole(
    kiosk_sync: SyncCli, fields: dict[str, Any], field: str
) -> None:
    assert kiosk_sync("sync", "--full").code == 0
    before = kiosk_sync.patron_count()
    kiosk_sync.patch(ANNA.patron_id, blocked={"since": "2026-11-20", "reason": "F"})
    kiosk_sync.fault("records", records=[_record("2000000"), _record(**fields)])

    result = kiosk_sync("sync", "--full")

    assert result.code == 1
    assert "Traceback" not in result.err
    where = f"page 1, record 1 (patron_id 2000001): {field}:"
    assert where in result.err
    error = kiosk_sync.state("last_sync_error")
    assert error is not None
    assert where in error
    assert kiosk_sync.patron_count() == before  # the old cache, whole
    explain = kiosk_sync("explain", "--card", ANNA.card, "--pin", ANNA.pin, "--at", AT)
    assert explain.json["reason"] == "ok"  # the block on the refused snapshot did not arrive


def test_an_unknown_card_status_refuses_that_record_not_the_page(
    kiosk_sync: SyncCli, caplog: pytest.LogCaptureFixture
) -> None:
    assert kiosk_sync("sync", "--full").code == 0
    before = kiosk_sync.patron_count()
    assert kiosk_sync("explain", "--card", ANNA.card, "--pin", ANNA.pin,
                      "--at", AT).json["reason"] == "ok"
    kiosk_sync.patch("1000002", name="Changed In The Same Delta")
    anna = kiosk_sync.central.store.current(ANNA.patron_id)
    assert anna is not None
    # API v1 has no card status "stolen" (the fake refuses to store it): serve it verbatim.
    stolen = {**anna, "cards": [{"number": ANNA.card, "status": "stolen"}]}
    kiosk_sync.fault("records", records=[stolen, kiosk_sync.central.store.current("1000002")])

    result = kiosk_sync("sync")

    assert result.code == 1
    where = f"record 0 (patron_id {ANNA.patron_id}): cards.0.status: unknown value 'stolen'"
    assert where in result.err
    assert where in (kiosk_sync.state("last_sync_error") or "")
    assert any(where in r.getMessage() for r in caplog.records)
    # The rest of the page was applied and the refused patron is unusable (gone from the cache).
    assert kiosk_sync.patron_count() == before - 1
    assert kiosk_sync("explain", "--card", ANNA.card, "--pin", ANNA.pin,
                      "--at", AT).json["reason"] == "unknown_card"
    assert kiosk_sync("sync").code == 0  # the cursor moved on: the next delta is clean


@pytest.mark.parametrize("content", ["", "  \n\n"], ids=["empty", "only-whitespace"])
def test_an_empty_token_file_is_a_configuration_error(kiosk_sync: SyncCli, content: str) -> None:
    kiosk_sync.token.write_text(content, encoding="utf-8")

    result = kiosk_sync("sync")

    assert result.code == 2
    assert "Traceback" not in result.err
    assert "central.token_file" in result.err
    assert "empty" in result.err


def test_an_open_token_file_is_a_configuration_error(kiosk_sync: SyncCli) -> None:
    kiosk_sync.token.chmod(0o644)

    result = kiosk_sync("sync")

    assert result.code == 2
    assert "chmod 600" in result.err


def _queue_an_entry(kiosk_sync: SyncCli) -> None:
    attempt = kiosk_sync("attempt", "--card", ANNA.card, "--pin", ANNA.pin, "--at", AT)
    assert attempt.code == 0, attempt.err


def test_events_failing_make_the_sync_fail(kiosk_sync: SyncCli) -> None:
    assert kiosk_sync("sync", "--full").code == 0
    _queue_an_entry(kiosk_sync)
    kiosk_sync.fault("latency", count=1)  # the delta's one page goes through
    kiosk_sync.fault("500", count=20)  # every events upload is answered 500

    result = kiosk_sync("sync")

    assert result.code == 1
    assert "events" in result.err
    assert "HTTP 500" in (kiosk_sync.state("last_sync_error") or "")


def test_events_are_sent_when_the_patron_fetch_failed(kiosk_sync: SyncCli) -> None:
    assert kiosk_sync("sync", "--full").code == 0
    _queue_an_entry(kiosk_sync)
    kiosk_sync.fault("html", count=1)  # the patron fetch fails (a proxy login page)

    result = kiosk_sync("sync")

    assert result.code == 1
    assert "expected JSON" in (kiosk_sync.state("last_sync_error") or "")
    applied = kiosk_sync.central.events.snapshot()["applied_total"]
    assert applied == 1
    assert "outbox: 1 sent" in result.out


def test_invalid_cursor_leads_to_a_full_sync_in_the_same_run(kiosk_sync: SyncCli) -> None:
    assert kiosk_sync("sync", "--full").code == 0
    with kiosk_sync.services() as svc, svc.sessions.begin() as session:
        from kiosk.cache import queries

        queries.set_state(session, "sync_cursor", "from-an-older-server")

    result = kiosk_sync("sync")

    assert result.code == 0, result.err
    assert "full sync" in result.out
    cursor = kiosk_sync.state("sync_cursor")
    assert cursor is not None
    assert cursor.isdigit()
    assert kiosk_sync("sync").code == 0


def test_a_clean_sync_exits_0_with_no_error_recorded(kiosk_sync: SyncCli) -> None:
    result = kiosk_sync("sync", "--full")

    assert result.code == 0, result.err
    assert kiosk_sync.state("last_sync_error") == ""


def test_a_patron_sent_without_a_pin_cannot_verify_and_is_not_locked_out(
    kiosk_sync: SyncCli,
) -> None:
    kiosk_sync.patch(ANNA.patron_id, pin=None)
    assert kiosk_sync("sync", "--full").code == 0

    tries = [kiosk_sync("attempt", "--card", ANNA.card, "--pin", ANNA.pin, "--at", AT).json
             for _ in range(6)]

    # docs/central-api.md "Patron records": no PIN on file is cannot_verify, not wrong_pin,
    # and it never counts toward the lockout (six tries, no pin_locked).
    assert {t["reason"] for t in tries} == {"cannot_verify"}
    kiosk_sync.patch(ANNA.patron_id, pin=ANNA.pin)
    assert kiosk_sync("sync").code == 0
    after = kiosk_sync("attempt", "--card", ANNA.card, "--pin", ANNA.pin, "--at", AT).json
    assert after["reason"] == "ok"


def test_a_patron_verifier_from_the_central_admits_with_the_right_pin(
    kiosk_sync: SyncCli,
) -> None:
    kiosk_sync.patch(ANNA.patron_id, pin=None, pin_verifier=VALID_PHC)  # the doc's example: 1234
    assert kiosk_sync("sync", "--full").code == 0

    wrong = kiosk_sync("explain", "--card", ANNA.card, "--pin", "9999", "--at", AT).json
    right = kiosk_sync("explain", "--card", ANNA.card, "--pin", "1234", "--at", AT).json

    assert (wrong["reason"], right["reason"]) == ("wrong_pin", "ok")

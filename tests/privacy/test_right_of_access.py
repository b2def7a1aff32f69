"""Reliability scenario 24 (GDPR Art. 15): `kiosk export --card RAW` prints everything the kiosk
holds on that patron: complete, only that patron, only within the 30-day window, empty after;
never a CPR, a full card number, a PIN or a verifier."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from kioskkit import CONTRACT_PATRON, SELF_SERVICE_AT, KioskCli, write_jsonl

ANNA = {**CONTRACT_PATRON, "cards": [{"number": "3300001234", "status": "active"},
                                      {"number": "3300005555", "status": "lost"}]}
BO = {**CONTRACT_PATRON, "patron_id": "1000999", "name": "Bo Hansen", "cpr": "0101801235",
      "cards": [{"number": "3300002222", "status": "active"}], "pin": "8642"}
T = SELF_SERVICE_AT


def _at(delta: timedelta) -> str:
    return (T + delta).isoformat()


@pytest.fixture
def visited(kiosk: KioskCli, tmp_path: Path) -> KioskCli:
    assert kiosk("import-patrons", str(write_jsonl(tmp_path / "p.jsonl", [ANNA, BO]))).code == 0
    visits = [("1705901234", "1234"), ("3300001234", "0000"), ("3300001234", "1234"),
              ("3300005555", "1234"), ("0101801235", "8642"), ("3300002222", "0000")]
    for n, (card, pin) in enumerate(visits):
        result = kiosk("attempt", "--card", card, "--pin", pin, "--at", _at(timedelta(minutes=n)))
        assert result.code == 0, result.err
    kiosk("attempt", "--card", "3300001234", "--pin", "0000", "--at", _at(timedelta(minutes=9)))
    return kiosk


def _export(kiosk: KioskCli, card: str, after: timedelta) -> dict[str, object]:
    result = kiosk("export", "--card", card, "--at", _at(after))
    assert result.code == 0, result.err
    for secret in ("1705901234", "0101801235", "3300001234", "hk1$", "a2k1$"):
        assert secret not in result.out
    answer: dict[str, object] = result.json
    return answer


def test_the_export_is_complete_and_only_hers(visited: KioskCli) -> None:
    answer = _export(visited, "3300001234", timedelta(minutes=10))
    patron = answer["patron"]
    assert isinstance(patron, dict)
    assert (patron["patron_id"], patron["first_name"]) == ("1000123", "Anna")
    entries = answer["entries"]
    assert isinstance(entries, list)
    assert [(e["kind"], e["reason"]) for e in entries] == [
        ("cpr", "ok"), ("card", "wrong_pin"), ("card", "ok"), ("card", "card_lost"),
        ("card", "wrong_pin")]
    assert answer["lockout"] == {"failures": 1, "locked_until": None}
    assert answer["credentials"] == [{"kind": "card", "status": "active"},
                                     {"kind": "card", "status": "lost"},
                                     {"kind": "cpr", "status": "active"}]
    text = str(answer)
    assert "1000999" not in text  # nothing of anyone else
    assert "Bo" not in text
    by_cpr = _export(visited, "170590-1234", timedelta(minutes=10))
    assert (by_cpr["card"], by_cpr["card_kind"]) == ("170590-****", "cpr")
    same = {"card": None, "card_kind": None}
    assert answer | same == by_cpr | same  # the same patron, whichever card asks


def test_the_window_is_thirty_days_whatever_the_purge_did(visited: KioskCli) -> None:
    day29 = _export(visited, "3300001234", timedelta(days=29))
    assert len(day29["entries"]) == 5  # type: ignore[arg-type]
    day31 = _export(visited, "3300001234", timedelta(days=31))
    assert day31["entries"] == []
    assert day31["lockout"] is None
    assert visited("purge", "--now", _at(timedelta(days=31)), "--force").code == 0
    assert _export(visited, "3300001234", timedelta(days=31))["entries"] == []


def test_a_card_the_kiosk_does_not_know_gets_an_empty_answer(visited: KioskCli) -> None:
    answer = _export(visited, "3300009999", timedelta(hours=1))
    assert (answer["patron"], answer["entries"], answer["offline_queue"]) == (None, [], [])


def test_the_export_is_audited_with_the_card_masked(visited: KioskCli) -> None:
    _export(visited, "3300001234", timedelta(hours=1))
    audit = visited("log", "--audit").out
    assert "export" in audit
    assert "******1234" in audit
    assert "3300001234" not in audit

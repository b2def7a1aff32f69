"""Issue 13: a deleted installation key was silently replaced (every card then `unknown_card`
with no word of why). Now its fingerprint is kept with the cache; a missing or different key
with a non-empty cache stops every verb with exit 2 naming the key file, and `kiosk key-reset`
is the technician's explicit way out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from kioskkit import CONTRACT_PATRON, SELF_SERVICE_AT, KioskCli, write_jsonl

AT = SELF_SERVICE_AT.isoformat()


@pytest.fixture
def imported(kiosk: KioskCli, tmp_path: Path) -> KioskCli:
    result = kiosk("import-patrons", str(write_jsonl(tmp_path / "p.jsonl", [CONTRACT_PATRON])))
    assert result.code == 0, result.err
    return kiosk


def _key(config_path: Path) -> Path:
    return config_path.parent / "data" / "installation.key"


VERBS = {
    "status": ("status",),
    "explain": ("explain", "--card", "1705901234", "--pin", "1234", "--at", AT),
    "attempt": ("attempt", "--card", "1705901234", "--pin", "1234", "--at", AT),
    "log": ("log",),
    "purge": ("purge", "--dry-run"),
}


@pytest.mark.parametrize("verb", VERBS.values(), ids=VERBS.keys())
def test_a_missing_key_stops_every_verb(imported: KioskCli, config_path: Path,
                                        verb: tuple[str, ...]) -> None:
    key = _key(config_path)
    key.unlink()
    result = imported(*verb)
    assert result.code == 2, result.out
    assert str(key) in result.err
    assert "kiosk key-reset" in result.err
    assert not key.exists()  # not silently replaced


def test_a_different_key_is_refused(imported: KioskCli, config_path: Path) -> None:
    key = _key(config_path)
    key.write_bytes(os.urandom(32))
    result = imported("status")
    assert result.code == 2
    assert str(key) in result.err
    assert "another key" in result.err


def test_key_reset_erases_what_the_old_key_made_and_adopts_a_new_key(
    imported: KioskCli, config_path: Path
) -> None:
    _key(config_path).unlink()
    reset = imported("key-reset")
    assert reset.code == 0, reset.err
    assert "1 patrons" in reset.out
    assert _key(config_path).stat().st_mode & 0o777 == 0o600
    status = imported("status", "--json")
    assert status.code == 0, status.err
    assert status.json["patrons"] == 0
    again = imported("explain", "--card", "1705901234", "--pin", "1234", "--at", AT)
    assert again.json["reason"] == "unknown_card"


def test_an_empty_cache_takes_a_new_key_quietly(kiosk: KioskCli, config_path: Path) -> None:
    assert kiosk("status").code == 0
    _key(config_path).unlink()
    assert kiosk("status").code == 0
    assert _key(config_path).exists()

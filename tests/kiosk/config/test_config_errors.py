"""Bad configs stop `kiosk` with exit 2 and one stderr line a problem naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest
from kioskkit import SHIPPED_CONFIG, KioskCli, write_config

from kiosk.config import ConfigError, load

HTTP_CENTRAL = (
    'kind = "http"\nurl = "http://127.0.0.1:8765"\ntoken_file = "missing.token"'
)

# id -> (text replaced in the shipped config, its replacement, words the error line must hold)
FILE_ROWS = {
    "wrong_type": ("min_age = 15", 'min_age = "fifteen"',
                   ["config.toml", "access.min_age", "fifteen", "whole number 0-18"]),
    "out_of_range": ("min_age = 15", "min_age = 200", ["access.min_age", "200", "0-18"]),
    "unknown_key_typo": ("max_debt_dkk = 100", "max_debt_dk = 100",
                         ["access.max_debt_dk", "unknown key", "max_debt_dkk"]),
    "unknown_section": ("[database]", "[databse]", ["databse", "unknown key"]),
    "bad_enum": ('mode = "door" ', 'mode = "doors" ', ["kiosk.mode", "doors", '"checkout"']),
    "checkout_without_sip2": ('mode = "door" ', 'mode = "both" ',
                              ["config.toml", "kiosk.mode", '"both"', "SIP2",
                               'central.kind is "none"', 'kiosk.mode = "door"']),
    "bad_relay_driver": ('[relay]\ndriver = "null"', '[relay]\ndriver = "usb"',
                         ["relay.driver", "usb", '"lcus"']),
    "bad_duration": ('max_cache_age = "24h"', 'max_cache_age = "a day"',
                     ["central.max_cache_age", "a day", "24h"]),
    "huge_duration": ('max_cache_age = "24h"', 'max_cache_age = "1000000000d"',
                      ["central.max_cache_age", "1000000000d", "at most 3650d"]),
    "huge_number_of_seconds": ('max_cache_age = "24h"', "max_cache_age = 86400000000000.0",
                               ["central.max_cache_age", "86400000000000.0", "at most 3650d"]),
    "infinite_duration": ('max_cache_age = "24h"', "max_cache_age = inf",
                          ["central.max_cache_age", "inf", "at most 3650d"]),
    "bad_interval": ('sunday    = { self_service = ["07:00-22:00"] }',
                     'sunday    = { self_service = ["22:00-07:00"] }',
                     ["calendar.weekly.sunday.self_service", "22:00-07:00"]),
    "retention_longer_than_policy": ("entry_log_days = 30", "entry_log_days = 60",
                                     ["retention.entry_log_days", "60"]),
    "missing_secret_file": ('kind = "none"', HTTP_CENTRAL,
                            ["central.token_file", "missing.token", "does not exist"]),
}


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    path = write_config(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in the shipped config once"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize(("old", "new", "words"), FILE_ROWS.values(), ids=FILE_ROWS.keys())
def test_bad_file_exits_2_naming_the_key(
    kiosk: KioskCli, tmp_path: Path, old: str, new: str, words: list[str]
) -> None:
    result = kiosk("check-config", config=_broken(tmp_path, old, new))
    assert result.code == 2
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, lines
    for word in words:
        assert word in lines[0]


def test_the_shipped_config_is_valid(kiosk: KioskCli) -> None:
    result = kiosk("check-config")
    assert result.code == 0, result.err
    summary = "min age 15, max debt 100 DKK, opt-in required, 5 PIN attempts, lock 30 min"
    assert summary in result.out
    assert "relay: null" in result.out
    assert load(SHIPPED_CONFIG).config.central.kind == "none"


def test_every_problem_gets_its_own_line(kiosk: KioskCli, tmp_path: Path) -> None:
    path = _broken(tmp_path, "min_age = 15", 'min_age = "fifteen"')
    text = path.read_text(encoding="utf-8").replace("pin_attempts = 5", "pin_atempts = 5")
    path.write_text(text, encoding="utf-8")
    lines = kiosk("check-config", config=path).err.strip().splitlines()
    assert len(lines) == 2
    assert any("access.min_age" in line for line in lines)
    assert any("access.pin_atempts" in line for line in lines)


def test_a_huge_duration_from_the_command_line_exits_2(kiosk: KioskCli) -> None:
    # The outside tester's command: `--set 'central.max_cache_age="1000000000d"' check-config`
    # used to end in an OverflowError traceback.
    result = kiosk("--set", 'central.max_cache_age="1000000000d"', "check-config")
    assert result.code == 2
    assert "central.max_cache_age" in result.err
    assert "Traceback" not in result.err


def test_invalid_toml(kiosk: KioskCli, tmp_path: Path) -> None:
    path = write_config(tmp_path, extra="\n[access\n")
    result = kiosk("explain", "--card", "1705901234", config=path)
    assert result.code == 2
    assert "config.toml: not valid TOML" in result.err


def test_file_not_found(kiosk: KioskCli, tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    result = kiosk("check-config", config=missing)
    assert result.code == 2
    assert str(missing) in result.err
    assert "file not found" in result.err


def test_a_present_secret_file_is_accepted(kiosk: KioskCli, tmp_path: Path) -> None:
    path = _broken(tmp_path, 'kind = "none"', HTTP_CENTRAL)
    token = tmp_path / "missing.token"
    token.write_text("secret\n", encoding="utf-8")
    token.chmod(0o600)  # a secret readable by others is refused (test_privacy.py)
    assert kiosk("check-config", config=path).code == 0


SET_ROWS = {
    "wrong_type": ('access.min_age="fifteen"', ["access.min_age", "fifteen"]),
    "unquoted_string": ("access.min_age=fifteen", ["access.min_age", "fifteen"]),
    "unknown_key": ("access.min_agee=18", ["access.min_agee", "unknown key"]),
    "bad_enum": ('kiosk.mode="doors"', ["kiosk.mode", "doors"]),
    "not_key_value": ("access.min_age", ["--set", "KEY=VALUE"]),
    "http_without_url": ('central.kind="http"', ["central", "url"]),
}


@pytest.mark.parametrize(("override", "words"), SET_ROWS.values(), ids=SET_ROWS.keys())
def test_set_override_is_validated_like_the_file(
    kiosk: KioskCli, override: str, words: list[str]
) -> None:
    result = kiosk("--set", override, "check-config")
    assert result.code == 2
    for word in words:
        assert word in result.err


def test_set_override_takes_effect(kiosk: KioskCli) -> None:
    result = kiosk("--set", "access.min_age=18", "check-config")
    assert result.code == 0, result.err
    assert "min age 18" in result.out


def test_config_error_lines_from_load(config_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load(config_path, ['access.min_age="fifteen"', "relay.channel=0"])
    assert sorted(caught.value.lines) == [
        'config.toml: access.min_age: expected a whole number 0-18, got "fifteen"',
        "config.toml: relay.channel: expected a whole number 1-32, got 0",
    ]

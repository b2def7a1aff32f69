"""`kiosk sip2-check` against the fake SIP2 server: each step, and the step that failed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from kioskkit import KioskCli
from sip2kit import fake_acs, sip2_config

from kiosk.clock import FixedClock
from sync.sip2.fakes.acs import FakeAcs


@pytest.fixture
def acs(clock: FixedClock) -> Iterator[FakeAcs]:
    with fake_acs(clock) as fake:
        yield fake


def _cli(tmp_path: Path, port: int, capsys: pytest.CaptureFixture[str]) -> KioskCli:
    loaded = sip2_config(tmp_path, port)
    return KioskCli(loaded.path, capsys)


def test_check_prints_every_step_and_what_the_acs_supports(
    tmp_path: Path, acs: FakeAcs, capsys: pytest.CaptureFixture[str]
) -> None:
    result = _cli(tmp_path, acs.port, capsys)("--set", 'central.kind="sip2"', "sip2-check")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    steps = [line for line in lines if line.split(":")[0] in ("connect", "login", "status")]
    assert steps == ["connect: ok", "login: ok", "status: ok"]
    assert "ACS timeout: 3 s, retries: 3" in lines
    assert any(line.split() == ["checkout", "yes"] for line in lines)
    assert any(line.split() == ["renew_all", "no"] for line in lines)
    assert "secret" not in result.out + result.err


@pytest.mark.parametrize(("fault", "step"), [
    ("stopped", "connect"), ("password", "login"), ("offline", "status"),
])
def test_check_names_the_step_that_failed(
    tmp_path: Path, acs: FakeAcs, capsys: pytest.CaptureFixture[str], fault: str, step: str
) -> None:
    cli = _cli(tmp_path, acs.port, capsys)
    if fault == "stopped":
        acs.stop()
    elif fault == "password":
        acs.password = "other"
    else:
        acs.set_fault("offline", count=-1)
    result = cli("sip2-check")
    assert result.code == 1
    assert f"{step}: FAILED" in result.out
    assert f"step '{step}' failed" in result.err


def test_check_without_a_user_is_a_usage_error(
    tmp_path: Path, acs: FakeAcs, capsys: pytest.CaptureFixture[str]
) -> None:
    result = _cli(tmp_path, acs.port, capsys)("--set", 'central.sip2.user=""', "sip2-check")
    assert result.code == 2
    assert "central.sip2.user" in result.err

"""Helpers for kiosk tests against the fake SIP2 server: a sip2 config and a FakeAcs on loopback.

Imported by tests (`from sip2kit import ...`) next to kioskkit; the FakeAcs follows the test's
FixedClock, so due dates and verification ages move with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kioskkit import write_config

from kiosk.clock import FixedClock
from kiosk.config import LoadedConfig, load
from sync.sip2.fakes.acs import FakeAcs

ANNA_CARD, ANNA_PIN = "3300001234", "4711"
BO_CARD, BO_PIN = "3300002222", "8642"
DORTE_CARD, DORTE_LOST_CARD, DORTE_PIN = "3300004444", "3300004445", "9753"


def sip2_config(tmp_path: Path, port: int, *overrides: str) -> LoadedConfig:
    """The shipped config with central.kind = "sip2" pointing at a fake ACS on `port`."""
    secret = tmp_path / "sip2.password"
    secret.write_text("secret\n", encoding="utf-8")
    secret.chmod(0o600)
    extra = (
        "\n[central.sip2]\n"
        f'host = "127.0.0.1"\nport = {port}\nuser = "kiosk"\n'
        f'password_file = "{(tmp_path / "sip2.password").as_posix()}"\n'
        'institution = "DK-761500"\nlocation = "solrod"\ntimeout = "1s"\n'
    )
    path = write_config(tmp_path, extra)
    return load(path, ['central.kind="sip2"', *overrides])


@contextmanager
def fake_acs(clock: FixedClock, port: int = 0) -> Iterator[FakeAcs]:
    with FakeAcs(now=clock.now, port=port) as acs:
        yield acs

"""`kiosk sync` against a token-protected fake central on 127.0.0.1, run like the console script.

Imported by name (`from sync_cli_kit import ...`) like kioskkit: tests/ is on sys.path.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import requests
from kioskkit import SELF_SERVICE_AT, CliResult, KioskCli, write_config

from kiosk.cache import queries
from kiosk.clock import FixedClock
from kiosk.config import load
from kiosk.services import Services, build_services
from sync.fakes.central import FakeCentral

TOKEN = "kiosk-test-token-7f3a"
POPULATION = 30


class SyncCli:
    """One kiosk (config, data dir, token file) and the fake central it syncs with."""

    def __init__(self, tmp_path: Path, central: FakeCentral, capsys: pytest.CaptureFixture[str]):
        self.central = central
        self.url = central.url
        self.token = tmp_path / "central.token"
        self.token.write_text(TOKEN + "\n", encoding="utf-8")
        self.token.chmod(0o600)
        self.config = write_config(tmp_path)
        self.overrides = ['central.kind="http"', f'central.url="{self.url}"',
                          f'central.token_file="{self.token}"']
        self.cli = KioskCli(self.config, capsys)

    def __call__(self, *argv: str) -> CliResult:
        sets = [a for o in self.overrides for a in ("--set", o)]
        return self.cli(*sets, *argv)

    @contextmanager
    def services(self) -> Iterator[Services]:
        built = build_services(load(self.config, self.overrides), FixedClock(SELF_SERVICE_AT))
        try:
            yield built
        finally:
            built.close()

    def state(self, key: str) -> str | None:
        with self.services() as svc, svc.sessions() as session:
            return queries.get_state(session, key)

    def patron_count(self) -> int:
        with self.services() as svc, svc.sessions() as session:
            return queries.patron_count(session)

    def fault(self, mode: str, **body: Any) -> None:
        resp = requests.post(f"{self.url}/_fake/faults", json={"mode": mode, **body}, timeout=5)
        assert resp.status_code == 200, resp.text

    def patch(self, patron_id: str, **fields: Any) -> None:
        resp = requests.post(f"{self.url}/_fake/patrons/{patron_id}", json=fields, timeout=5)
        assert resp.status_code == 200, resp.text

"""Helpers for the kiosk tests: the shipped config in tmp_path, patron records, the CLI runner.

Imported by tests/conftest.py and by test modules (`from kioskkit import ...`), like driverkit.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli.main import main
from kiosk.clock import COPENHAGEN
from sync.records import PatronRecord, parse_patron

REPO = Path(__file__).resolve().parent.parent
SHIPPED_CONFIG = REPO / "config.toml"

# Saturday 21 November 2026, 12:00 Copenhagen: self-service hours (07-22), nobody staffed.
SELF_SERVICE_AT = datetime(2026, 11, 21, 12, 0, tzinfo=COPENHAGEN)

# The CONTRACT.md example patron (born 17 May 1990, so an adult on SELF_SERVICE_AT).
CONTRACT_PATRON: dict[str, Any] = {
    "patron_id": "1000123", "name": "Anna Jensen", "birth_date": "1990-05-17",
    "cpr": "1705901234", "cards": [{"number": "3300001234", "status": "active"}],
    "pin": "1234", "patron_group": "adult",
    "blocked": None, "debt_dkk": "0.00",
    "home_branch": "solrod", "municipality": "336", "self_service_opt_in": True,
    "last_activity": "2026-11-01", "updated_at": "2026-11-20T10:00:00Z",
}


class KioskCli:
    """Runs `kiosk.cli.main.main` like the console script; each call is a fresh process-like run.

    Every call opens its own engine (nothing is shared between calls but the files), so a
    sequence of calls behaves like restarts. Output of every call is kept for privacy scans.
    """

    # A granted attempt waits for the relay pulse; keep it short so tests stay fast.
    FAST = ("--set", "relay.pulse_seconds=0.05")

    def __init__(self, config: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.config = config
        self.capsys = capsys
        self.outputs: list[str] = []

    def __call__(self, *argv: str, config: Path | None = None) -> CliResult:
        self.capsys.readouterr()
        code = main(["--config", str(config or self.config), *self.FAST, *argv])
        out, err = self.capsys.readouterr()
        self.outputs += [out, err]
        return CliResult(code, out, err)


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


def write_config(tmp_path: Path, extra: str = "", name: str = "config.toml") -> Path:
    """The shipped config.toml with data_dir inside tmp_path, plus `extra` TOML appended."""
    text = SHIPPED_CONFIG.read_text(encoding="utf-8")
    data_line = 'data_dir = "data"'
    assert data_line in text, "the shipped config.toml no longer sets data_dir = \"data\""
    data_dir = (tmp_path / "data").as_posix()
    text = text.replace(data_line, f'data_dir = "{data_dir}"', 1)
    path = tmp_path / name
    path.write_text(text + extra, encoding="utf-8")
    return path


def patron(**fields: Any) -> PatronRecord:
    """A patron record built like the wire record, starting from the CONTRACT.md example."""
    return parse_patron({**CONTRACT_PATRON, **fields}, "test")


def write_jsonl(path: Path, records: Sequence[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path

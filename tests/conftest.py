"""Shared fixtures: a fixed Copenhagen clock, the shipped config copied into tmp_path, services.

Everything that writes (database, installation key) lives under tmp_path, never in data/.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from kiosk.clock import COPENHAGEN, FixedClock
from kiosk.config import LoadedConfig, load
from kiosk.services import Services, build_services
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


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(SELF_SERVICE_AT)


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    return write_config(tmp_path)


@pytest.fixture
def loaded(config_path: Path) -> LoadedConfig:
    return load(config_path)


@pytest.fixture
def services(loaded: LoadedConfig, clock: FixedClock) -> Iterator[Services]:
    built = build_services(loaded, clock)
    yield built
    built.close()

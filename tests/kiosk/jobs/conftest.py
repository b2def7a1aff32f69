"""Fixtures for the sync job tests: a token-protected fake central and a `kiosk sync` runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from kioskkit import SELF_SERVICE_AT
from sync_cli_kit import POPULATION, TOKEN, SyncCli

from sync.fakes.central import FakeCentral


@pytest.fixture
def fake() -> Iterator[FakeCentral]:
    central = FakeCentral(POPULATION, seed=5, token=TOKEN, today=SELF_SERVICE_AT.date())
    with central.serve("127.0.0.1", 0):
        yield central


@pytest.fixture
def kiosk_sync(tmp_path: Path, fake: FakeCentral, capsys: pytest.CaptureFixture[str]) -> SyncCli:
    return SyncCli(tmp_path, fake, capsys)

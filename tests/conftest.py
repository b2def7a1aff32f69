"""Shared fixtures: a fixed Copenhagen clock, the shipped config copied into tmp_path, services.

Everything that writes (database, installation key) lives under tmp_path, never in data/.
Helpers the tests import themselves are in kioskkit.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from kioskkit import SELF_SERVICE_AT, KioskCli, write_config

from kiosk.clock import FixedClock
from kiosk.config import LoadedConfig, load
from kiosk.services import Services, build_services

FIGURES = pytest.StashKey[list[str]]()


@pytest.fixture
def figures(request: pytest.FixtureRequest) -> Callable[[str], None]:
    """Report a measured figure (a contrast ratio, a target size, speech loudness): it is
    printed in the run's summary, under "measured figures", whether or not the test fails."""
    stash = request.config.stash
    if FIGURES not in stash:
        stash[FIGURES] = []
    return stash[FIGURES].append


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = terminalreporter.config.stash.get(FIGURES, [])
    if lines:
        terminalreporter.section("measured figures")
        for line in lines:
            terminalreporter.write_line(line)


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


@pytest.fixture
def kiosk(config_path: Path, capsys: pytest.CaptureFixture[str]) -> KioskCli:
    return KioskCli(config_path, capsys)

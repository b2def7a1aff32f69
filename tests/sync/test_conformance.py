"""The conformance kit (`python -m sync.conformance`) passes against the fake central on
127.0.0.1, and fails against variants of it that each break one documented rule."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from broken_centrals import BROKEN

from sync.conformance.__main__ import run
from sync.conformance.checks import CHECKS, Context
from sync.conformance.probe import Probe
from sync.fakes.central import FakeCentral

TOKEN = "conformance-test-token"


@pytest.fixture
def token_file(tmp_path: Path) -> Path:
    path = tmp_path / "token"
    path.write_text(TOKEN + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


@pytest.fixture
def fake() -> Iterator[FakeCentral]:
    central = FakeCentral(25, seed=4, token=TOKEN)
    with central.serve("127.0.0.1", 0):
        yield central


def test_the_kit_passes_against_the_fake_central(fake: FakeCentral, token_file: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sync.conformance", "--url", fake.url, "--token-file",
         str(token_file), "--patron", "1000001"],
        capture_output=True, text=True, timeout=120, check=False,
    )

    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(lines) == len(CHECKS) + 1
    assert all(line.startswith("PASS  ") and 'docs/central-api.md "' in line
               for line in lines[:-1])
    assert lines[-1] == f"{len(CHECKS)} passed, 0 failed"
    assert not [p for p in (fake.store.current(f"conformance-{i}") for i in "abcd") if p]


def test_an_unknown_patron_named_with_patron_fails(fake: FakeCentral, token_file: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sync.conformance", "--url", fake.url, "--token-file",
         str(token_file), "--patron", "no-such-patron"],
        capture_output=True, text=True, timeout=120, check=False,
    )

    assert done.returncode == 1
    assert "FAIL  snapshot pages" in done.stdout


def test_an_empty_token_file_is_a_usage_error(fake: FakeCentral, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.write_text("", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "sync.conformance", "--url", fake.url, "--token-file", str(empty)],
        capture_output=True, text=True, timeout=60, check=False,
    )

    assert done.returncode == 2
    assert "empty" in done.stderr


@pytest.mark.parametrize(("central_class", "failing"), BROKEN, ids=[b[0].__name__ for b in BROKEN])
def test_the_kit_fails_against_a_central_that_breaks_one_rule(
    central_class: type[FakeCentral], failing: str
) -> None:
    central = central_class(25, seed=4, token=TOKEN)
    lines: list[str] = []
    with central.serve("127.0.0.1", 0) as url:
        probe = Probe(url, TOKEN)
        try:
            failed = run(Context(probe), CHECKS, lines.append)
        finally:
            probe.close()

    assert failed >= 1
    assert any(line.startswith(f"FAIL  {failing}") for line in lines), "\n".join(lines)

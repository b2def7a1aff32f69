"""`python -m sync.fake_central`: dumps JSON Lines, serves with a token, stops on SIGTERM."""

from __future__ import annotations

import json
import selectors
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from sync.client import iter_pages
from sync.fakes.central import FakeCentral, start_sip2_fake
from sync.fakes.synthetic import DEMO_PERSONAS
from sync.http_client import HttpCentralClient
from sync.records import parse_patron_line


def first_line(proc: subprocess.Popen[str], timeout: float) -> str:
    assert proc.stdout is not None
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        assert sel.select(timeout), "fake central printed no URL in time"
    return proc.stdout.readline().strip()


def test_cli_dumps_serves_and_stops(tmp_path: Path) -> None:
    dump = tmp_path / "patrons.jsonl"
    token = tmp_path / "token"
    token.write_text("cli-token\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "sync.fakes.central", "--port", "0", "--patrons", "30",
         "--seed", "4", "--today", "2026-11-21", "--dump", str(dump),
         "--token-file", str(token)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        url = first_line(proc, timeout=20)
        assert url.startswith("http://127.0.0.1:")
        with HttpCentralClient(url, token_file=token) as client:
            page = client.fetch_page(None, None)
        assert len(page.records) == 30
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err

    lines = dump.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 30
    records = [parse_patron_line(line, f"line {i}") for i, line in enumerate(lines, 1)]
    assert [r.patron_id for r in records[:2]] == [p.patron_id for p in DEMO_PERSONAS[:2]]
    assert json.loads(lines[0])["pin"] == "1234"  # the dump is for the demo: plaintext on purpose


def test_sip2_hook_starts_the_sip2_fake_with_the_same_patrons() -> None:
    pytest.importorskip("sync.sip2.fakes.acs")
    central = FakeCentral(20, seed=4)

    acs = start_sip2_fake(0, central)
    try:
        assert acs.port > 0
        assert acs.library.find_patron(DEMO_PERSONAS[0].card) is not None
    finally:
        acs.stop()


def test_cli_refuses_a_missing_token_file(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sync.fakes.central", "--port", "0",
         "--token-file", str(tmp_path / "nope")],
        capture_output=True, text=True, timeout=30, check=False,
    )

    assert done.returncode == 2
    assert "--token-file" in done.stderr
    assert "Traceback" not in done.stderr


def _snapshot(url: str) -> list[tuple[str, str | None]]:
    """Every record of a full snapshot in pages of 10: (patron_id, name)."""
    with HttpCentralClient(url, snapshot_page_limit=10) as client:
        return [(r.patron_id, r.name) for page in iter_pages(client, None) for r in page.records]


def test_a_kept_snapshot_is_the_snapshot_and_goes_when_the_data_changes() -> None:
    """`--keep-snapshot` (benchmarks) renders the pages once, at start: the same records as
    rendering each on request, none made while served, and a change is seen at once."""
    made = FakeCentral(45, seed=4)
    kept = FakeCentral(45, seed=4)
    with made.serve() as made_url, kept.serve() as kept_url:
        assert kept.pages.keep_snapshot(10) > 0
        generated: list[int] = []
        page = kept.store.page
        kept.store.page = lambda *a: generated.append(1) or page(*a)  # type: ignore[method-assign]
        assert _snapshot(kept_url) == _snapshot(made_url)
        assert generated == []
        kept.store.patch(DEMO_PERSONAS[0].patron_id, {"name": "Ny Navnesen"})
        after = _snapshot(kept_url)
        assert len(generated) == 5
        assert (DEMO_PERSONAS[0].patron_id, "Ny Navnesen") in after


def test_cli_keeps_the_snapshot_it_is_asked_to() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "sync.fakes.central", "--port", "0", "--patrons", "25",
         "--seed", "4", "--today", "2026-11-21", "--keep-snapshot", "10"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        url = first_line(proc, timeout=20)
        assert len(_snapshot(url)) == 25
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert "snapshot rendered" in err


@pytest.mark.parametrize("limit", ["0", "5001", "ten", "١٢"])
def test_cli_refuses_a_snapshot_page_size_the_api_would_refuse(limit: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sync.fakes.central", "--port", "0", "--keep-snapshot", limit],
        capture_output=True, text=True, timeout=30, check=False,
    )
    assert done.returncode == 2
    assert "--keep-snapshot: a page size 1..5000" in done.stderr
    assert "Traceback" not in done.stderr

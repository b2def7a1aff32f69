"""A large full snapshot's pages made by worker processes in turn (kiosk/jobs/snapshot_worker.py),
against the fake central on 127.0.0.1 and a real cache: the same cache as in one process, the
same errors whichever worker meets them, their log lines in the kiosk's logging, and nothing
left running when one fails."""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from kioskkit import SELF_SERVICE_AT, write_config

from kiosk.cache import queries
from kiosk.clock import FixedClock
from kiosk.config import load
from kiosk.jobs.snapshot_worker import WORKER_NICENESS, WORKERS
from kiosk.jobs.sync import SyncService
from kiosk.services import Services, build_services
from sync.client import BadRecord, NotJson
from sync.fakes.central import FakeCentral
from sync.http_client import SNAPSHOT_PAGE_LIMIT, HttpCentralClient

PATRONS = 3 * SNAPSHOT_PAGE_LIMIT + 1200
"""Four pages: the first made here, then workers 1, 2 and 1 again (the turn goes round)."""


@pytest.fixture(scope="module")
def central() -> Iterator[tuple[FakeCentral, str]]:
    fake = FakeCentral(patrons=PATRONS, seed=5, today=SELF_SERVICE_AT.date())
    with fake.serve("127.0.0.1", 0) as url:
        yield fake, url


def _kiosk(where: Path, url: str, key_of: Path | None = None) -> Services:
    """A kiosk installed in `where`; with `key_of`, with that installation's key."""
    where.mkdir(exist_ok=True)
    config = write_config(where)
    if key_of is not None:
        (where / "data").mkdir(mode=0o700, exist_ok=True)
        shutil.copy2(key_of / "data" / "installation.key", where / "data" / "installation.key")
    loaded = load(config, ['central.kind="http"', f'central.url="{url}"'])
    return build_services(loaded, FixedClock(SELF_SERVICE_AT))


def _sync(services: Services, client: HttpCentralClient) -> SyncService:
    return SyncService(client, services.sessions, services.hasher, services.clock)


def _tables(services: Services) -> list[list[tuple[object, ...]]]:
    database = services.sessions.kw["bind"].url.database
    with sqlite3.connect(database) as db:
        return [db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("patrons", "credentials")]


def _fault(url: str, mode: str, seconds: float = 0) -> None:
    requests.post(f"{url}/_fake/faults", json={"mode": mode, "count": 1, "seconds": seconds},
                  timeout=5).raise_for_status()


def test_the_worker_makes_the_same_cache_as_one_process(
    tmp_path: Path, central: tuple[FakeCentral, str], caplog: pytest.LogCaptureFixture,
) -> None:
    _, url = central
    here = _kiosk(tmp_path / "here", url)
    there = _kiosk(tmp_path / "there", url, key_of=tmp_path / "here")
    try:
        # An injected sleep cannot cross a process: that client syncs in one.
        with HttpCentralClient(url, sleep=lambda s: time.sleep(s)) as client:
            assert client.settings is None
            alone = _sync(here, client).sync(full=True)
        with caplog.at_level(logging.INFO), HttpCentralClient(url) as client:
            shared = _sync(there, client).sync(full=True)
        assert f"pages after the first made by {WORKERS} worker processes" in caplog.text
        assert (alone.pages, alone.counts.upserted) == (shared.pages, shared.counts.upserted) \
            == (4, PATRONS)
        assert _tables(here) == _tables(there)
        with there.sessions() as session:
            assert queries.patron_count(session) == PATRONS
    finally:
        here.close()
        there.close()
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize(("faults", "error", "message"), [
    (("latency", "invalid_record"), BadRecord, "page 2, record 2 (patron_id "),
    (("latency", "html"), NotJson, "page 2"),
    (("latency", "latency", "invalid_record"), BadRecord, "page 3, record 2 (patron_id "),
    (("latency", "latency", "html"), NotJson, "page 3"),
    (("latency", "latency", "latency", "html"), NotJson, "page 4"),
], ids=["worker-1-record", "worker-1-html", "worker-2-record", "worker-2-html",
        "worker-1-again-html"])
def test_a_failure_on_a_worker_page_is_the_syncs_and_keeps_the_cache(
    tmp_path: Path, central: tuple[FakeCentral, str], faults: tuple[str, ...],
    error: type[Exception], message: str,
) -> None:
    """A "latency" of 0 s passes a page: the fault after n of them lands on page n + 1. Pages
    2 and 4 are worker 1's, page 3 worker 2's."""
    _, url = central
    services = _kiosk(tmp_path, url)
    try:
        with HttpCentralClient(url, retries=0) as client:
            sync = _sync(services, client)
            sync.sync(full=True)
            before = _tables(services)
            for mode in faults:
                _fault(url, mode)
            with pytest.raises(error, match=message.replace("(", r"\(")):
                sync.sync(full=True)
        assert _tables(services) == before
        data = Path(services.sessions.kw["bind"].url.database).parent
        assert not list(data.glob("*.staging-*"))
    finally:
        services.close()
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("killed", [1, 2])
def test_a_worker_killed_midway_fails_the_sync_and_keeps_the_cache(
    tmp_path: Path, central: tuple[FakeCentral, str], killed: int,
) -> None:
    """Worker `killed` is killed while the central holds its page back 20 s: page 2 for
    worker 1, page 3 for worker 2 (the other one then waits for a turn that never comes)."""
    _, url = central
    services = _kiosk(tmp_path, url)
    try:
        with HttpCentralClient(url, retries=0, read_timeout=30) as client:
            sync = _sync(services, client)
            sync.sync(full=True)
            before = _tables(services)
            for _ in range(killed):
                _fault(url, "latency")  # pages answered at once
            _fault(url, "latency", 20)  # the killed worker's page
            failed: list[BaseException] = []

            def run() -> None:
                try:
                    sync.sync(full=True)
                except BaseException as err:  # noqa: BLE001 - looked at below
                    failed.append(err)

            thread = threading.Thread(target=run)
            thread.start()
            name = f"kiosk-snapshot-worker-{killed}"
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline and not [
                    w for w in multiprocessing.active_children() if w.name == name]:
                time.sleep(0.05)
            [worker] = [w for w in multiprocessing.active_children() if w.name == name]
            assert worker.pid is not None
            # The door first: the worker runs at a lower priority than the kiosk's process.
            lower = min(19, os.getpriority(os.PRIO_PROCESS, 0) + WORKER_NICENESS)
            while time.monotonic() < deadline and \
                    os.getpriority(os.PRIO_PROCESS, worker.pid) != lower:
                time.sleep(0.05)
            assert os.getpriority(os.PRIO_PROCESS, worker.pid) == lower
            os.kill(worker.pid, signal.SIGKILL)
            thread.join(timeout=30)
        assert [type(e) for e in failed] == [RuntimeError]
        assert f"{name} ended without finishing (exit code -9)" in str(failed[0])
        assert _tables(services) == before
        assert multiprocessing.active_children() == []
    finally:
        services.close()


_WORKER_IMPORTS = """
import pickle, sys
import kiosk.jobs.snapshot_worker
from kiosk.privacy.keyed_hash import KeyedHasher
hasher = pickle.loads(pickle.dumps(KeyedHasher(bytes(32))))  # as a worker receives it
hasher.credential_id("card", "12345678")
hasher.fast_verifier("1000123", "1234")
print("cryptography" in sys.modules)
hasher.sealer.unseal(hasher.sealer.seal("x"))
print("cryptography" in sys.modules)
"""


def test_a_snapshot_worker_does_not_load_the_sealer_s_cipher() -> None:
    """A worker hashes and never seals: cryptography was 6.7 MB of each worker's memory, and
    a full sync's peak RSS is the sum of the sync's and its two workers' (bench/RESULTS.md,
    stop 29). The kiosk's process loads it on the first seal."""
    out = subprocess.run([sys.executable, "-c", _WORKER_IMPORTS], capture_output=True,
                         text=True, check=True)
    assert out.stdout.split() == ["False", "True"]

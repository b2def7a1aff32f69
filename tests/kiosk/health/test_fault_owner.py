"""The one fault owner: set/clear with since and message, logged on change only, read by the
door's decisions, and published by a running kiosk for `kiosk status` in another process."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from kioskkit import REPO, SELF_SERVICE_AT, write_config

from kiosk.clock import FixedClock
from kiosk.health.faults import FAULT_FILE, Fault, FaultFile, Faults, read_published


def test_a_fault_keeps_its_first_time_and_takes_the_latest_message(
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock = FixedClock(SELF_SERVICE_AT)
    heard: list[tuple[Fault, ...]] = []
    faults = Faults(clock, [heard.append])
    with caplog.at_level(logging.INFO, logger="kiosk.health.faults"):
        faults.set("relay", "no answer")
        clock.advance(timedelta(minutes=1))
        faults.set("relay", "no answer")  # the same: nothing new to tell
        faults.set("relay", "port gone")
        faults.clear("relay")
        faults.clear("relay")  # already clear: nothing to tell
    assert [len(h) for h in heard] == [1, 1, 0]
    assert heard[1][0] == Fault("relay", SELF_SERVICE_AT, "port gone")
    assert [r.levelname for r in caplog.records] == ["ERROR", "INFO"]  # once in, once out


def test_out_of_service_while_any_fault_lasts() -> None:
    faults = Faults(FixedClock(SELF_SERVICE_AT))
    assert not faults.out_of_service
    faults.set("reader door", "disconnected")
    faults.set("entry_log", "OperationalError")
    assert faults.out_of_service
    assert faults.messages() == {"entry_log": "OperationalError", "reader door": "disconnected"}
    faults.clear("reader door")
    assert faults.out_of_service
    faults.clear("entry_log")
    assert not faults.out_of_service


def test_published_faults_of_a_dead_process_are_not_current(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    (tmp_path / FAULT_FILE).write_text(json.dumps(
        {"pid": int(dead.stdout), "faults": [{"part": "relay", "since": "x", "message": "m"}]}))
    assert read_published(tmp_path).running is False
    assert read_published(tmp_path).faults == []
    FaultFile(tmp_path)((Fault("relay", SELF_SERVICE_AT, "no answer"),))
    published = read_published(tmp_path)
    assert published.running is True  # this process
    assert published.faults == [{"part": "relay", "since": SELF_SERVICE_AT.isoformat(),
                                 "message": "no answer"}]
    assert (tmp_path / FAULT_FILE).stat().st_mode & 0o777 == 0o600


def test_garbage_in_the_fault_file_reads_as_no_kiosk(tmp_path: Path) -> None:
    (tmp_path / FAULT_FILE).write_bytes(b"\xff{not json")
    assert read_published(tmp_path) == read_published(tmp_path / "nowhere")


def _status(config: Path) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-m", "kiosk", "--config", str(config), "status",
                           "--json"], cwd=REPO, capture_output=True, text=True, timeout=60,
                          check=True)
    return dict(json.loads(done.stdout))


def test_kiosk_status_shows_the_running_kiosks_reader_fault(tmp_path: Path) -> None:
    # A real `kiosk run` whose door reader's port does not exist: the reader fault reaches
    # `kiosk status` in another process, and goes with the kiosk when it stops.
    missing = tmp_path / "no-such-reader"
    config = write_config(tmp_path, extra=(
        f'\n[readers.door]\ndriver = "serial"\nport = "{missing}"\n'))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    kiosk = subprocess.Popen([sys.executable, "-m", "kiosk", "--config", str(config), "run"],
                             cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    try:
        status: dict[str, object] = {}
        for _ in range(300):
            status = _status(config)
            if status["faults"]:
                break
            time.sleep(0.1)
        assert status["kiosk_running"] is True
        faults = status["faults"]
        assert isinstance(faults, list)
        assert [f["part"] for f in faults] == ["reader door"]
    finally:
        kiosk.send_signal(signal.SIGTERM)
        _, err = kiosk.communicate(timeout=30)
    assert "Traceback" not in err
    after = _status(config)
    assert (after["kiosk_running"], after["faults"]) == (False, [])

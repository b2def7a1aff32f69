"""`kiosk run` (offscreen) with the building's outputs on real boards: an "open" sign on the
door relay's LCUS board (channel 2, the same pseudo-terminal) and a siren on a KMTronic board
that is not plugged in. The sign is released at start before it is switched on, the missing
board is a fault in `kiosk status` that does not stop the door, and SIGTERM releases the sign
and the door before the process exits 128 + 15."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import requests
from kioskkit import REPO, write_config
from ptykit import PtyPair, read_available

from kiosk.cli.main import main

URL = re.compile(r"metrics on (http://127\.0\.0\.1:\d+)/metrics")
DOOR_OFF = bytes.fromhex("A0 01 00 A1")
SIGN_OFF, SIGN_ON = bytes.fromhex("A0 02 00 A2"), bytes.fromhex("A0 02 01 A3")
SIGN = """
[outputs.sign]
driver = "lcus"
port = "{port}"
channel = 2
staffed = "on"
self_service = "on"
closed = "on"
fire = "on"
"""


def wait_until(predicate: Callable[[], bool], timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    tick = threading.Event()
    while not predicate():
        if time.monotonic() > deadline:
            return False
        tick.wait(0.1)
    return True


def test_kiosk_run_releases_its_outputs_at_start_and_on_sigterm(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    board = PtyPair.open()
    config = write_config(tmp_path, SIGN.format(port=board.path))
    args = [sys.executable, "-m", "kiosk", "--config", str(config),
            "--set", 'relay.driver="lcus"', "--set", f'relay.port="{board.path}"',
            "--set", 'kiosk.mode="door"', "--set", 'outputs.siren.driver="kmtronic"',
            "--set", f'outputs.siren.port="{tmp_path / "no-siren-board"}"',
            "--set", "metrics.enabled=true", "--set", 'metrics.listen="127.0.0.1:0"',
            "--set", 'logging.level="info"', "run"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    received = b""

    def sign_is_on() -> bool:
        nonlocal received
        received += read_available(board.master, 0.1)
        return SIGN_ON in received

    with (tmp_path / "kiosk.log").open("w") as log:
        kiosk = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=REPO)
    try:
        assert wait_until(sign_is_on), (received.hex(" "), (tmp_path / "kiosk.log").read_text())
        # The board's channels as the kiosk found them are unknown: both released first.
        assert received.index(SIGN_OFF) < received.index(SIGN_ON)
        assert received.startswith(DOOR_OFF)

        def siren_fault() -> list[dict[str, str]]:
            capsys.readouterr()
            assert main(["--config", str(config), "status", "--json"]) == 0
            status = json.loads(capsys.readouterr().out)
            assert status["kiosk_running"] is True
            return [f for f in status["faults"] if f["part"] == "output siren"]

        assert wait_until(lambda: bool(siren_fault()))
        assert "no-siren-board" in siren_fault()[0]["message"]
        url = URL.search((tmp_path / "kiosk.log").read_text())
        assert url is not None
        health = requests.get(f"{url.group(1)}/healthz", timeout=5)
        assert health.status_code == 200, health.text  # the door still decides
    finally:
        kiosk.send_signal(signal.SIGTERM)
        code = kiosk.wait(timeout=30)
    tail = received + read_available(board.master, 0.5)
    board.close()
    assert code == 128 + signal.SIGTERM
    after_on = tail[tail.rindex(SIGN_ON) + len(SIGN_ON):]
    assert SIGN_OFF in after_on  # released on the way out
    assert tail.endswith((SIGN_OFF, DOOR_OFF))

"""Issue 3 "done when": `kiosk devices --watch` and `kiosk relay-test` on pseudo-terminals."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from ptykit import PtyPair, read_available

from kiosk.cli.main import main

REPO = Path(__file__).resolve().parents[2]
STRIPE = (
    "%DOE^JOHN JOHNNY                   ]L\\KKE ALLE 7 3                   4615000?"
    ";9208100401017023451041173083461010814?\r"
)


@pytest.fixture
def pty_pair() -> Iterator[tuple[str, int]]:
    pty = PtyPair.open()
    yield pty.path, pty.master
    pty.close()


def _config(tmp_path: Path, extra: str) -> Path:
    text = (REPO / "config.toml").read_text(encoding="utf-8")
    path = tmp_path / "config.toml"
    path.write_text(text.replace('data_dir = "data"', f'data_dir = "{tmp_path / "data"}"')
                    + extra, encoding="utf-8")
    return path


def test_relay_test_sends_lcus_on_then_off(tmp_path: Path, pty_pair: tuple[str, int]) -> None:
    port, master = pty_pair
    config = _config(tmp_path, "")
    code = main(["--config", str(config), "--set", 'relay.driver="lcus"',
                 "--set", f'relay.port="{port}"', "relay-test", "--seconds", "0.2"])
    assert code == 0
    sent = read_available(master, 0.5)
    frames = [sent[i : i + 4].hex(" ").upper() for i in range(0, len(sent), 4)]
    # start-up off, then the pulse: on, off; close() may repeat the off, never another on
    assert frames[:3] == ["A0 01 00 A1", "A0 01 01 A2", "A0 01 00 A1"]
    assert set(frames[3:]) <= {"A0 01 00 A1"}


def test_devices_watch_prints_masked_cpr(tmp_path: Path, pty_pair: tuple[str, int]) -> None:
    port, master = pty_pair
    config = _config(tmp_path, f'\n[readers.door]\ndriver = "serial"\nport = "{port}"\n')
    kiosk = shutil.which("kiosk", path=str(Path(sys.executable).parent)) or "kiosk"
    proc = subprocess.Popen(
        [kiosk, "--config", str(config), "devices", "--watch"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout is not None
        lines: list[str] = []
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            os.write(master, STRIPE.encode())
            ready, _, _ = select.select([proc.stdout], [], [], 0.5)
            if ready:
                line = proc.stdout.readline()
                lines.append(line)
                if '"kind": "cpr"' in line:
                    break
        assert any('"masked": "010170-****"' in line for line in lines), lines
        # CONTRACT.md: every stdout line is one card read with exactly these keys
        assert all(set(json.loads(line)) == {"reader", "kind", "masked"} for line in lines)
        assert not any("0101702345" in line for line in lines)
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=10)
    assert "0101702345" not in out + err

"""reliability.md #25 with the real `kiosk run`: a corrupted cache at boot is quarantined, the
kiosk starts anyway (no systemd restart loop), a full sync from the central rebuilds the cache,
and nothing of the damaged file's entry log comes back into service."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from faultkit import child_env, fake_central


def _status(config: Path, url: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-m", "kiosk", "--config", str(config), "--set",
                          f'central.url="{url}"', "status", "--json"], capture_output=True,
                         text=True, env=child_env(), check=False, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    result: dict[str, Any] = json.loads(out.stdout)
    return result


@pytest.mark.slow
def test_a_corrupted_cache_at_boot_is_quarantined_and_rebuilt_without_a_restart_loop(
    seeded: Path,
) -> None:
    db = seeded.parent / "data" / "kiosk.db"
    with sqlite3.connect(db) as con:
        con.execute("INSERT INTO entry_log (at, granted, reason, mode, credential_kind, "
                    "rule_set_version, technician) "
                    "VALUES ('2026-11-20 10:00:00', 1, 'ok', 'staffed', 'card', '', 0)")
    with db.open("r+b") as f:
        f.truncate(db.stat().st_size // 3)
    with fake_central(50) as central:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "--config", str(seeded), "--set",
             f'central.url="{central.url}"', "run"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            env=child_env(QT_QPA_PLATFORM="offscreen"))
        try:
            deadline = time.monotonic() + 120
            quarantine = db.parent / "quarantine"
            # Until kiosk run has moved the file, another verb only says it is damaged.
            while not quarantine.exists() and time.monotonic() < deadline:
                assert proc.poll() is None, "kiosk run exited: systemd would restart it"
                threading.Event().wait(0.2)
            status: dict[str, Any] = {}
            while time.monotonic() < deadline:
                assert proc.poll() is None, "kiosk run exited: systemd would restart it in a loop"
                status = _status(seeded, central.url)
                parts = {f["part"] for f in status["faults"]}
                if status["patrons"] == 50 and "cache_rebuild" not in parts:
                    break
                threading.Event().wait(0.5)
            assert status["patrons"] == 50, status
            assert status["kiosk_running"] is True
            quarantined = list(quarantine.iterdir())
            assert quarantined
            with sqlite3.connect(db) as con:
                assert con.execute("SELECT count(*) FROM entry_log").fetchone()[0] == 0
            proc.send_signal(signal.SIGTERM)
            _out, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    assert proc.returncode == 128 + signal.SIGTERM
    assert "Traceback" not in err
    # One line says what start-up did (the fault owner then logs the fault it raised).
    repairs = [line for line in err.splitlines() if line.startswith("kiosk: ") and "moved" in line]
    assert len(repairs) == 1, err
    assert str(db) in repairs[0]

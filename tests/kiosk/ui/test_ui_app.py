"""`kiosk run` end to end on the shipped config: window up full screen, relay off on the way out.

Runs in a child process: `run()` owns the QApplication's event loop, and a loop that has been
quit once would spoil the other tests' waits.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from uihelpers import load_config

from kiosk.app.run import run
from kiosk.config import ConfigError

REPO = Path(__file__).resolve().parents[3]

CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from kiosk.app.run import run
    from kiosk.config import load

    app = QApplication([])
    def look_and_quit():
        for w in app.topLevelWidgets():
            if w.isVisible():
                print("shown", type(w).__name__, "fullscreen" if w.isFullScreen() else "window")
        app.quit()
    # Counted from the event loop's first turn, not from before run()'s start-up (opening and
    # checking the cache takes a while on a busy machine).
    QTimer.singleShot(0, lambda: QTimer.singleShot(200, look_and_quit))
    code = run(load(Path(sys.argv[1]), sys.argv[2:]))
    print("exit", code)
""")


def test_run_shows_the_kiosk_and_exits_cleanly(tmp_path: Path) -> None:
    loaded = load_config(tmp_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(loaded.path), f'kiosk.data_dir="{tmp_path}"'],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "shown KioskWindow fullscreen" in done.stdout
    assert "exit 0" in done.stdout
    assert (tmp_path / "kiosk.db").exists()


def test_run_refuses_an_unreadable_technician_pin_file(tmp_path: Path) -> None:
    # Refused when the config is loaded, before anything (relay, screen) starts.
    with pytest.raises(ConfigError, match="technician_pin_file"):
        run(load_config(tmp_path, f'secrets.technician_pin_file="{tmp_path / "missing.pin"}"'))


def test_run_tells_systemd_it_is_ready_and_pings_the_watchdog(tmp_path: Path) -> None:
    import socket

    loaded = load_config(tmp_path)
    path = str(tmp_path / "notify")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as systemd:
        systemd.bind(path)
        systemd.settimeout(0.5)
        got: list[bytes] = []
        stop = threading.Event()

        def listen() -> None:  # read as systemd does, while the kiosk runs
            while not stop.is_set():
                with contextlib.suppress(TimeoutError):
                    got.append(systemd.recv(64))

        listener = threading.Thread(target=listen)
        listener.start()
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NOTIFY_SOCKET": path,
               "WATCHDOG_USEC": "100000"}  # ping every 50 ms, several before the child quits
        # The loop runs 1.5 s instead of 0.2 s, so the 50 ms pings surely come.
        child = CHILD.replace("QTimer.singleShot(200,", "QTimer.singleShot(1500,")
        assert child != CHILD
        done = subprocess.run(
            [sys.executable, "-c", child, str(loaded.path), f'kiosk.data_dir="{tmp_path}"'],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False,
        )
        stop.set()
        listener.join()
        assert done.returncode == 0, done.stderr
    assert got[0] == b"READY=1"
    assert b"WATCHDOG=1" in got
    assert got[-1] == b"STOPPING=1"

"""`kiosk run` end to end on the shipped config: window up full screen, relay off on the way out.

Runs in a child process: `run()` owns the QApplication's event loop, and a loop that has been
quit once would spoil the other tests' waits.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import load_config

from kiosk.app import run
from kiosk.config import ConfigError

REPO = Path(__file__).resolve().parents[3]

CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from kiosk.app import run
    from kiosk.config import load

    app = QApplication([])
    def look_and_quit():
        for w in app.topLevelWidgets():
            if w.isVisible():
                print("shown", type(w).__name__, "fullscreen" if w.isFullScreen() else "window")
        app.quit()
    QTimer.singleShot(200, look_and_quit)
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

"""`kiosk run` itself, started as a technician would on plain X with no window manager, covers
the whole screen (issue 16: it opened as a 371×206 window in the corner). Screenshot checked."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from kioskkit import write_config
from xvfbkit import HEIGHT, REPO, WIDTH, uncovered, wait_until_covered, xvfb


def test_kiosk_run_covers_the_screen_without_a_window_manager(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    with xvfb(tmp_path) as display:
        with (tmp_path / "kiosk.log").open("w") as log:
            kiosk = subprocess.Popen(
                [sys.executable, "-m", "kiosk", "--config", str(config),
                 "--set", 'kiosk.mode="door"', "run"],
                cwd=REPO, env=display.env(), stdout=log, stderr=subprocess.STDOUT)
        try:
            shot = wait_until_covered(display, tmp_path)
            left, width, height = uncovered(shot)
            assert (width, height) == (WIDTH, HEIGHT)
            assert left == 0, f"{left} root pixels still show in {shot}"
            assert kiosk.poll() is None, (tmp_path / "kiosk.log").read_text()
        finally:
            kiosk.send_signal(signal.SIGTERM)
            code = kiosk.wait(timeout=20)
    assert code == 128 + signal.SIGTERM, (tmp_path / "kiosk.log").read_text()

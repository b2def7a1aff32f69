"""`kiosk demo --headless --screenshots DIR`, as a newcomer runs it: exit 0, steps, PNGs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parents[3]
SCREENS = {
    "idle", "pin", "pin_wrong", "granted", "denied_patron_blocked", "denied_under_age",
    "denied_debt_over_limit", "denied_card_lost", "denied_not_opted_in", "denied_unknown_card",
    "denied_unreadable_card", "denied_pin_locked", "idle_en", "denied_under_age_en", "closed",
    "denied_outside_hours", "out_of_order", "fire", "technician_pin", "technician",
    "checkout_idle", "checkout_pin", "checkout_session", "checkout_warning", "checkout_account",
    "checkout_receipt", "checkout_return",
}


def test_headless_demo_writes_every_screen(tmp_path: Path, qapp: object) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "demo", "--headless", "--screenshots", str(tmp_path)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for reason in ("granted (ok)", "(wrong_pin, 4 attempts left)", "(patron_blocked)",
                   "(under_age)", "(outside_hours)", "(pin_locked)", "screen technician"):
        assert reason in out
    assert {p.stem for p in tmp_path.glob("*.png")} == SCREENS
    image = QImage(str(tmp_path / "idle.png"))
    assert (image.width(), image.height()) == (1280, 800)
    assert "Traceback" not in done.stderr

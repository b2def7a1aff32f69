"""`kiosk run` that cannot start (issue 12: "never a restart loop"): with an installation key
that does not belong to the cache it used to exit 2 and systemd started it again and again,
with no screen. Now it switches the relay off, shows "out of order" with the technician's line,
stays up, and starts by itself once the key is put back. The real command, an LCUS board on a
pty, a real SIGTERM; and the screen rendered to a PNG."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from faultkit import child_env
from kioskkit import SELF_SERVICE_AT, patron, write_config
from ptykit import OFF_LCUS as OFF
from ptykit import Board, PtyPair, read_available

from kiosk.cache.patrons import apply_records
from kiosk.clock import FixedClock
from kiosk.config import load
from kiosk.services import build_services

WAIT_S = 90.0  # the retry is every 30 s; a loaded machine is slow to start Qt


class Lines:
    """A child's stderr, line by line, read on a thread."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self._changed = threading.Condition()
        assert proc.stderr is not None
        self._thread = threading.Thread(target=self._read, args=(proc.stderr,), daemon=True)
        self._thread.start()

    def _read(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()

    def wait_for(self, text: str, timeout: float = WAIT_S) -> str:
        with self._changed:
            found = self._changed.wait_for(
                lambda: any(text in line for line in self.lines), timeout)
        assert found, f"no {text!r} in {''.join(self.lines)[-3000:]}"
        return next(line for line in self.lines if text in line)

    def count(self, text: str) -> int:
        with self._changed:
            return sum(text in line for line in self.lines)


@pytest.fixture
def board() -> Iterator[Board]:
    pair = PtyPair.open()
    yield Board(pair)
    pair.close()


def test_a_key_that_is_not_the_caches_is_out_of_order_until_it_is_put_back(
    tmp_path: Path, board: Board
) -> None:
    config = write_config(tmp_path)
    services = build_services(load(config), FixedClock(SELF_SERVICE_AT))
    with services.sessions.begin() as session:
        apply_records(session, [patron()], services.hasher, today=SELF_SERVICE_AT.date())
    key_file = services.loaded.key_file
    services.close()
    right = key_file.read_bytes()
    key_file.write_bytes(bytes(32))  # a restored backup of another kiosk's key, say

    args = [sys.executable, "-m", "kiosk", "--config", str(config),
            "--set", 'relay.driver="lcus"', "--set", f'relay.port="{board.path}"', "run"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=child_env(QT_QPA_PLATFORM="offscreen"))
    try:
        stderr = Lines(proc)
        assert board.command() == OFF, "the relay is switched off before anything can fail"
        line = stderr.wait_for("kiosk cannot start")
        assert str(key_file) in line
        assert "Traceback" not in "".join(stderr.lines)
        assert proc.poll() is None, "it must not exit (systemd would start it again and again)"

        key_file.write_bytes(right)  # the technician puts the right key back
        stderr.wait_for("kiosk can start now")
        assert stderr.count("kiosk cannot start") == 1
        assert proc.poll() is None
        os.kill(proc.pid, signal.SIGTERM)
        assert proc.wait(timeout=30) == 128 + signal.SIGTERM
        tail = read_available(board.pair.master, quiet=0.3)
        assert tail == b"" or tail.endswith(OFF)  # never ON: nobody showed a card
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        if proc.stderr is not None:
            proc.stderr.close()


def test_the_out_of_order_screen_names_the_problem(qtbot: object, tmp_path: Path) -> None:
    from kiosk.ui.startup_failed import StartupFailedWindow

    window = StartupFailedWindow("/var/lib/kiosk/installation.key: another key")
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.resize(1280, 800)
    window.show()
    png = tmp_path / "startup-failed.png"
    assert window.grab().save(str(png))
    assert "Out of order" in window.title.text()
    assert "Døren er ude af drift" in window.lead.text()
    assert "installation.key: another key" in window.problem.text()
    assert window.problem.isVisible()

"""The technician screen shows the kiosk's upkeep (issue 12): each background job's last success
or failing streak and next try, whether the clock is trusted, the last purge and whether it is
overdue, and how many PIN verifiers are memory-hard. The real window with the real background
jobs running; the screen is rendered to a PNG and its text read back."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from uihelpers import START, TECHNICIAN_CARD, WAIT_MS, Driver

from drivers.fake import RecordingRelay
from kiosk.app.assemble import Kiosk, assemble
from kiosk.clock import FixedClock
from kiosk.config import LoadedConfig
from kiosk.door.view import ScreenKind
from kiosk.health.clock_trust import ClockMemory, ClockReading, clock_limits, read_clock
from kiosk.jobs.background import CLOCK, VERIFIERS
from kiosk.services import Services


def clock_set_back(loaded: LoadedConfig, clock: FixedClock) -> None:
    """The kept state says the wall clock read ten days later a second ago, in this boot: now
    it reads START, so it was stepped back."""
    now = read_clock(clock)
    later = ClockReading(now.wall + timedelta(days=10), now.boot_s - 1.0, now.boot_id)
    ClockMemory(loaded.data_dir).observe(later, clock_limits(loaded.config.retention))


@pytest.fixture
def working(qtbot: object, loaded: LoadedConfig, services: Services, relay: RecordingRelay,
            clock: FixedClock) -> Iterator[Kiosk]:
    clock_set_back(loaded, clock)
    built = assemble(loaded, services, relay, clock, background=True)
    qtbot.addWidget(built.window)  # type: ignore[attr-defined]
    built.window.resize(1280, 800)
    built.window.show()
    built.start()
    yield built
    built.close()


def test_the_technician_sees_jobs_clock_purge_and_verifiers(
    working: Kiosk, qtbot: object, clock: FixedClock, tmp_path: Path
) -> None:
    work = working.background
    assert work is not None
    wait = qtbot.waitUntil  # type: ignore[attr-defined]
    wait(lambda: work.reports()[CLOCK].last_error is not None, timeout=WAIT_MS)
    wait(lambda: work.reports()[VERIFIERS].last_success is not None, timeout=WAIT_MS)
    driver = Driver(working, qtbot, clock)
    driver.card(TECHNICIAN_CARD)
    assert driver.kind is ScreenKind.TECHNICIAN
    screen = driver.window.technician
    png = tmp_path / "technician.png"
    assert screen.grab().save(str(png))
    assert png.stat().st_size > 0
    text = screen.summary.text()
    # Danish is the kiosk's language; job names stay codes, as `kiosk status --json` has them.
    assert "Ur: IKKE pålideligt: " in text
    assert "Seneste sletning: aldrig" in text
    verifiers = re.search(r"PIN-verifikatorer: (\d+) hukommelsestunge, (\d+) hurtige", text)
    assert verifiers is not None
    assert int(verifiers[1]) + int(verifiers[2]) == 30  # the upgrade job is at work on them
    assert "Baggrundsopgaver:" in text
    lines = text.splitlines()
    clock_line = next(line for line in lines if line.strip().startswith("clock:"))
    assert "fejlet 1 gange: JobPostponed: clock not trusted" in clock_line
    assert "næste forsøg " in clock_line
    upgrade = next(line for line in lines if line.strip().startswith("verifier_upgrade:"))
    assert f"sidst lykkedes {START:%d.%m %H:%M}" in upgrade
    # All of it is on the screen, not cut off below the window's edge.
    label: QLabel = screen.summary
    assert label.isVisible()
    assert label.mapTo(driver.window, label.rect().bottomLeft()).y() <= driver.window.height()
    assert label.height() >= label.sizeHint().height()

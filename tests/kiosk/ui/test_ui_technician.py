"""The technician screen: only behind the technician PIN or a technician card; buttons logged."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from uihelpers import TECHNICIAN_CARD, TECHNICIAN_PIN, WAIT_MS, Driver

from drivers.fake import RecordingRelay
from kiosk.app.assemble import Kiosk
from kiosk.door.view import ScreenKind
from kiosk.events import LanguageChosen
from sync.fakes.synthetic import persona


def long_press(driver: Driver, qtbot: object) -> None:
    corner = driver.window.corner
    qtbot.mousePress(corner, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: driver.kind is ScreenKind.TECHNICIAN_PIN, timeout=WAIT_MS)  # type: ignore[attr-defined]
    qtbot.mouseRelease(corner, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]


def test_long_press_asks_for_the_pin_and_refuses_a_wrong_one(
    driver: Driver, qtbot: object, fast: None, caplog: pytest.LogCaptureFixture
) -> None:
    long_press(driver, qtbot)
    assert "Teknikerens pinkode" in driver.texts()
    driver.pin("1234")
    assert driver.window.pin_screen.dots.filled == 4
    driver.ok()
    assert driver.kind is ScreenKind.IDLE
    assert "technician PIN refused" in caplog.text
    assert "1234" not in caplog.text


def test_short_press_does_nothing(driver: Driver, qtbot: object) -> None:
    qtbot.mouseClick(driver.window.corner, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert driver.kind is ScreenKind.IDLE


def test_right_pin_opens_the_screen_and_every_use_is_logged(
    driver: Driver, qtbot: object, fast: None, caplog: pytest.LogCaptureFixture,
    relay: RecordingRelay,
) -> None:
    caplog.set_level(logging.INFO)
    driver.pin(driver.persona_card("valid"))  # one decision to show
    driver.later(10)
    long_press(driver, qtbot)
    driver.pin(TECHNICIAN_PIN)
    driver.ok()
    assert driver.kind is ScreenKind.TECHNICIAN
    screen = driver.window.technician
    lines = [screen.decisions.item(i).text() for i in range(screen.decisions.count())]
    assert any("adgang" in line and "***0001" in line for line in lines)
    cpr = persona("valid").cpr(driver.clock.now().date())
    assert cpr is not None
    shown = screen.summary.text() + "\n".join(lines)
    assert cpr[:6] not in shown  # not even the birth date part
    assert persona("valid").patron_id not in shown  # masked
    assert re.search(r"Udbakke: \d+ venter", screen.summary.text())
    driver.click(screen.buttons["relay_test"])
    assert relay.commands[-1].on
    assert "Relay pulsed" in screen.message.text()
    driver.click(screen.buttons["sync"])
    assert "No central system configured" in screen.message.text()
    driver.click(screen.buttons["reload_config"])
    assert "reloaded" in screen.message.text()
    for action in ("relay_test", "sync", "reload_config"):
        assert f"technician action: {action}" in caplog.text
    driver.click(screen.back)
    assert driver.kind is ScreenKind.IDLE


def test_technician_screen_times_out(driver: Driver, qtbot: object, fast: None) -> None:
    long_press(driver, qtbot)
    driver.pin(TECHNICIAN_PIN)
    driver.ok()
    assert driver.kind is ScreenKind.TECHNICIAN
    driver.later(301)
    assert driver.kind is ScreenKind.IDLE


def test_technician_card_opens_door_and_screen(driver: Driver, relay: RecordingRelay,
                                               kiosk: Kiosk) -> None:
    driver.card(TECHNICIAN_CARD)
    assert driver.kind is ScreenKind.TECHNICIAN
    assert relay.commands[-1].on


def test_reload_refuses_a_broken_file(driver: Driver, kiosk: Kiosk, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[access]\nmin_age = 'fifteen'\n", encoding="utf-8")
    kiosk.technician.loaded = type(kiosk.loaded)(kiosk.loaded.config, broken)
    driver.card(TECHNICIAN_CARD)
    driver.click(driver.window.technician.buttons["reload_config"])
    assert "Not reloaded" in driver.window.technician.message.text()
    assert "access.min_age" in driver.window.technician.message.text()


@pytest.mark.parametrize(("lang", "expected", "english_only"), [
    ("da", ["tilstand nu: selvbetjening", "man 23.11: Selvbetjent 07:00–22:00, bemandet "
            "10:00–17:00", "lør 28.11: Selvbetjent 07:00–22:00"],
     ["self_service", "staffed", "Mon ", "Sat ", ": off", ": on"]),
    ("en", ["mode now: self-service", "Mon 23.11: Self-service 07:00–22:00, staffed "
            "10:00–17:00", "Sat 28.11: Self-service 07:00–22:00"],
     ["self_service"]),
], ids=["da", "en"])
def test_technician_screen_speaks_the_kiosks_language(
    driver: Driver, lang: str, expected: list[str], english_only: list[str]
) -> None:
    # Issue 11: modes, calendar days and states through the translation catalogue, not the
    # codes ("tilstand nu: self_service", "Tue 01.12: staffed ..." in Danish mode).
    driver.pin(driver.persona_card("valid"))
    driver.later(10)
    driver.send(LanguageChosen(lang))  # the technician card keeps the visit's language
    driver.card(TECHNICIAN_CARD)
    assert driver.kind is ScreenKind.TECHNICIAN
    screen = driver.window.technician
    shown = screen.summary.text() + "\n" + screen.week.text()
    for text in expected:
        assert text in shown
    for code in english_only:
        assert code not in shown
    relay = r"Relæ: null \(test\): (tændt|slukket)" if lang == "da" else \
        r"Relay: null \(test\): (on|off)"
    assert re.search(relay, shown)
    verdict = "adgang" if lang == "da" else "granted"
    decisions = [screen.decisions.item(i).text() for i in range(screen.decisions.count())]
    assert any(verdict in line and "***0001" in line for line in decisions)


def test_the_technician_screen_shows_the_building_and_its_next_hours(
    driver: Driver, qtbot: object, fast: None, tmp_path: Path
) -> None:
    long_press(driver, qtbot)
    driver.pin(TECHNICIAN_PIN)
    driver.ok()
    assert driver.kind is ScreenKind.TECHNICIAN
    text = driver.window.technician.building.text()
    assert "Inde (skøn): 0 · døralarmer: –" in text
    assert "lights tændt" in text or "lights slukket" in text  # shipped outputs, in Danish
    assert "De næste 24 timer:" in text
    assert "♪ closing (15)" in text  # whatever the hour: closing is within a day
    assert driver.window.technician.grab().save(str(tmp_path / "technician.png"))

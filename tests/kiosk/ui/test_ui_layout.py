"""Every screen at 1280×800, 1920×1080 and portrait 1080×1920, in every language: no clipped
text, no small button, Arabic right to left."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from uihelpers import (
    TECHNICIAN_CARD,
    Driver,
    clipped_labels,
    settle,
    small_buttons,
    smallest_target,
)

from kiosk.door.flow import FireAlarm
from kiosk.door.view import ScreenKind
from kiosk.events import LanguageChosen
from kiosk.reasons import SCREEN_LANGS
from kiosk.ui import theme
from sync.fakes.synthetic import persona

SIZES = [(1280, 800), (1920, 1080), (1080, 1920)]


def _pin(d: Driver) -> None:
    d.persona_card("valid")
    d.pin("12")


def _pin_wrong(d: Driver) -> None:
    d.persona_card("valid")
    d.pin("9999")


def _granted(d: Driver) -> None:
    d.pin(d.persona_card("valid"))


def _denied(role: str) -> Callable[[Driver], None]:
    def go(d: Driver) -> None:
        d.pin(d.persona_card(role))
    return go


def _locked(d: Driver) -> None:
    d.persona_card("valid")
    for _ in range(5):
        d.pin("0000")


def _closed(d: Driver) -> None:
    d.clock.set(d.clock.now().replace(hour=23))
    d.later(0)


def _out_of_order(d: Driver) -> None:
    d.kiosk.controller.faults.set("relay", "board not answering")
    d.later(0)


def _technician_pin(d: Driver) -> None:
    from kiosk.door.flow import TechnicianRequested

    d.send(TechnicianRequested())
    d.pin("1234")


SCREENS: dict[str, tuple[Callable[[Driver], None], ScreenKind]] = {
    "idle": (lambda d: None, ScreenKind.IDLE),
    "pin": (_pin, ScreenKind.PIN),
    "pin_wrong": (_pin_wrong, ScreenKind.PIN),
    "granted": (_granted, ScreenKind.GRANTED),
    "denied_not_opted_in": (_denied("not_opted_in"), ScreenKind.DENIED),
    "denied_debt": (_denied("debt"), ScreenKind.DENIED),
    "denied_locked": (_locked, ScreenKind.DENIED),
    "closed": (_closed, ScreenKind.CLOSED),
    "out_of_order": (_out_of_order, ScreenKind.OUT_OF_ORDER),
    "fire": (lambda d: d.send(FireAlarm(on=True)), ScreenKind.FIRE),
    "technician_pin": (_technician_pin, ScreenKind.TECHNICIAN_PIN),
    "technician": (lambda d: d.card(TECHNICIAN_CARD), ScreenKind.TECHNICIAN),
}


def _chooser(d: Driver) -> None:
    d.click(d.language_button())


SCREENS["language_chooser"] = (_chooser, ScreenKind.IDLE)


@pytest.mark.parametrize("name", list(SCREENS))
def test_screen_fits_in_every_language_and_size(driver: Driver, name: str,
                                                figures: Callable[[str], None]) -> None:
    """Issue 17: each screen in each of the six languages at the three sizes: no text cut off
    (text width against widget width), no button under 15 mm or too narrow for its words."""
    go, kind = SCREENS[name]
    go(driver)
    assert driver.kind is kind
    window = driver.window
    problems = []
    for lang in SCREEN_LANGS:
        driver.send(LanguageChosen(lang))
        for size in SIZES:
            window.resize(*size)
            settle()
            assert (window.width(), window.height()) == size
            current = window.current
            assert current.geometry() == window.rect()
            rtl = window.layoutDirection() == Qt.LayoutDirection.RightToLeft
            assert rtl == (lang == "ar")
            problems += [f"{lang} {size[0]}x{size[1]}: {p}"
                         for p in clipped_labels(current) + small_buttons(current)]
            corner = window.corner.geometry()
            if min(corner.width(), corner.height()) < theme.MIN_TARGET_PX:
                problems.append(f"{lang} {size}: technician corner {corner}")
            if lang == "da":
                figures(f"targets door {name} {size[0]}x{size[1]}: smallest "
                        f"{smallest_target(current)}")
    assert not problems, "\n".join(problems)


def test_pad_keys_are_far_above_the_minimum(driver: Driver) -> None:
    driver.window.resize(1080, 1920)
    driver.persona_card("valid")
    settle()
    for key in driver.window.pin_screen.pad.keys:
        assert key.width() >= 100
        assert key.height() >= 70


def test_widgets_have_accessible_names(driver: Driver) -> None:
    driver.persona_card(persona("valid").role)
    settle()
    pad = driver.window.pin_screen.pad
    assert [k.accessibleName() for k in pad.keys] == list("1234567890")
    assert pad.erase_key.accessibleName() == "Slet det sidste ciffer"
    assert driver.window.pin_screen.dots.accessibleName() == "0 af 4 cifre tastet"
    assert driver.language_button().accessibleName() == "Vælg et andet sprog · Choose language"

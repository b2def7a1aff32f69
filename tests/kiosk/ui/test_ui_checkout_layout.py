"""Every checkout screen at 1280×800, 1920×1080 and portrait 1080×1920, in all six languages:
no clipped text, no button under the minimum (the twin of test_ui_layout.py for the door)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sip2kit import ANNA_CARD, ANNA_PIN
from uihelpers import WAIT_MS, clipped_labels, settle, small_buttons, smallest_target

from drivers.cardparse import parse_card
from kiosk.checkout.flow import AccountRequested, Event, FinishRequested, ItemScanned, Phase
from kiosk.clock import FixedClock
from kiosk.events import CardPresented, LanguageChosen, PinDigit, Tick
from kiosk.reasons import SCREEN_LANGS
from kiosk.ui.screens.checkout import CheckoutScreen
from sync.sip2.fakes.library_data import (
    AGE_15,
    AVAILABLE,
    AVAILABLE_2,
    FROM_OTHER_BRANCH,
    HELD_FOR_OTHER,
    NOT_FOR_LOAN,
    WITH_FEE,
)

SIZES = [(1280, 800), (1920, 1080), (1080, 1920)]
CARD = CardPresented(parse_card(ANNA_CARD, "checkout"))


class Go:
    def __init__(self, qtbot: Any, screen: CheckoutScreen, clock: FixedClock) -> None:
        self.qtbot, self.screen, self.clock = qtbot, screen, clock

    def send(self, *events: Event | CardPresented) -> None:
        for event in events:
            self.screen.dispatch(event)
        self.qtbot.waitUntil(lambda: self.screen.idle, timeout=WAIT_MS)

    def later(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.send(Tick())

    def log_in(self) -> None:
        self.send(CARD, *(PinDigit(d) for d in ANNA_PIN))
        assert self.screen.state.phase is Phase.SESSION

    def borrow(self) -> None:
        self.log_in()
        self.send(*(ItemScanned(i) for i in (AVAILABLE, AVAILABLE_2, NOT_FOR_LOAN, AGE_15)))


def _session_warning(go: Go) -> None:
    go.borrow()
    go.later(102)


def _fee(go: Go) -> None:
    go.log_in()
    go.send(ItemScanned(AVAILABLE), ItemScanned(WITH_FEE))


def _account_warning(go: Go) -> None:
    go.borrow()
    go.send(AccountRequested())
    go.later(105)


SCREENS: dict[str, tuple[Callable[[Go], None], str]] = {
    "idle": (lambda go: None, "idle"),
    "pin": (lambda go: go.send(CARD, PinDigit("4")), "pin"),
    "refused_wrong_pin": (lambda go: go.send(CARD, *(PinDigit(d) for d in "0000")), "refused"),
    "session_empty": (Go.log_in, "session"),
    "session": (Go.borrow, "session"),
    "session_warning": (_session_warning, "session"),
    "session_fee": (_fee, "session"),
    "account": (lambda go: (go.borrow(), go.send(AccountRequested())), "account"),
    "account_warning": (_account_warning, "account"),
    "receipt": (lambda go: (go.borrow(), go.send(FinishRequested())), "receipt"),
    "receipt_nothing": (lambda go: (go.log_in(), go.send(FinishRequested())), "receipt"),
    "return_reserved": (lambda go: go.send(ItemScanned(HELD_FOR_OTHER)), "idle"),
    "return_other_branch": (lambda go: go.send(ItemScanned(FROM_OTHER_BRANCH)), "idle"),
    "return_several": (lambda go: go.send(*(ItemScanned(i) for i in (
        HELD_FOR_OTHER, FROM_OTHER_BRANCH, "5000009999"))), "idle"),
}


def _keypad(go: Go) -> None:
    go.log_in()
    go.qtbot.mouseClick(go.screen.session_page.type_button, Qt.MouseButton.LeftButton)
    for digit in "50000":
        go.qtbot.mouseClick(go.screen.keypad.pad.keys[int(digit) - 1 if digit != "0" else 9],
                            Qt.MouseButton.LeftButton)
    go.send()
    assert go.screen.keypad.isVisible()


def _chooser(go: Go) -> None:
    assert go.screen.header is not None
    go.qtbot.mouseClick(go.screen.header.language, Qt.MouseButton.LeftButton)
    assert go.screen.chooser is not None
    assert go.screen.chooser.isVisible()


SCREENS["session_keypad"] = (_keypad, "session")
SCREENS["language_chooser"] = (_chooser, "idle")
SCREENS["session_fee_waiting"] = (lambda go: (_fee(go), go.send(ItemScanned(AVAILABLE_2))),
                                  "session")


@pytest.mark.parametrize("name", list(SCREENS))
def test_checkout_screen_fits_in_every_language_and_size(
    qtbot: Any, screen: CheckoutScreen, clock: FixedClock, name: str,
    figures: Callable[[str], None],
) -> None:
    """Issue 17: each checkout page in each of the six languages at the three sizes: no text
    cut off, no button under 15 mm or too narrow for its words, Arabic right to left."""
    go = Go(qtbot, screen, clock)
    drive, page = SCREENS[name]
    drive(go)
    problems = []
    for lang in SCREEN_LANGS:
        go.send(LanguageChosen(lang))
        if name.endswith("_warning"):  # choosing a language was a touch: wait for it again
            go.later(102)
        for size in SIZES:
            screen.resize(*size)
            settle()
            assert screen.page == page
            assert screen.shown_lang == lang
            assert (screen.width(), screen.height()) == size
            rtl = screen.layoutDirection() == Qt.LayoutDirection.RightToLeft
            assert rtl == (lang == "ar")
            if name.endswith("_warning"):
                bar = (screen.session_page if page == "session" else screen.account_page)
                assert bar.countdown.isVisible()
            problems += [f"{lang} {size[0]}x{size[1]}: {p}"
                         for p in clipped_labels(screen) + small_buttons(screen)]
            if lang == "da":
                figures(f"targets checkout {name} {size[0]}x{size[1]}: smallest "
                        f"{smallest_target(screen)}")
    assert not problems, "\n".join(problems)

"""Every checkout screen at 1280×800, 1920×1080 and portrait 1080×1920, in Danish and English:
no clipped text, no button under the minimum (the twin of test_ui_layout.py for the door)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sip2kit import ANNA_CARD, ANNA_PIN
from uihelpers import clipped_labels, settle, small_buttons

from drivers.cardparse import parse_card
from kiosk.checkout_flow import AccountRequested, Event, FinishRequested, ItemScanned, Phase
from kiosk.clock import FixedClock
from kiosk.flow import CardPresented, PinDigit, Tick
from kiosk.ui.screens.checkout import CheckoutScreen
from sync.sip2.library_data import (
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
        self.qtbot.waitUntil(lambda: self.screen.idle, timeout=5000)

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


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(SCREENS))
def test_checkout_screen_fits(qtbot: Any, screen: CheckoutScreen, clock: FixedClock,
                              name: str, size: tuple[int, int], lang: str) -> None:
    go = Go(qtbot, screen, clock)
    screen.resize(*size)
    if lang == "en":
        assert screen.header is not None
        qtbot.mouseClick(screen.header.language, Qt.MouseButton.LeftButton)
        go.send()
        assert screen.shown_lang == "en"
    drive, page = SCREENS[name]
    drive(go)
    settle()
    assert screen.page == page
    assert screen.shown_lang == lang
    assert (screen.width(), screen.height()) == size
    if name.endswith("_warning"):
        bar = screen.session_countdown if page == "session" else screen.account_countdown
        assert bar.isVisible()
    problems = clipped_labels(screen) + small_buttons(screen)
    assert not problems, "\n".join(problems)

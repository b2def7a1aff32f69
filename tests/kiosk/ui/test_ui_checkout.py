"""pytest-qt runs of the checkout screen against the fake SIP2 server on 127.0.0.1.

A full checkout, a renewal by rescan, a return of a reserved item, the inactivity logout with
its visible countdown, a touch that keeps the session, and the language button (the FixedClock
moves; the screen's tick is 1 ms). The `screen` fixture is in conftest.py.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton
from sip2kit import ANNA_CARD, ANNA_PIN, sip2_config
from uihelpers import WAIT_MS

from drivers.cardparse import parse_card
from kiosk.access.sip2 import Sip2AccessService
from kiosk.checkout.flow import Phase
from kiosk.clock import FixedClock
from kiosk.events import CardPresented
from kiosk.services import build_services
from kiosk.ui.screens.checkout import CheckoutScreen
from sync.sip2.fakes.acs import FakeAcs
from sync.sip2.fakes.library_data import AVAILABLE, AVAILABLE_2, HELD_FOR_OTHER, LENT_TO_ANNA

CARD = parse_card(ANNA_CARD, "checkout")


def wait(qtbot: Any, screen: CheckoutScreen) -> None:
    """Until the worker has answered every event so far and the screen has rendered it."""
    qtbot.waitUntil(lambda: screen.idle, timeout=WAIT_MS)


def click(qtbot: Any, widget: QPushButton, screen: CheckoutScreen) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    wait(qtbot, screen)


def log_in(qtbot: Any, screen: CheckoutScreen) -> None:
    screen.dispatch(CardPresented(CARD))  # as the card reader's bridge delivers it
    wait(qtbot, screen)
    assert screen.state.phase is Phase.AWAITING_PIN
    keys = {key.text(): key for key in screen.pin_page.pad.keys}
    for digit in ANNA_PIN:
        click(qtbot, keys[digit], screen)
    assert screen.state.phase is Phase.SESSION


def type_barcode(qtbot: Any, screen: CheckoutScreen, opener: QPushButton, item: str,
                 wait_for_it: bool = True) -> None:
    """The page's "Type the barcode number" button, the digits on the keypad, then OK."""
    qtbot.mouseClick(opener, Qt.MouseButton.LeftButton)
    assert screen.keypad.isVisible()
    keys = {key.text(): key for key in screen.keypad.pad.keys}
    for digit in item:
        qtbot.mouseClick(keys[digit], Qt.MouseButton.LeftButton)
    assert screen.keypad.number.text() == item
    qtbot.mouseClick(screen.keypad.pad.ok_key, Qt.MouseButton.LeftButton)
    assert not screen.keypad.isVisible()
    if wait_for_it:
        wait(qtbot, screen)


def scan(qtbot: Any, screen: CheckoutScreen, item: str) -> None:
    type_barcode(qtbot, screen, screen.session_page.type_button, item)


def choose(qtbot: Any, screen: CheckoutScreen, lang: str) -> None:
    assert screen.header is not None
    click(qtbot, screen.header.language, screen)
    assert screen.chooser is not None
    click(qtbot, screen.chooser.buttons[lang], screen)  # type: ignore[index]


def test_full_checkout_two_loans_one_renewal_from_the_account(
    qtbot: Any, screen: CheckoutScreen, acs: FakeAcs
) -> None:
    log_in(qtbot, screen)
    assert "Anna" in screen.session_page.hello.text()
    scan(qtbot, screen, AVAILABLE)
    scan(qtbot, screen, AVAILABLE_2)
    assert "Kaffe og kager" in screen.session_page.lines.text()
    assert "Nordisk mytologi" in screen.session_page.lines.text()
    click(qtbot, screen.session_page.account_button, screen)
    assert screen.state.phase is Phase.ACCOUNT
    assert set(screen.account_page.renew_buttons) == {AVAILABLE, AVAILABLE_2, LENT_TO_ANNA}
    click(qtbot, screen.account_page.renew_buttons[AVAILABLE], screen)
    assert "Kaffe og kager" in screen.state.lines[-1].title
    click(qtbot, screen.account_page.done, screen)
    assert screen.state.phase is Phase.RECEIPT
    assert "Kaffe og kager" in screen.receipt_page.text.text()
    assert [(t["kind"], t["item"], t["ok"]) for t in acs.transactions] == [
        ("checkout", AVAILABLE, True), ("checkout", AVAILABLE_2, True),
        ("renew", AVAILABLE, True)]
    assert acs.received.count("35") == 1  # the session was ended at the library system


def test_rescanning_an_item_you_have_renews_it(
    qtbot: Any, screen: CheckoutScreen, acs: FakeAcs
) -> None:
    log_in(qtbot, screen)
    scan(qtbot, screen, LENT_TO_ANNA)
    assert "Fornyet" in screen.session_page.lines.text()
    assert [t["kind"] for t in acs.transactions] == ["renew"]


def test_return_of_a_reserved_item_says_where_to_put_it(
    qtbot: Any, screen: CheckoutScreen, acs: FakeAcs
) -> None:
    type_barcode(qtbot, screen, screen.idle_page.type_button, HELD_FOR_OTHER)
    assert screen.idle_page.returns.text() == "Læg den på personalehylden."
    assert screen.idle_page.returns.isVisible()
    assert [t["kind"] for t in acs.transactions] == ["checkin"]


def test_inactivity_warns_then_logs_out(
    qtbot: Any, screen: CheckoutScreen, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(CheckoutScreen, "tick_ms", 1)
    log_in(qtbot, screen)
    screen.start()
    clock.advance(101)
    qtbot.waitUntil(lambda: "logget ud om 19 s" in screen.session_page.countdown.label.text())
    assert screen.session_page.countdown.isVisible()
    clock.advance(19)
    qtbot.waitUntil(lambda: screen.state.phase is Phase.RECEIPT)
    screen.stop()
    assert screen.state.patron is None
    assert screen.controller.state.patron is None


def test_kiosk_in_mode_both_gets_a_checkout_window(
    qtbot: Any, tmp_path: Path, acs: FakeAcs, clock: FixedClock
) -> None:
    from drivers.fake import RecordingRelay
    from kiosk.app.assemble import assemble
    from kiosk.app.checkout import checkout_event
    from kiosk.checkout.flow import ItemScanned

    loaded = sip2_config(tmp_path, acs.port, 'kiosk.mode="both"')
    services = build_services(loaded, clock)
    relay = RecordingRelay("test")
    kiosk = assemble(loaded, services, relay, clock)
    try:
        assert isinstance(kiosk.checkout, CheckoutScreen)
        qtbot.addWidget(kiosk.checkout)
        qtbot.addWidget(kiosk.window)
        assert isinstance(kiosk.controller.access, Sip2AccessService)
        kiosk.technician.reload_config()  # a reload keeps the live SIP2 check
        assert isinstance(kiosk.controller.access, Sip2AccessService)
        kiosk.checkout.send.emit(checkout_event(parse_card(AVAILABLE, "items"), "items"))
        assert kiosk.checkout.worker is kiosk.window.worker  # one thread for the shared link
        wait(qtbot, kiosk.checkout)
        assert [t["kind"] for t in acs.transactions] == ["checkin"]
        assert checkout_event(parse_card("garbage!", "items"), "items") is None
        assert isinstance(checkout_event(CARD, "items"), ItemScanned)
    finally:
        kiosk.close()


def test_a_slow_loan_shows_checking_and_the_screen_stays_alive(
    qtbot: Any, screen: CheckoutScreen, acs: FakeAcs, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_in(qtbot, screen)
    circulation = screen.controller.circulation
    real, gate, entered = circulation.borrow, threading.Event(), threading.Event()

    def slow_borrow(*args: Any, **kwargs: Any) -> Any:  # the library system takes its time
        entered.set()
        assert gate.wait(10.0), "the test never opened the gate"
        return real(*args, **kwargs)

    monkeypatch.setattr(circulation, "borrow", slow_borrow)
    beats: list[int] = []
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: beats.append(1))
    heartbeat.start(5)
    try:
        type_barcode(qtbot, screen, screen.session_page.type_button, AVAILABLE,
                     wait_for_it=False)
        assert entered.wait(10.0)
        qtbot.waitUntil(screen.pending.note.isVisible, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: len(beats) >= 5, timeout=WAIT_MS)  # the GUI thread is free
        assert "Kaffe" not in screen.session_page.lines.text()
    finally:
        gate.set()
        heartbeat.stop()
    wait(qtbot, screen)
    assert "Kaffe og kager" in screen.session_page.lines.text()
    assert not screen.pending.note.isVisible()
    assert [t["kind"] for t in acs.transactions] == ["checkout"]


def test_a_touch_during_the_countdown_keeps_the_session(
    qtbot: Any, screen: CheckoutScreen, clock: FixedClock
) -> None:
    log_in(qtbot, screen)
    assert not screen.session_page.countdown.isVisible()
    clock.advance(102)
    screen.tick()
    wait(qtbot, screen)
    assert screen.session_page.countdown.isVisible()
    assert screen.session_page.countdown.label.text() == (
        "Du bliver logget ud om 18 s – tryk for at fortsætte")
    qtbot.mouseClick(screen.session_page.countdown.label, Qt.MouseButton.LeftButton)  # not a button
    wait(qtbot, screen)
    assert not screen.session_page.countdown.isVisible()
    clock.advance(100)  # 202 s after login, 100 s after the touch
    screen.tick()
    wait(qtbot, screen)
    assert screen.state.phase is Phase.SESSION


def test_language_button_lasts_for_the_visit_and_resets_at_idle(
    qtbot: Any, screen: CheckoutScreen, clock: FixedClock
) -> None:
    assert screen.header is not None
    language = screen.header.language
    assert screen.idle_page.text.text() == "Scan dit lånerkort eller sundhedskort"
    assert language.text() == "Sprog"
    choose(qtbot, screen, "en")
    assert screen.idle_page.text.text() == "Scan your library card or health card"
    assert language.text() == "Language"
    log_in(qtbot, screen)
    assert screen.session_page.prompt.text() == "Scan the barcode of what you want to borrow"
    scan(qtbot, screen, AVAILABLE)
    assert screen.session_page.lines.text().startswith("✔ Borrowed: Kaffe og kager – due ")
    click(qtbot, screen.session_page.done, screen)
    assert screen.state.phase is Phase.RECEIPT
    assert screen.receipt_page.lead.text() == "You are logged out. You borrowed:"
    assert "Kaffe og kager" in screen.receipt_page.text.text()
    clock.advance(10)
    screen.tick()
    wait(qtbot, screen)
    assert screen.state.phase is Phase.IDLE
    assert screen.idle_page.text.text() == "Scan dit lånerkort eller sundhedskort"
    assert language.text() == "Sprog"


def test_screen_has_the_door_header_and_pages_for_each_phase(
    qtbot: Any, screen: CheckoutScreen
) -> None:
    assert screen.header is not None
    assert screen.header.branch.text() == "Solrød Bibliotek"
    assert screen.header.clock.text() == "Mandag \u206623.11. 19:00\u2069"  # isolated digits
    assert screen.page == "idle"
    assert screen.idle_page.picture.isVisible()  # the door's drawn scan picture
    log_in(qtbot, screen)
    assert screen.page == "session"
    assert screen.session_page.hello.text() == "Hej Anna"
    assert screen.session_page.prompt.text() == "Scan stregkoden på det, du vil låne"

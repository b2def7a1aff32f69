"""Issue 17: the checkout defects a new user hit, as the patron sees the screen (the flow's half
is tests/kiosk/checkout/test_checkout_defects.py). Each test renders the screen to a PNG."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from sip2kit import ANNA_CARD, ANNA_PIN
from uihelpers import WAIT_MS

from drivers.cardparse import parse_card
from kiosk.checkout.flow import FinishRequested, ItemScanned, Phase
from kiosk.events import CardPresented, PinDigit
from kiosk.ui.screens.checkout import CheckoutScreen
from sync.sip2.fakes.acs import FakeAcs
from sync.sip2.fakes.library_data import AGE_15, AVAILABLE, AVAILABLE_2, WITH_FEE

UNKNOWN = "5000009999"


def send(qtbot: Any, screen: CheckoutScreen, *events: object) -> None:
    for event in events:
        screen.dispatch(event)
    qtbot.waitUntil(lambda: screen.idle, timeout=WAIT_MS)


def log_in(qtbot: Any, screen: CheckoutScreen) -> None:
    send(qtbot, screen, CardPresented(parse_card(ANNA_CARD, "checkout")),
         *(PinDigit(d) for d in ANNA_PIN))
    assert screen.state.phase is Phase.SESSION


def picture(screen: CheckoutScreen, path: Path) -> QImage:
    assert screen.grab().save(str(path))
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1280, 800)
    return image


def test_a_scan_during_the_fee_question_is_kept_and_the_screen_says_so(
    qtbot: Any, screen: CheckoutScreen, acs: FakeAcs, tmp_path: Path
) -> None:
    log_in(qtbot, screen)
    send(qtbot, screen, ItemScanned(WITH_FEE), ItemScanned(AVAILABLE))
    page = screen.session_page
    assert page.fee_question.isVisible()
    assert "Din næste scanning venter på dit svar." in page.fee_question.text()
    picture(screen, tmp_path / "fee_waiting.png")
    assert [t["item"] for t in acs.transactions] == [WITH_FEE]  # asked, not yet lent
    qtbot.mouseClick(page.decline_fee, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.idle, timeout=WAIT_MS)
    assert [(t["item"], t["ok"]) for t in acs.transactions][-1] == (AVAILABLE, True)
    assert "Kaffe og kager" in page.lines.text()


def test_after_no_thanks_the_fee_question_is_gone(
    qtbot: Any, screen: CheckoutScreen, tmp_path: Path
) -> None:
    log_in(qtbot, screen)
    send(qtbot, screen, ItemScanned(WITH_FEE))
    page = screen.session_page
    assert "Vil du acceptere det?" in page.lines.text()
    qtbot.mouseClick(page.decline_fee, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.idle, timeout=WAIT_MS)
    picture(screen, tmp_path / "fee_declined.png")
    assert not page.fee_question.isVisible()
    assert "Vil du acceptere det?" not in page.lines.text()
    assert "Ikke lånt: du sagde nej tak til gebyret." in page.lines.text()


def test_the_more_line_does_not_send_a_refusal_to_my_account(
    qtbot: Any, screen: CheckoutScreen, tmp_path: Path
) -> None:
    log_in(qtbot, screen)
    send(qtbot, screen, *(ItemScanned(i) for i in (UNKNOWN, AVAILABLE, AVAILABLE_2, AGE_15)))
    picture(screen, tmp_path / "more.png")
    more = screen.session_page.more_lines.text()
    assert more == "1 tidligere materiale kunne ikke lånes."
    assert "Min konto" not in more


def test_the_receipt_lists_a_borrowed_then_renewed_item_once(
    qtbot: Any, screen: CheckoutScreen, tmp_path: Path
) -> None:
    log_in(qtbot, screen)
    send(qtbot, screen, ItemScanned(AVAILABLE), ItemScanned(AVAILABLE), FinishRequested())
    assert [line.kind for line in screen.state.lines] == ["loan", "renewal"]
    picture(screen, tmp_path / "receipt.png")
    text = screen.receipt_page.text.text()
    assert text.count("Kaffe og kager") == 1
    assert "Lånt: Kaffe og kager" in text
    assert "Fornyet" not in text
    due = screen.state.lines[-1].due
    assert due is not None
    assert f"{due:%d.%m.%Y}" in text
    assert sum("Kaffe og kager" in line for line in screen.snapshot.receipt) == 1


def test_the_barcode_is_typed_on_the_screens_own_keypad(
    qtbot: Any, screen: CheckoutScreen, acs: FakeAcs, tmp_path: Path
) -> None:
    # Was: a text field that showed nothing when typed into (the demo's key filter took the
    # keys) and opened no keyboard when touched.
    log_in(qtbot, screen)
    page = screen.session_page
    assert page.type_button.text() == "Tast stregkodens nummer"
    qtbot.mouseClick(page.type_button, Qt.MouseButton.LeftButton)
    assert screen.keypad.isVisible()
    keys = {key.text(): key for key in screen.keypad.pad.keys}
    for digit in AVAILABLE:
        qtbot.mouseClick(keys[digit], Qt.MouseButton.LeftButton)
    assert screen.keypad.number.text() == AVAILABLE
    picture(screen, tmp_path / "keypad.png")
    assert screen.keypad.pad.ok_key.text() == "Tilføj"
    qtbot.mouseClick(screen.keypad.pad.ok_key, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.idle, timeout=WAIT_MS)
    assert not screen.keypad.isVisible()
    assert [t["item"] for t in acs.transactions] == [AVAILABLE]

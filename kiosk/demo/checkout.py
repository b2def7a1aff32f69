"""The scripted checkout visit of `kiosk demo --headless`: Anna borrows, is refused, renews
from her account, logs out, and a reserved book is returned, on the real checkout screen
against the fake SIP2 server. One PNG per screen when a folder is given."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.checkout.flow import (
    AccountRequested,
    Event,
    FinishRequested,
    ItemScanned,
    RenewRequested,
    Touched,
)
from kiosk.checkout.types import ItemLine, ReturnLine
from kiosk.events import CardPresented, Tick
from kiosk.ui.pending import settle
from kiosk.ui.screens.checkout import CheckoutScreen
from sync.sip2.fakes.library_data import AVAILABLE, AVAILABLE_2, HELD_FOR_OTHER, NOT_FOR_LOAN


def _item(line: ItemLine) -> str:
    """A step's result for the demo's log, in English whatever the screen shows."""
    title = line.title or line.item_id
    if not line.ok:
        return f"✘ {title}: {line.refusal}"
    due = line.due.strftime("%d.%m.%Y") if line.due else "-"
    return f"✔ {line.kind}: {title}, due {due}"


def _returned(line: ReturnLine) -> str:
    mark = "✔" if line.ok else "✘"
    return f"{mark} returned: {line.title or line.item_id} (shelf: {line.shelf or 'return'})"


class CheckoutVisit:
    """Drives the real checkout screen: sends events, waits for the worker, takes pictures."""

    def __init__(self, screen: CheckoutScreen, out: Path | None,
                 write: Callable[[str], object]) -> None:
        self.screen, self.out, self.write = screen, out, write
        self.shots: list[Path] = []

    def shot(self, name: str) -> None:
        QApplication.processEvents()
        if self.out is None:
            return
        path = self.out / f"{name}.png"
        if not self.screen.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        self.shots.append(path)

    def step(self, text: str) -> None:
        self.write(f"checkout: {text} -> {self.screen.state.phase}\n")

    def wait(self) -> None:  # the screen's worker answers each event (a SIP2 call) in turn
        if not settle(lambda: self.screen.idle):
            raise TimeoutError("the checkout worker did not answer within 10 s")

    def send(self, event: Event | CardPresented) -> None:
        self.screen.dispatch(event)
        self.wait()

    def press(self, digits: str) -> None:
        keys = {k.text(): k for k in self.screen.pin_page.pad.keys}
        for digit in digits:
            keys[digit].click()
        self.wait()


def play_checkout(
    screen: CheckoutScreen, card: CardPresented, pin: str, out: Path | None,
    write: Callable[[str], object], advance: Callable[[float], None],
) -> list[Path]:
    v = CheckoutVisit(screen, out, write)
    screen.resize(1280, 800)
    screen.show()
    v.shot("checkout_idle")
    v.send(card)
    v.press(pin[:2])
    v.shot("checkout_pin")
    v.press(pin[2:])
    v.step(f"card and PIN {pin}")
    for item in (AVAILABLE, AVAILABLE_2, NOT_FOR_LOAN):
        v.send(ItemScanned(item))
        v.step(_item(screen.state.lines[-1]))
    v.shot("checkout_session")
    _keypad(v)
    advance(102)  # no touch for 102 s: the last 20 s count down on screen
    v.send(Tick())
    v.shot("checkout_warning")
    v.send(Touched())
    v.step("touched during the countdown")
    _account_and_return(v, advance)
    screen.hide()
    return v.shots


def _keypad(v: CheckoutVisit) -> None:
    """A barcode the scanner cannot read, typed on the screen's keypad (then put away)."""
    v.screen.session_page.type_button.click()
    keys = {k.text(): k for k in v.screen.keypad.pad.keys}
    for digit in AVAILABLE_2[:6]:
        keys[digit].click()
    v.shot("checkout_keypad")
    v.screen.keypad.cancel.click()
    v.step("barcode keypad opened and closed")


def _account_and_return(v: CheckoutVisit, advance: Callable[[float], None]) -> None:
    v.send(AccountRequested())
    v.step("account")
    v.shot("checkout_account")
    v.send(RenewRequested((AVAILABLE,)))
    v.step(_item(v.screen.state.lines[-1]))
    v.send(FinishRequested())
    v.step("done")
    v.shot("checkout_receipt")
    advance(60)
    v.send(Tick())
    v.send(ItemScanned(HELD_FOR_OTHER))
    v.step(_returned(v.screen.state.returns[-1]))
    v.shot("checkout_return")

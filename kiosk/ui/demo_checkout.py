"""The scripted checkout visit of `kiosk demo --headless`: Anna borrows, is refused, renews
from her account, logs out, and a reserved book is returned, on the real checkout screen
against the fake SIP2 server. One PNG per screen when a folder is given."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.checkout_flow import AccountRequested, FinishRequested, ItemScanned, RenewRequested
from kiosk.flow import CardPresented, Tick
from kiosk.ui.screens.checkout import CheckoutScreen
from kiosk.ui.screens.checkout_texts import item_line, return_line
from sync.sip2.library_data import AVAILABLE, AVAILABLE_2, HELD_FOR_OTHER, NOT_FOR_LOAN


def play_checkout(
    screen: CheckoutScreen, card: CardPresented, pin: str, out: Path | None,
    write: Callable[[str], object], advance: Callable[[float], None],
) -> list[Path]:
    shots: list[Path] = []

    def shot(name: str) -> None:
        QApplication.processEvents()
        if out is not None:
            path = out / f"{name}.png"
            if not screen.grab().save(str(path)):
                raise OSError(f"could not write {path}")
            shots.append(path)

    def step(text: str) -> None:
        write(f"checkout: {text} -> {screen.controller.state.phase}\n")

    screen.resize(1280, 800)
    screen.show()
    shot("checkout_idle")
    screen.dispatch(card)
    keys = {k.text(): k for k in screen.pinpad.keys}
    for digit in pin:
        keys[digit].click()
    step(f"card and PIN {pin}")
    for item in (AVAILABLE, AVAILABLE_2, NOT_FOR_LOAN):
        screen.dispatch(ItemScanned(item))
        step(item_line(screen.controller.state.lines[-1], "en"))
    shot("checkout_session")
    screen.dispatch(AccountRequested())
    step("account")
    shot("checkout_account")
    screen.dispatch(RenewRequested((AVAILABLE,)))
    step(item_line(screen.controller.state.lines[-1], "en"))
    screen.dispatch(FinishRequested())
    step("done")
    shot("checkout_receipt")
    advance(60)
    screen.dispatch(Tick())
    screen.dispatch(ItemScanned(HELD_FOR_OTHER))
    step(return_line(screen.controller.state.returns[-1], "en"))
    shot("checkout_return")
    screen.hide()
    return shots

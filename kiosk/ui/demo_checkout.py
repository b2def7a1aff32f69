"""The scripted checkout visit of `kiosk demo --headless`: Anna borrows, is refused, renews
from her account, logs out, and a reserved book is returned, on the real checkout screen
against the fake SIP2 server. One PNG per screen when a folder is given."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.checkout_flow import (
    AccountRequested,
    Event,
    FinishRequested,
    ItemScanned,
    RenewRequested,
)
from kiosk.flow import CardPresented, Tick
from kiosk.ui.pending import settle
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
        write(f"checkout: {text} -> {screen.state.phase}\n")

    def wait() -> None:  # the screen's worker answers each event (a SIP2 call) in turn
        if not settle(lambda: screen.idle):
            raise TimeoutError("the checkout worker did not answer within 10 s")

    def send(event: Event | CardPresented) -> None:
        screen.dispatch(event)
        wait()

    screen.resize(1280, 800)
    screen.show()
    shot("checkout_idle")
    send(card)
    keys = {k.text(): k for k in screen.pinpad.keys}
    for digit in pin:
        keys[digit].click()
    wait()
    step(f"card and PIN {pin}")
    for item in (AVAILABLE, AVAILABLE_2, NOT_FOR_LOAN):
        send(ItemScanned(item))
        step(item_line(screen.state.lines[-1], "en"))
    shot("checkout_session")
    send(AccountRequested())
    step("account")
    shot("checkout_account")
    send(RenewRequested((AVAILABLE,)))
    step(item_line(screen.state.lines[-1], "en"))
    send(FinishRequested())
    step("done")
    shot("checkout_receipt")
    advance(60)
    send(Tick())
    send(ItemScanned(HELD_FOR_OTHER))
    step(return_line(screen.state.returns[-1], "en"))
    shot("checkout_return")
    screen.hide()
    return shots

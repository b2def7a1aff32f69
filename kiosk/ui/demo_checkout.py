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
    Touched,
)
from kiosk.circulation_types import ItemLine, ReturnLine
from kiosk.flow import CardPresented, Tick
from kiosk.ui.pending import settle
from kiosk.ui.screens.checkout import CheckoutScreen
from sync.sip2.library_data import AVAILABLE, AVAILABLE_2, HELD_FOR_OTHER, NOT_FOR_LOAN


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


def _shot(screen: CheckoutScreen, out: Path | None, name: str, shots: list[Path]) -> None:
    QApplication.processEvents()
    if out is not None:
        path = out / f"{name}.png"
        if not screen.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        shots.append(path)


def play_checkout(
    screen: CheckoutScreen, card: CardPresented, pin: str, out: Path | None,
    write: Callable[[str], object], advance: Callable[[float], None],
) -> list[Path]:
    shots: list[Path] = []

    def shot(name: str) -> None:
        _shot(screen, out, name, shots)

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

    def press(digits: str) -> None:
        for digit in digits:
            keys[digit].click()
        wait()

    press(pin[:2])
    shot("checkout_pin")
    press(pin[2:])
    step(f"card and PIN {pin}")
    for item in (AVAILABLE, AVAILABLE_2, NOT_FOR_LOAN):
        send(ItemScanned(item))
        step(_item(screen.state.lines[-1]))
    shot("checkout_session")
    advance(102)  # no touch for 102 s: the last 20 s count down on screen
    send(Tick())
    shot("checkout_warning")
    send(Touched())
    step("touched during the countdown")
    send(AccountRequested())
    step("account")
    shot("checkout_account")
    send(RenewRequested((AVAILABLE,)))
    step(_item(screen.state.lines[-1]))
    send(FinishRequested())
    step("done")
    shot("checkout_receipt")
    advance(60)
    send(Tick())
    send(ItemScanned(HELD_FOR_OTHER))
    step(_returned(screen.state.returns[-1]))
    shot("checkout_return")
    screen.hide()
    return shots

"""The checkout shell: feeds events to the checkout flow and carries out its effects.

Effects that ask the library system run against a `Circulation`; their answers go back into
the flow as events, in order, on the caller's thread. The Qt screen (kiosk/ui) and tests drive
it alike. A receipt goes to the optional receipt printer at logout.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from kiosk.checkout.circulation import Circulation
from kiosk.checkout.flow import (
    IDLE,
    AccountLoaded,
    Borrow,
    CheckoutState,
    Effect,
    EndSession,
    Event,
    GiveBack,
    ItemDone,
    LoadAccount,
    LoggedIn,
    LogIn,
    LoginRefused,
    Renew,
    Returned,
    Timings,
    step,
)
from kiosk.checkout.types import ItemLine, receipt_lines
from kiosk.clock import Clock
from kiosk.events import Beep
from kiosk.reasons import Reason

log = logging.getLogger(__name__)


class ReceiptSink(Protocol):
    def print_receipt(self, lines: list[str]) -> None: ...


def receipt_text(branch: str, at: datetime, lines: tuple[ItemLine, ...]) -> list[str]:
    """The receipt, plain text: what was borrowed or renewed and when it is due. No name."""
    out = [branch, at.strftime("%d.%m.%Y %H:%M"), ""]
    for line in receipt_lines(lines):
        title = line.title or line.item_id
        due = line.due.strftime("%d.%m.%Y") if line.due else "-"
        verb = "Fornyet" if line.kind == "renewal" else "Lånt"
        out += [f"{verb}: {title}", f"  Afleveres senest {due}"]
    if len(out) == 3:
        out.append("Ingen lån")
    return [*out, "", "Tak for besøget"]


class CheckoutController:
    def __init__(
        self, circulation: Circulation, clock: Clock, timings: Timings | None = None,
        on_change: Callable[[CheckoutState], None] | None = None,
        printer: ReceiptSink | None = None, branch: str = "Biblioteket",
        on_beep: Callable[[str], None] | None = None,
    ) -> None:
        self.circulation = circulation
        self.clock = clock
        self.timings = timings or Timings()
        self.state: CheckoutState = IDLE
        self.printer = printer
        self.branch = branch
        self.last_receipt: list[str] = []
        self._on_change = on_change
        self._on_beep = on_beep

    def handle(self, event: Event) -> CheckoutState:
        pending: list[Event] = [event]
        while pending:
            transition = step(self.state, pending.pop(0), self.clock.monotonic(), self.timings)
            changed = transition.state != self.state
            self.state = transition.state
            for effect in transition.effects:
                answer = self._execute(effect)
                if answer is not None:
                    pending.append(answer)
            if changed and self._on_change is not None:
                self._on_change(self.state)
        return self.state

    def close(self) -> None:
        self.circulation.close()

    def warning(self) -> float | None:
        return self.state.warning(self.clock.monotonic(), self.timings)

    def _execute(self, effect: Effect) -> Event | None:
        match effect:
            case LogIn(read=read, pin=pin):
                result = self.circulation.login(read, pin)
                if result.patron is None:
                    return LoginRefused(Reason(result.reason), result.attempts_left)
                return LoggedIn(result.patron, result.account)
            case Borrow(patron=patron, item_id=item_id, fee_ack=fee_ack):
                return ItemDone(self.circulation.borrow(patron, item_id, fee_ack))
            case Renew(patron=patron, item_id=item_id):
                return ItemDone(self.circulation.renew(patron, item_id))
            case GiveBack(item_id=item_id):
                return Returned(self.circulation.give_back(item_id))
            case LoadAccount(patron=patron):
                return AccountLoaded(self.circulation.account(patron))
            case EndSession(patron=patron, lines=lines):
                self.circulation.end_session(patron)
                self._receipt(lines)
            case Beep(kind=kind):
                if self._on_beep is not None:
                    self._on_beep(kind)
        return None

    def _receipt(self, lines: tuple[ItemLine, ...]) -> None:
        self.last_receipt = receipt_text(self.branch, self.clock.now(), lines)
        if self.printer is None or not any(line.ok for line in lines):
            return
        try:
            self.printer.print_receipt(self.last_receipt)
        except OSError as err:
            log.warning("receipt printer failed: %s", err)

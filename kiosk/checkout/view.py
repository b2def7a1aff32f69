"""What the checkout screen shows: a snapshot of the controller, read on the worker after each
event and handed to the screen. Plain data, no Qt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.checkout.controller import CheckoutController
from kiosk.checkout.flow import CheckoutState, Phase, Timings
from kiosk.checkout.types import ItemLine

_DEFAULTS = Timings()


@dataclass(frozen=True, slots=True)
class CheckoutSnapshot:
    """What the screen shows, read on the worker after each event."""

    state: CheckoutState
    warning: float | None
    """Seconds left of the inactivity countdown while it shows, else None."""
    receipt: tuple[str, ...]
    branch: str = ""
    now: datetime | None = None
    remaining: float | None = None
    """Seconds until the flow's deadline (PIN timeout, receipt, refusal) moves the screen on."""
    total: float | None = None
    """What `remaining` counts down from: the whole time of this phase's deadline."""
    warning_total: float = _DEFAULTS.warning_s
    """What `warning` counts down from."""
    pin_length: int = _DEFAULTS.pin_length


def phase_total(phase: Phase, timings: Timings) -> float | None:
    """The whole time a phase's deadline gives (for the countdown bar), or None."""
    return {
        Phase.AWAITING_PIN: timings.pin_timeout_s,
        Phase.RECEIPT: timings.receipt_s,
        Phase.REFUSED: timings.refused_s,
    }.get(phase)


def checkout_snapshot(controller: CheckoutController) -> CheckoutSnapshot:
    state = controller.state
    clock = controller.clock
    timings = controller.timings
    remaining = None if state.deadline is None else max(0.0, state.deadline - clock.monotonic())
    return CheckoutSnapshot(state, controller.warning(), tuple(controller.last_receipt),
                            controller.branch, clock.now(), remaining,
                            phase_total(state.phase, timings), timings.warning_s,
                            timings.pin_length)


@dataclass(frozen=True, slots=True)
class SessionLines:
    """The session's items as the screen lists them: the newest few, and what is not shown."""

    shown: tuple[ItemLine, ...]
    """Newest first."""
    hidden_loans: int
    """Older loans and renewals: all of them are under "My account" and on the receipt."""
    hidden_refused: int
    """Older items that could not be borrowed: they are nowhere else, so say so."""


def session_lines(lines: tuple[ItemLine, ...], room: int = 3) -> SessionLines:
    newest = tuple(reversed(lines))
    hidden = newest[room:]
    loans = sum(1 for line in hidden if line.ok)
    return SessionLines(newest[:room], loans, len(hidden) - loans)

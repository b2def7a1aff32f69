"""Combinations of valid keys that do not work together, one line each for `kiosk check-config`.

Each key alone passed validation; together they leave a screen without what it needs. `kiosk
run` still starts (the door must open at 21:55 even if the checkout cannot), warns, and runs
what it can; check-config says so before anyone finds out at the kiosk.
"""

from __future__ import annotations

from kiosk.config.models import KioskConfig


def problems(config: KioskConfig) -> list[str]:
    """`key: what is wrong with it, and what would work`, for each bad combination."""
    out = []
    mode, central = config.kiosk.mode, config.central
    if mode in ("checkout", "both") and central.kind != "sip2" and not central.sip2.user:
        out.append(
            f'kiosk.mode: "{mode}" needs the library system over SIP2 for the checkout screen '
            f'(central.kind = "sip2", or a [central.sip2] user beside another kind), but '
            f'central.kind is "{central.kind}" with no SIP2 user: the kiosk would run the '
            'door only; set kiosk.mode = "door" or configure SIP2')
    return out

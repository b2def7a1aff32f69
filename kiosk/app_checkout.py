"""Composition of the self-checkout screen for `kiosk run` (mode "checkout" or "both").

Needs `central.kind = "sip2"` (circulation speaks SIP2). Qt is imported inside the function,
like app.py, so importing this module loads no Qt.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from drivers.types import CardRead
from kiosk.checkout import CheckoutController
from kiosk.checkout_flow import ItemScanned, Timings
from kiosk.circulation import sip2_circulation
from kiosk.clock import Clock
from kiosk.config import LoadedConfig
from kiosk.flow import CardPresented
from kiosk.services import Services
from kiosk.sip2_access import Sip2AccessService

if TYPE_CHECKING:
    from kiosk.ui.screens.checkout import CheckoutScreen

log = logging.getLogger(__name__)


def build_checkout(loaded: LoadedConfig, services: Services, clock: Clock
                   ) -> CheckoutScreen | None:
    """The checkout screen, or None when this kiosk has none (mode "door", or no SIP2)."""
    config = loaded.config
    if config.kiosk.mode == "door":
        return None
    if not isinstance(services.access, Sip2AccessService) or services.sip2 is None:
        log.warning('kiosk.mode %r: the checkout screen needs central.kind = "sip2"; '
                    "running the door only", config.kiosk.mode)
        return None
    from kiosk.ui.screens.checkout import CheckoutScreen

    circulation = sip2_circulation(services.access, services.sip2, services.sessions, clock,
                                   config.central.offline_circulation)
    timings = Timings(pin_length=config.access.pin_length)
    controller = CheckoutController(circulation, clock, timings, branch=config.kiosk.branch)
    return CheckoutScreen(controller, config.kiosk.language)


def checkout_event(read: CardRead, role: str) -> CardPresented | ItemScanned | None:
    """A read from a reader with role "items" is an item barcode (give that reader
    `card_patterns` matching the library's item numbers); any other read is a card."""
    if role == "items":
        return ItemScanned(read.value) if read.value else None
    return CardPresented(read)

"""Composition of the self-checkout screen for `kiosk run` (mode "checkout" or "both").

Circulation speaks SIP2 (central.kind "sip2", or a [central.sip2] user beside another kind).
Qt is imported inside the function, like app.py, so importing this module loads no Qt.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from drivers.receipt_printer import EscPosPrinter
from drivers.types import CardRead
from kiosk.access.rules import rule_set_version
from kiosk.access.sip2 import Sip2AccessService
from kiosk.checkout.circulation import sip2_circulation
from kiosk.checkout.controller import CheckoutController
from kiosk.checkout.flow import ItemScanned, Timings
from kiosk.clock import Clock
from kiosk.config import LoadedConfig
from kiosk.events import CardPresented
from kiosk.services import Services
from kiosk.sip2.link import DOOR_TIMEOUT_S, LiveLink, sip2_client

if TYPE_CHECKING:
    from kiosk.ui.screens.checkout import CheckoutScreen
    from kiosk.ui.speech import Narrator
    from kiosk.ui.worker import ControllerWorker

log = logging.getLogger(__name__)


def build_checkout(loaded: LoadedConfig, services: Services, clock: Clock,
                   worker: ControllerWorker | None = None,
                   narrator: Narrator | None = None) -> CheckoutScreen | None:
    """The checkout screen, or None when this kiosk has none (mode "door", or no SIP2).

    `worker` is the door window's controller worker: in mode "both" the two screens share it,
    since they may share one SIP2 connection (and the cache); None gives the screen its own.

    With central.kind "sip2" it shares the door's live link; with another kind and a
    `[central.sip2]` user (bulk sync for the door's cache, SIP2 for lending: DESIGN.md) it
    opens its own link, closed with the screen's controller.
    """
    config = loaded.config
    if config.kiosk.mode == "door":
        return None
    access, link, owns = services.access, services.sip2, False
    if not isinstance(access, Sip2AccessService) and config.central.sip2.user:
        link = LiveLink(sip2_client(loaded, timeout_s=DOOR_TIMEOUT_S, retries=0, clock=clock),
                        clock, name="SIP2 checkout", deadline_s=DOOR_TIMEOUT_S)
        access = Sip2AccessService(loaded, services.sessions, services.hasher, clock,
                                   rule_set_version(config), services.faults, link)
        owns = True
    if not isinstance(access, Sip2AccessService) or link is None:
        log.warning('kiosk.mode %r: the checkout screen needs SIP2 ([central.sip2] with a '
                    "user); running the door only", config.kiosk.mode)
        return None
    from kiosk.ui.screens.checkout import CheckoutScreen

    circulation = sip2_circulation(access, link, services.sessions, clock,
                                   config.central.offline_circulation, owns_link=owns)
    times = config.timeouts
    timings = Timings(pin_timeout_s=times.pin.total_seconds(),
                      inactivity_s=times.checkout_inactivity.total_seconds(),
                      warning_s=times.checkout_warning.total_seconds(),
                      receipt_s=times.checkout_receipt.total_seconds(),
                      refused_s=times.checkout_refused.total_seconds(),
                      returned_s=times.checkout_returned.total_seconds(),
                      pin_length=config.access.pin_length)
    printer = None
    if config.printer.driver == "escpos" and config.printer.port:
        printer = EscPosPrinter(config.printer.port, config.printer.baudrate,
                                config.printer.width, config.printer.encoding)
    controller = CheckoutController(circulation, clock, timings, printer=printer,
                                    branch=config.kiosk.branch)
    return CheckoutScreen(controller, config.kiosk.language, worker=worker, narrator=narrator)


def checkout_event(read: CardRead, role: str) -> CardPresented | ItemScanned | None:
    """A read from a reader with role "items" is an item barcode (give that reader
    `card_patterns` matching the library's item numbers); any other read is a card."""
    if role == "items":
        return ItemScanned(read.value) if read.value else None
    return CardPresented(read)

"""`kiosk demo`: the kiosk on the shipped config, a fake central with synthetic patrons, the
keyboard as card reader and an on-screen relay lamp; `--headless` plays the scripted visit.

Everything lives in a temporary data folder that is gone afterwards. Qt is imported inside
`demo()` so that importing this module stays cheap.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Final

from drivers.fake import RecordingRelay
from kiosk.app import Kiosk, assemble, card_from_keyboard, quit_on_signals
from kiosk.cache import queries
from kiosk.cache.patrons import apply_records
from kiosk.checkout_flow import ItemScanned
from kiosk.clock import COPENHAGEN, FixedClock
from kiosk.config import ConfigError, LoadedConfig, load
from kiosk.flow import CardPresented
from kiosk.services import Services, build_services
from sync.fake_central import FakeCentral, start_sip2_fake
from sync.records import parse_patron
from sync.synthetic import DEMO_PERSONAS

log = logging.getLogger(__name__)

CONFIG: Final = Path(__file__).resolve().parent.parent / "config.toml"
POPULATION: Final = 500
TECHNICIAN_PIN: Final = "9999"
PAGE: Final = 1000


class ShiftedClock:
    """Wall time moved to a self-service evening, running at real speed (interactive demo)."""

    def __init__(self, start: datetime) -> None:
        self._offset = start - datetime.now(COPENHAGEN)

    def now(self) -> datetime:
        return datetime.now(COPENHAGEN) + self._offset

    def monotonic(self) -> float:
        return time.monotonic()


def demo_start(today: datetime | None = None) -> datetime:
    """19:00 today, Copenhagen: inside self-service hours every day in the shipped config."""
    now = today or datetime.now(COPENHAGEN)
    return now.replace(hour=19, minute=0, second=0, microsecond=0)


def fill_cache(services: Services, central: FakeCentral) -> str:
    """Copy the fake central's snapshot into the cache (the real sync service replaces this)."""
    count = 0
    with services.sessions.begin() as session:
        page = central.store.page(None, None, PAGE)
        while True:
            records = [parse_patron(r, f"fake central record {i}")
                       for i, r in enumerate(page.records)]
            count += apply_records(session, records, services.hasher).upserted
            if page.next_page is None:
                break
            page = central.store.page(None, page.next_page, PAGE)
        queries.set_state(session, "last_sync_success", services.clock.now().isoformat())
    return f"Synced {count} patrons from the fake central."


def samples(today: datetime) -> list[tuple[str, str, str, str]]:
    """(label, raw card, PIN, expected reason) for the demo panel."""
    out = [(f"{p.name} ({p.role.replace('_', ' ')})", p.card, p.pin, p.expected_reason)
           for p in DEMO_PERSONAS]
    anna = DEMO_PERSONAS[0]
    cpr = anna.cpr(today.date())
    if cpr is not None:
        out.insert(1, (f"{anna.name}: health card (test CPR)", cpr, anna.pin, "ok"))
    out.append(("Unknown card", "3399999999", "1111", "unknown_card"))
    return out


def demo(headless: bool, screenshots: Path | None, overrides: list[str]) -> int:
    """`kiosk demo [--headless] [--screenshots DIR]`; returns the exit status."""
    if headless:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before the QApplication exists
    start = demo_start()
    with tempfile.TemporaryDirectory(prefix="kiosk-demo-") as tmp:
        central = FakeCentral(POPULATION, seed=1, today=start.date())
        url = central.start()
        acs = start_sip2_fake(0, central)  # the checkout screen lends over SIP2
        try:
            loaded = _config(Path(tmp), url, [*_sip2(Path(tmp), acs.port), *overrides])
            return _demo(loaded, overrides, central, start, headless, screenshots)
        except ConfigError as err:
            for line in err.lines:
                sys.stderr.write(line + "\n")
            return 2
        finally:
            acs.stop()
            central.stop()


def _sip2(tmp: Path, port: int) -> list[str]:
    """Overrides for the checkout screen: mode "both", [central.sip2] at the SIP2 fake."""
    secret = tmp / "sip2.password"
    secret.write_text("secret\n", encoding="utf-8")
    secret.chmod(0o600)
    return ['kiosk.mode="both"', 'central.sip2.host="127.0.0.1"', f"central.sip2.port={port}",
            'central.sip2.user="kiosk"', f'central.sip2.password_file="{secret}"',
            'central.sip2.institution="DK-761500"', 'central.sip2.location="solrod"']


def _config(tmp: Path, url: str, overrides: list[str]) -> LoadedConfig:
    pin_file = tmp / "technician.pin"
    pin_file.write_text(TECHNICIAN_PIN + "\n", encoding="utf-8")
    pin_file.chmod(0o600)
    ours = [f'kiosk.data_dir="{tmp}"', f'secrets.technician_pin_file="{pin_file}"']
    log.info("demo: fake central at %s, data in %s", url, tmp)
    return load(CONFIG, [*ours, *overrides])  # the user's --set wins


def _demo(
    loaded: LoadedConfig,
    overrides: list[str],
    central: FakeCentral,
    start: datetime,
    headless: bool,
    screenshots: Path | None,
) -> int:
    from PySide6.QtWidgets import QApplication

    clock: FixedClock | ShiftedClock = FixedClock(start) if headless else ShiftedClock(start)
    services = build_services(loaded, clock)
    relay = RecordingRelay("demo")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    kiosk = assemble(loaded, services, relay, clock, overrides=[*overrides])
    kiosk.sync_now = lambda k: fill_cache(k.services, central)
    try:
        sys.stdout.write(fill_cache(services, central) + "\n")
        if headless:
            assert isinstance(clock, FixedClock)
            return _headless(kiosk, clock, screenshots)
        return _interactive(kiosk, app, start)
    finally:
        kiosk.close()


def _headless(kiosk: Kiosk, clock: FixedClock, screenshots: Path | None) -> int:
    from kiosk.ui.demo_visit import Visit, play

    _quiet_offscreen()
    if screenshots is not None:
        screenshots.mkdir(parents=True, exist_ok=True)
    # The script advances the FixedClock itself; pulses are real but short.
    visit = Visit(kiosk, clock, lambda raw: CardPresented(card_from_keyboard(kiosk.loaded, raw)),
                  screenshots, sys.stdout.write, TECHNICIAN_PIN)
    cards = {p.role: (p.card, p.pin) for p in DEMO_PERSONAS}
    play(visit, cards)
    shots = list(visit.shots)
    if kiosk.checkout is not None:
        from kiosk.ui.demo_checkout import play_checkout

        anna = DEMO_PERSONAS[0]
        card = CardPresented(card_from_keyboard(kiosk.loaded, anna.card))
        shots += play_checkout(kiosk.checkout, card, anna.pin, screenshots, sys.stdout.write,
                               clock.advance)
    for path in shots:
        sys.stdout.write(f"wrote {path}\n")
    return 0


def _quiet_offscreen() -> None:
    """Drop the offscreen platform's "does not support propagateSizeHints()" chatter."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def handler(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if "propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def _interactive(kiosk: Kiosk, app: object, start: datetime) -> int:
    from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

    from kiosk.ui.demo_panel import DemoPanel, SampleCard
    from kiosk.ui.keyboard import KeyboardCardReader

    assert isinstance(app, QApplication)
    window = kiosk.window

    checkout = kiosk.checkout

    def present(raw: str) -> None:
        read = card_from_keyboard(kiosk.loaded, raw)
        if checkout is not None and checkout.isActiveWindow():  # typed at the checkout window
            checkout.dispatch(ItemScanned(raw) if raw.startswith("5000") else CardPresented(read))
            return
        window.dispatch(CardPresented(read))

    host = QWidget()
    host.setWindowTitle("Kiosk demo")
    row = QHBoxLayout(host)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(window, 1)
    cards = [SampleCard(*s) for s in samples(start)]
    row.addWidget(DemoPanel(cards, present, kiosk.relay, window))
    keyboard = KeyboardCardReader(present, host)
    app.installEventFilter(keyboard)
    host.resize(1280 + 380, 800)
    host.show()
    if checkout is not None:
        checkout.setWindowTitle("Kiosk demo: Lån og aflever (type a card, then items 5000000011…)")
        checkout.resize(1280, 800)
        checkout.show()
    kiosk.start()
    try:
        with quit_on_signals():
            return int(app.exec())
    finally:
        app.removeEventFilter(keyboard)
        kiosk.window.setParent(None)


__all__ = ["demo", "demo_start", "fill_cache"]

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
from typing import TYPE_CHECKING, Final

from drivers.fake import RecordingRelay
from kiosk.app.assemble import Kiosk, assemble, card_from_keyboard
from kiosk.app.loop import quit_on_signals
from kiosk.cache import queries
from kiosk.cache.patrons import apply_records
from kiosk.checkout.flow import ItemScanned
from kiosk.clock import COPENHAGEN, FixedClock
from kiosk.config import ConfigError, LoadedConfig, load
from kiosk.events import CardPresented
from kiosk.services import Services, build_services
from sync.fakes.central import FakeCentral, start_sip2_fake
from sync.fakes.synthetic import DEMO_PERSONAS
from sync.records import parse_patron
from sync.sip2.fakes.library_data import FakeItem, default_items

if TYPE_CHECKING:
    from kiosk.demo.host import DemoHost

log = logging.getLogger(__name__)

CONFIG: Final = Path(__file__).resolve().parents[2] / "config.toml"
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
            count += apply_records(session, records, services.hasher,
                                   today=services.clock.now().date()).upserted
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
    said = (screenshots if headless and screenshots is not None else loaded.data_dir)
    kiosk = assemble(loaded, services, relay, clock, overrides=[*overrides],
                     sync_now=lambda: fill_cache(services, central),
                     announcements_to=said / "announcements")
    try:
        sys.stdout.write(fill_cache(services, central) + "\n")
        if headless:
            assert isinstance(clock, FixedClock)
            return _headless(kiosk, clock, screenshots)
        return _interactive(kiosk, app, start)
    finally:
        kiosk.close()


def _headless(kiosk: Kiosk, clock: FixedClock, screenshots: Path | None) -> int:
    from kiosk.demo.visit import Visit, play

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
        from kiosk.demo.checkout import play_checkout

        anna = DEMO_PERSONAS[0]
        card = CardPresented(card_from_keyboard(kiosk.loaded, anna.card))
        shots += play_checkout(kiosk.checkout, card, anna.pin, screenshots, sys.stdout.write,
                               clock.advance)
    shots += _closing(kiosk, clock)
    for path in shots:
        sys.stdout.write(f"wrote {path}\n")
    return 0


def _closing(kiosk: Kiosk, clock: FixedClock) -> list[Path]:
    """The building at 21:45: the PCs go off and "closing in 15 minutes" is said, into a file."""
    building = kiosk.building
    if building is None:
        return []
    clock.set(clock.now().replace(hour=21, minute=45, second=0))
    building.drain()
    said = sorted((building.announcements_to or Path()).glob("closing-15-*.wav"))
    lamps = ", ".join(f"{name} {'on' if on else 'off'}"
                      for name, (on, _fault) in building.output_states().items())
    sys.stdout.write(f"building at 21:45: {lamps}; said: "
                     f"{', '.join(name for name, _at in building.said) or 'nothing'}\n")
    return said


def _quiet_offscreen() -> None:
    """Drop the offscreen platform's "does not support propagateSizeHints()" chatter."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def handler(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if "propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def sample_items(start: datetime) -> list[tuple[str, str]]:
    """(what happens, barcode) of the fake library's items, for the panel (and the README)."""
    return [(_item_case(item), item.item_id) for item in default_items(start)]


def _item_case(item: FakeItem) -> str:
    case = ("on loan to Anna: renews" if item.on_loan_to == "1000001" else
            "on loan to someone else" if item.on_loan_to else
            "reserved for someone else" if item.hold_for else
            "not for loan" if item.not_for_loan else
            f"age limit {item.min_age}" if item.min_age else
            f"fee {item.fee} kr." if item.fee else
            "from another branch" if item.location != "solrod" else "available")
    return f"{item.title} ({case})"


def _interactive(kiosk: Kiosk, app: object, start: datetime) -> int:
    from PySide6.QtWidgets import QApplication

    from kiosk.demo.host import DemoHost
    from kiosk.demo.keyboard import KeyboardCardReader
    from kiosk.demo.panel import SampleCard, SampleItem

    assert isinstance(app, QApplication)
    host: DemoHost | None = None

    def present(raw: str) -> None:
        present_to(kiosk, host, raw)

    host = DemoHost(kiosk.window, kiosk.checkout, kiosk.relay,
                    [SampleCard(*s) for s in samples(start)],
                    [SampleItem(t, b) for t, b in sample_items(start)], present, kiosk.building)
    keyboard = KeyboardCardReader(present, host)
    app.installEventFilter(keyboard)
    screen = app.primaryScreen()
    if screen is not None:
        host.place(screen.availableGeometry())
    host.show()
    kiosk.start()
    try:
        with quit_on_signals():
            return int(app.exec())
    finally:
        app.removeEventFilter(keyboard)
        host.release()


def present_to(kiosk: Kiosk, host: DemoHost | None, raw: str) -> None:
    """A typed or clicked read goes to the screen in view: at the checkout an item barcode
    (5000…) is a scan, anything else a card; at the door everything is a card."""
    read = card_from_keyboard(kiosk.loaded, raw)
    checkout = kiosk.checkout
    if checkout is not None and host is not None and host.checkout_in_view:
        checkout.dispatch(ItemScanned(raw) if raw.startswith("5000") else CardPresented(read))
        return
    kiosk.window.dispatch(CardPresented(read))


__all__ = ["demo", "demo_start", "fill_cache"]

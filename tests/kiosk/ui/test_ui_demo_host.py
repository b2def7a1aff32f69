"""Issue 17: the interactive demo as a newcomer met it under a real X server: its side panel was
off-screen at 1280×800 (1660 px wide), nothing on screen said how to present a card, and the
checkout opened as a second window on top of the door window, so a card typed there went to
the hidden one. The README names the sample cards, PINs and item barcodes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect
from sip2kit import sip2_config
from uihelpers import REPO, START, WAIT_MS, settle

from drivers.fake import RecordingRelay
from kiosk.app.assemble import assemble
from kiosk.checkout.flow import Phase
from kiosk.clock import FixedClock
from kiosk.demo.building_panel import BuildingPanel
from kiosk.demo.host import DemoHost
from kiosk.demo.main import present_to, sample_items, samples
from kiosk.demo.panel import SampleCard, SampleItem
from kiosk.door.view import ScreenKind
from kiosk.services import build_services
from sync.fakes.synthetic import DEMO_PERSONAS
from sync.sip2.fakes.acs import FakeAcs
from sync.sip2.fakes.library_data import default_items


def test_the_demo_fits_1280x800_says_how_and_sends_typing_to_the_screen_in_view(
    qtbot: Any, tmp_path: Path, acs: FakeAcs, clock: FixedClock
) -> None:
    loaded = sip2_config(tmp_path, acs.port, 'kiosk.mode="both"')
    services = build_services(loaded, clock)
    relay = RecordingRelay("demo")
    kiosk = assemble(loaded, services, relay, clock)
    assert kiosk.checkout is not None
    host: DemoHost | None = None
    host = DemoHost(kiosk.window, kiosk.checkout, relay,
                    [SampleCard(*s) for s in samples(clock.now())],
                    [SampleItem(t, b) for t, b in sample_items(clock.now())],
                    lambda raw: present_to(kiosk, host, raw))
    qtbot.addWidget(host)
    try:
        screen = QRect(0, 0, 1280, 800)
        host.place(screen)
        host.show()
        settle()
        assert screen.contains(host.frameGeometry()), host.frameGeometry()
        panel = host.panel_area
        panel_rect = QRect(panel.mapTo(host, QPoint(0, 0)), panel.size())
        assert host.rect().contains(panel_rect), f"panel at {panel_rect}, window {host.rect()}"
        assert host.panel.intro.isVisible()
        assert "type its number and press Enter" in host.panel.intro.text()
        assert kiosk.checkout.window() is host  # a tab, not a window on top of the door's
        card = DEMO_PERSONAS[0].card
        host.show_checkout()
        present_to(kiosk, host, card)
        qtbot.waitUntil(lambda: kiosk.checkout.idle and kiosk.window.idle, timeout=WAIT_MS)
        assert kiosk.checkout.state.phase is Phase.AWAITING_PIN
        assert kiosk.window.kind is ScreenKind.IDLE  # the door behind did not get it
        host.tabs.setCurrentWidget(kiosk.window)
        present_to(kiosk, host, card)
        qtbot.waitUntil(lambda: kiosk.window.kind is ScreenKind.PIN, timeout=WAIT_MS)
    finally:
        host.release()
        kiosk.close()


def test_the_readme_names_the_sample_cards_pins_and_item_barcodes() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The demo")[1].split("\n## ")[0]
    for p in DEMO_PERSONAS:
        assert re.search(rf"{p.card}.*{p.pin}", section), f"{p.name}: card {p.card}, PIN {p.pin}"
    for item in default_items(START):
        assert item.item_id in section, item.title


def test_the_demo_shows_the_outputs_as_lamps_and_says_closing_into_a_file(
    qtbot: Any, tmp_path: Path, clock: FixedClock, config_path: Path
) -> None:
    from kiosk.config import load

    loaded = load(config_path)
    services = build_services(loaded, clock)
    relay = RecordingRelay("demo")
    kiosk = assemble(loaded, services, relay, clock, announcements_to=tmp_path / "said")
    assert kiosk.building is not None
    host = DemoHost(kiosk.window, None, relay, [], [], lambda _raw: None, kiosk.building)
    qtbot.addWidget(host)
    try:
        lamps = host.panel.findChild(BuildingPanel)
        assert lamps is not None
        assert set(lamps.lamps) == {"lights", "alarm", "pcs", "siren"}
        kiosk.building.drain()  # Saturday 12:00, self-service: lights and PCs on
        lamps.poll()
        assert [lamps.lamps[n][1].text() for n in ("lights", "alarm", "pcs", "siren")] == [
            "on", "off", "on", "off"]
        lamps.exit_button()
        kiosk.building.drain()
        assert kiosk.building.state.occupancy == 0  # counted (and never below nobody)
        lamps.say_closing()
        said = list((tmp_path / "said").glob("closing-15-*.wav"))
        assert len(said) == 1, lamps.said.text()
        assert str(said[0]) in lamps.said.text()
    finally:
        host.release()
        kiosk.close()

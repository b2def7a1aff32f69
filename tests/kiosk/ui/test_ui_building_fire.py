"""Issue 15: a fire alarm ends the session at the self-checkout. The kiosk as `kiosk run`
assembles it (door and checkout, mode "both") against the fake SIP2 server on 127.0.0.1; the
fire input's event goes to the building, which logs the alarm and ends the patron's session on
the checkout screen (the session's receipt page, then idle), and the normal state returns when
it clears."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from sip2kit import ANNA_CARD, ANNA_PIN, sip2_config
from sqlalchemy import select

from drivers.cardparse import parse_card
from drivers.fake import RecordingRelay
from drivers.types import DoorEventKind as K
from kiosk.app.assemble import assemble
from kiosk.building.flow import DoorInput
from kiosk.cache.models import BuildingEvent
from kiosk.checkout.flow import LOGGED_IN, Phase
from kiosk.clock import FixedClock
from kiosk.events import CardPresented
from kiosk.services import build_services
from kiosk.ui.screens.checkout import CheckoutScreen
from kiosk.ui.screens.technician_texts import building_lines
from sync.sip2.fakes.acs import FakeAcs


def log_in(qtbot: Any, screen: CheckoutScreen) -> None:
    screen.dispatch(CardPresented(parse_card(ANNA_CARD, "checkout")))
    qtbot.waitUntil(lambda: screen.state.phase is Phase.AWAITING_PIN, timeout=5000)
    keys = {key.text(): key for key in screen.pin_page.pad.keys}
    for digit in ANNA_PIN:
        qtbot.mouseClick(keys[digit], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.state.phase is Phase.SESSION, timeout=5000)


def test_a_fire_alarm_ends_the_checkout_session_and_is_logged_from_start_to_end(
    qtbot: Any, tmp_path: Path, acs: FakeAcs, clock: FixedClock
) -> None:
    loaded = sip2_config(tmp_path, acs.port, 'kiosk.mode="both"')
    services = build_services(loaded, clock)
    kiosk = assemble(loaded, services, RecordingRelay("door"), clock)
    assert kiosk.checkout is not None
    assert kiosk.building is not None
    screen, building = kiosk.checkout, kiosk.building
    qtbot.addWidget(screen)
    qtbot.addWidget(kiosk.window)
    try:
        log_in(qtbot, screen)
        building.post(DoorInput(K.FIRE_ALARM_ON, clock.monotonic()))
        building.drain()  # what the building's thread does (it is not started here)
        qtbot.waitUntil(lambda: screen.state.phase not in LOGGED_IN, timeout=5000)
        assert building.view().fire
        info = kiosk.technician.info({})  # what the technician screen shows
        assert info.building is not None
        assert building_lines(info.building)[0].endswith(": fire_alarm")  # the alarm in force
        assert building.output_states()["lights"][0] is True  # the way out lit
        clock.advance(600)
        building.post(DoorInput(K.FIRE_ALARM_OFF, clock.monotonic()))
        building.drain()
        assert not building.view().fire
        with services.sessions() as session:
            fire = session.scalars(select(BuildingEvent).where(
                BuildingEvent.kind == "fire_alarm")).all()
        assert [(e.ended_at - e.at).total_seconds() for e in fire] == [600.0]
    finally:
        kiosk.close()

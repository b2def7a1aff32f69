"""A relay board that stops taking commands puts the door out of order by itself, and back in
service once it answers again, with no patron involved (issue 12): an LCUS board on a pty whose
output is suspended (the board's USB-serial chip hangs), the real window and its worker."""

from __future__ import annotations

import termios
from collections.abc import Iterator
from pathlib import Path

import pytest
from ptykit import PtyPair, read_available
from uihelpers import START, Driver, fill, load_config

from drivers.relays import make_relay
from kiosk.app.assemble import Kiosk, assemble
from kiosk.cache.models import EntryLog
from kiosk.clock import FixedClock
from kiosk.door.view import ScreenKind
from kiosk.services import build_services
from sync.fakes.synthetic import persona

WAIT_MS = 15_000


@pytest.fixture
def board() -> Iterator[PtyPair]:
    pair = PtyPair.open()
    yield pair
    pair.close()


@pytest.fixture
def door(qtbot: object, tmp_path: Path, board: PtyPair) -> Iterator[tuple[Kiosk, Driver]]:
    clock = FixedClock(START)  # Monday 19:00, self-service: card and PIN open
    loaded = load_config(tmp_path)
    services = build_services(loaded, clock)
    fill(services)
    relay = make_relay("lcus", port=board.path, channel=1, probe_s=0.2)
    kiosk = assemble(loaded, services, relay, clock)
    qtbot.addWidget(kiosk.window)  # type: ignore[attr-defined]
    kiosk.window.resize(1280, 800)
    kiosk.window.show()
    kiosk.start()
    try:
        yield kiosk, Driver(kiosk, qtbot, clock)
    finally:
        termios.tcflow(board.slave, termios.TCOON)
        kiosk.close()
        read_available(board.master, quiet=0.05)
        services.close()


def test_a_stalled_board_is_out_of_order_until_it_answers_again(
    door: tuple[Kiosk, Driver], board: PtyPair, qtbot: object
) -> None:
    kiosk, driver = door
    wait = qtbot.waitUntil  # type: ignore[attr-defined]
    wait(lambda: driver.kind is ScreenKind.IDLE, timeout=WAIT_MS)
    termios.tcflow(board.slave, termios.TCOOFF)  # the board stops taking bytes
    wait(lambda: driver.kind is ScreenKind.OUT_OF_ORDER, timeout=WAIT_MS)
    assert "relay" in kiosk.services.faults
    assert "Write timeout" in kiosk.services.faults.messages()["relay"]

    # A patron now is refused as out of service, and nothing claims the door opened.
    valid = persona("valid")
    driver.card(valid.card)
    assert driver.kind is not ScreenKind.PIN
    with kiosk.services.sessions() as session:
        rows = session.query(EntryLog).all()
    assert [(r.granted, r.reason) for r in rows] == [(False, "out_of_service")]

    termios.tcflow(board.slave, termios.TCOON)  # the board answers again: the keeper's probe
    wait(lambda: "relay" not in kiosk.services.faults, timeout=WAIT_MS)
    driver.later(60)  # the refusal's screen has had its time
    wait(lambda: driver.kind is ScreenKind.IDLE, timeout=WAIT_MS)
    assert not kiosk.controller.out_of_service

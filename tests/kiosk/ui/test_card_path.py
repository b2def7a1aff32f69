"""docs/architecture.md names every file one card read passes through, from the serial port to
the relay and the entry log. This test follows a real read (a pty reader, an LCUS board on a
pty, the real window and worker) with a profiler on every thread and compares."""

from __future__ import annotations

import os
import re
import sys
import threading
from datetime import datetime
from pathlib import Path
from types import FrameType

from ptykit import PtyPair, read_available
from uihelpers import REPO, WAIT_MS, fill, load_config

from drivers.relays import make_relay
from kiosk.app.assemble import assemble
from kiosk.building.shell import BuildingShell
from kiosk.cache.models import EntryLog
from kiosk.clock import COPENHAGEN, FixedClock
from kiosk.door.flow import Phase
from kiosk.services import build_services, readers_from_config
from sync.fakes.synthetic import persona

MONDAY_NOON = datetime(2026, 11, 23, 12, 0, tzinfo=COPENHAGEN)  # staffed: a card alone opens
ON = bytes.fromhex("A00101A2")
RENDERING = re.compile(
    r"^kiosk/ui/(screens|widgets)/|^kiosk/ui/(theme|pending|i18n|speech)\.py$|^kiosk/speech/")
"""What the patron sees and hears after the decision: drawn (and read aloud) on the GUI thread,
off the card's path."""
AFTER_THE_DOOR = re.compile(r"^kiosk/(app/)?building(/|\.py$)")
"""The building hears of the grant once the relay has switched (a queue put on the worker,
then its own thread counts the entry): docs/architecture.md names it below the path."""


def documented_path() -> list[str]:
    text = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    block = text.split("<!-- card-path -->")[1].split("<!-- /card-path -->")[0]
    return re.findall(r"^\s*\d+\.\s+`((?:kiosk|drivers|sync)/[\w/]+\.py)`", block, re.M)


def settled(building: BuildingShell) -> bool:
    """Every output is where the building's last plan put it."""
    plan = building.state.plan
    return plan is not None and all(
        building.outputs[name].is_on == target.on for name, target in plan.outputs.items())


class Tracer:
    """Every repository file whose code runs while `on`, on any thread."""

    def __init__(self) -> None:
        self.on = False
        self.files: set[str] = set()
        self._root = str(REPO) + "/"

    def __call__(self, frame: FrameType, event: str, _arg: object) -> None:
        if self.on and event == "call":
            # The caller too: a reader thread's loop was entered before the tracer was on.
            for seen in (frame, frame.f_back):
                if seen is not None:
                    self._add(seen.f_code.co_filename)

    def _add(self, name: str) -> None:
        relative = name.removeprefix(self._root)
        if relative != name and relative.split("/")[0] in ("kiosk", "drivers", "sync"):
            self.files.add(relative)


def test_the_documented_card_path_is_the_real_one(qtbot: object, tmp_path: Path) -> None:
    board, port = PtyPair.open(), PtyPair.open()
    loaded = load_config(tmp_path, 'readers.door.driver="serial"',
                         f'readers.door.port="{port.path}"')
    clock = FixedClock(MONDAY_NOON)
    services = build_services(loaded, clock)
    fill(services)
    relay = make_relay("lcus", port=board.path, channel=1)
    kiosk = assemble(loaded, services, relay, clock, readers_from_config(loaded.config.readers))
    qtbot.addWidget(kiosk.window)  # type: ignore[attr-defined]
    tracer = Tracer()
    threading.setprofile(tracer)
    sys.setprofile(tracer)
    try:
        kiosk.window.show()
        kiosk.start()
        qtbot.waitUntil(lambda: "door" in kiosk.window.readers, timeout=WAIT_MS)  # type: ignore[attr-defined]
        # The building's first step (its outputs to where the calendar wants them) is its own
        # thread's start-up, not the card's: let it finish before tracing.
        building = kiosk.building
        assert building is not None
        qtbot.waitUntil(lambda: settled(building), timeout=WAIT_MS)  # type: ignore[attr-defined]
        read_available(board.master)  # the OFF of start-up
        card = persona("valid").card
        tracer.on = True
        os.write(port.master, card.encode() + b"\r")
        qtbot.waitUntil(lambda: kiosk.window.state.phase is Phase.GRANTED,  # type: ignore[attr-defined]
                        timeout=WAIT_MS)
        tracer.on = False
        assert read_available(board.master).startswith(ON)
        with services.sessions() as session:
            assert session.query(EntryLog).filter_by(granted=True).count() == 1
    finally:
        sys.setprofile(None)
        threading.setprofile(None)  # type: ignore[arg-type]
        kiosk.close()
        board.close()
        port.close()
    on_path = {f for f in tracer.files
               if not RENDERING.search(f) and not AFTER_THE_DOOR.search(f)}
    documented = documented_path()
    assert len(documented) == len(set(documented))
    assert sorted(on_path - set(documented)) == [], "on the path but not in the doc"
    assert sorted(set(documented) - tracer.files) == [], "in the doc but never ran"
    # issue 11: the path visited 26 files before the refactor, 25 after it; issue 12 put the
    # reader's bounded queue (drivers/delivery.py, backpressure) on it: 26, and no more.
    assert len(documented) <= 26

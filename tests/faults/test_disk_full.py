"""Disk full (reliability.md #7, #8), injected as SQLITE_FULL with PRAGMA max_page_count on every
connection: the door still decides from the cache, the technician sees "entry_log" in the
controller's faults, nothing already stored is lost, and writes recover when space returns."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from faultkit import seed_patrons
from sqlalchemy import event

from drivers.cardparse import parse_card
from drivers.fake import RecordingRelay
from kiosk.clock import COPENHAGEN, FixedClock
from kiosk.door.controller import DoorController
from kiosk.door.flow import DoorSettings
from kiosk.events import Cancelled, CardPresented
from kiosk.services import Services

STAFFED_AT = datetime(2026, 11, 23, 12, 0, tzinfo=COPENHAGEN)  # card only: no PIN needed
VALID_CARD = "3300000001"


def _cap_at_current_size(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    pages = cursor.execute("PRAGMA page_count").fetchone()[0]
    cursor.execute(f"PRAGMA max_page_count = {pages}")
    cursor.close()


def _visit(door: DoorController, card: str = VALID_CARD) -> str:
    door.handle(Cancelled())
    door.handle(CardPresented(parse_card(card, "door")))
    evaluation = door.state.evaluation
    assert evaluation is not None
    assert evaluation.decision is not None
    return str(evaluation.decision.reason)


def _rows(db: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as con:
        return con.execute("SELECT id, at, reason FROM entry_log ORDER BY id").fetchall()


def test_disk_full_keeps_the_door_deciding_and_loses_nothing(
    services: Services, clock: FixedClock
) -> None:
    seed_patrons(services, 50)
    clock.set(STAFFED_AT)
    relay = RecordingRelay()
    door = DoorController(services.access, relay, clock, DoorSettings(pulse_s=0.01),
                          services.faults)
    db = Path(services.engine.url.database or "")
    for _ in range(20):
        assert _visit(door) == "ok"
    stored = _rows(db)
    services.engine.dispose()
    event.listen(services.engine, "connect", _cap_at_current_size)
    for _ in range(2000):  # small rows fit into pages already there; the log fills them first
        _visit(door)
        if "entry_log" in door.faults:
            break
    assert door.faults.messages().get("entry_log") == "OperationalError"
    # Self-service stops while nothing can be logged, but the door still decides, from the
    # cache, without an exception; the relay is not pulsed for an unlogged visitor.
    pulses = sum(c.on for c in relay.commands)  # ONs: the last pulse's OFF may still come
    assert _visit(door) == "out_of_service"
    assert sum(c.on for c in relay.commands) == pulses
    event.remove(services.engine, "connect", _cap_at_current_size)
    services.engine.dispose()  # space is back
    assert _visit(door) in ("out_of_service", "ok")
    assert "entry_log" not in door.faults
    assert _visit(door) == "ok"
    after = _rows(db)
    assert after[: len(stored)] == stored, "an entry stored before the disk filled was lost"
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    relay.close()

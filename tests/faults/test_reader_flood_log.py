"""A reader sending short garbage lines fast (reliability.md #18, issue 12): at 9600 baud it
wrote 137 `unreadable_card` rows a second, each a synchronous entry-log write. Now a burst is
one row with its count, every garbage line is counted (none lost, none twice), and a valid card
after the flood still opens the door. A real SerialCardReader on a pty feeding the real door
controller and cache."""

from __future__ import annotations

import os
import threading
import time
import tty
from pathlib import Path

from kioskkit import SELF_SERVICE_AT, write_config
from ptykit import PtyPair
from sqlalchemy import func, select

from drivers.fake import RecordingRelay
from drivers.serial_reader import SerialCardReader
from drivers.types import CardRead, ReaderState, ReaderStatus
from kiosk.cache.models import EntryLog
from kiosk.clock import FixedClock
from kiosk.config import load
from kiosk.door.controller import DoorController
from kiosk.door.flow import DoorSettings
from kiosk.events import CardPresented
from kiosk.services import build_services

TECHNICIAN_CARD = "3300000099"
LINES_PER_WRITE = 48  # 9600 baud: 480 two-byte lines a second, written every 0.1 s
FLOOD_WRITES = 20


def test_a_flood_is_a_few_rows_with_counts_and_a_card_after_it_opens(tmp_path: Path) -> None:
    clock = FixedClock(SELF_SERVICE_AT)
    loaded = load(write_config(tmp_path), [f'access.technician_cards=["{TECHNICIAN_CARD}"]'])
    services = build_services(loaded, clock)
    relay = RecordingRelay()
    door = DoorController(services.access, relay, clock, DoorSettings(pulse_s=0.05),
                          services.faults)
    connected = threading.Event()

    def on_read(read: CardRead) -> None:  # the delivery thread: one read at a time, in order
        door.handle(CardPresented(read))

    def on_status(status: ReaderStatus) -> None:
        if status.state is ReaderState.CONNECTED:
            connected.set()

    pair = PtyPair.open()
    tty.setraw(pair.master)
    reader = SerialCardReader("door", pair.path, baudrate=9600, reconnect_s=0.05)
    reader.start(on_read, on_status)
    try:
        assert connected.wait(30)
        for _ in range(FLOOD_WRITES):
            os.write(pair.master, b"x\r" * LINES_PER_WRITE)
            threading.Event().wait(0.1)
        os.write(pair.master, TECHNICIAN_CARD.encode() + b"\r")
        deadline = time.monotonic() + 30
        while not any(c.on for c in relay.commands) and time.monotonic() < deadline:
            threading.Event().wait(0.05)
        assert any(c.on for c in relay.commands), "the card after the flood did not open"
    finally:
        reader.stop()
        relay.close()
    with services.sessions() as session:
        unreadable = session.scalars(
            select(EntryLog).where(EntryLog.reason == "unreadable_card")).all()
        granted = session.scalar(select(func.count()).where(EntryLog.granted.is_(True)))
    services.close()
    sent = FLOOD_WRITES * LINES_PER_WRITE
    assert sum(row.repeats for row in unreadable) == sent  # every line counted once
    assert len(unreadable) <= 10, f"{len(unreadable)} rows for a 2-second flood"
    assert granted == 1
    pair.close()

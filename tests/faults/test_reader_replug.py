"""Reader unplug and replug in a loop (reliability.md #19): the serial reader is configured with
a by-id style symlink; each round the pty behind it is closed (unplugged) and a new one appears
under the same link (replugged). The read written after every replug is delivered."""

from __future__ import annotations

import os
import queue
import threading
from pathlib import Path

import pytest
from ptykit import PtyPair, relink

from drivers.serial_reader import SerialCardReader
from drivers.types import CardRead, ReaderState, ReaderStatus

ROUNDS = 100


class Watch:
    def __init__(self) -> None:
        self.reads: queue.Queue[CardRead] = queue.Queue()
        self.connected = 0
        self._changed = threading.Condition()

    def on_read(self, read: CardRead) -> None:
        self.reads.put(read)

    def on_status(self, status: ReaderStatus) -> None:
        with self._changed:
            if status.state is ReaderState.CONNECTED:
                self.connected += 1
            self._changed.notify_all()

    def wait_connected(self, count: int, timeout: float = 3.0) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: self.connected >= count, timeout)


@pytest.mark.slow
def test_every_read_after_each_of_100_replugs_is_delivered(tmp_path: Path) -> None:
    link = tmp_path / "usb-Reader_1234-if00-port0"
    watch = Watch()
    current = PtyPair.open()
    relink(link, current.path)
    reader = SerialCardReader("door", str(link), reconnect_s=0.02, max_backoff_s=0.05)
    reader.start(watch.on_read, watch.on_status)
    delivered = []
    try:
        for n in range(1, ROUNDS + 1):
            assert watch.wait_connected(n), f"no reconnect after replug {n - 1}"
            card = f"33{n:08d}"
            os.write(current.master, card.encode() + b"\r")
            delivered.append(watch.reads.get(timeout=3).value)
            current.close()  # unplug
            current = PtyPair.open()  # replug under the same link
            relink(link, current.path)
    finally:
        reader.stop()
        current.close()
    assert delivered == [f"33{n:08d}" for n in range(1, ROUNDS + 1)]

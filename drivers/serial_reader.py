"""Serial magstripe/barcode readers that send a line per card (reference/protocols.md §E.3).

A thin thread around the pure LineFramer: read whatever arrived, feed it with the time, parse
each frame. Survives unplugging (ReconnectingReader). Nothing from kiosk/ or sync/.
"""

from __future__ import annotations

import codecs
import time
from collections.abc import Sequence
from typing import Final

import serial

from drivers.framing import DEFAULT_MAX_FRAME, LineFramer
from drivers.reconnect import DEFAULT_MAX_BACKOFF_S, ReconnectingReader

# How long one read() may block: short, so stop() and silence-ended frames are noticed fast.
_POLL_S: Final = 0.05


def open_serial(port: str, baudrate: int, timeout: float) -> serial.Serial:
    """Open `port` (a device path or a pyserial URL) exclusively where the platform allows it.

    Exclusive access (flock on POSIX) keeps a second kiosk process or a stray `cat` from
    stealing half of every read. URL handlers such as `loop://` ignore or reject the flag.
    """
    try:
        return serial.serial_for_url(port, baudrate=baudrate, timeout=timeout, exclusive=True)
    except (TypeError, ValueError):
        return serial.serial_for_url(port, baudrate=baudrate, timeout=timeout)


class SerialCardReader(ReconnectingReader):
    """A `CardReader` on a serial port; prefer a /dev/serial/by-id/... path in the config."""

    def __init__(
        self,
        name: str,
        port: str,
        baudrate: int = 9600,
        idle_gap_s: float = 0.1,
        card_patterns: Sequence[str] = (),
        reconnect_s: float = 0.5,
        encoding: str = "ascii",
        max_frame: int = DEFAULT_MAX_FRAME,
        max_backoff_s: float = DEFAULT_MAX_BACKOFF_S,
    ) -> None:
        super().__init__(name, card_patterns, reconnect_s, max_backoff_s)
        codecs.lookup(encoding)  # a typo in the config fails here, not on the first card
        if baudrate <= 0:
            raise ValueError(f"not a valid baudrate: {baudrate!r}")
        self.port = port
        self.baudrate = baudrate
        self.encoding = encoding
        self._framer = LineFramer(idle_gap_s, max_frame)

    def _session(self) -> None:
        self._framer.reset()
        with open_serial(self.port, self.baudrate, _POLL_S) as port:
            # Bytes queued while nobody listened belong to a read we cannot complete.
            port.reset_input_buffer()
            self._connected()
            self._pump(port)

    def _pump(self, port: serial.Serial) -> None:
        while not self._stop.is_set():
            # USB adapter unplugged -> SerialException (an OSError) from read or in_waiting.
            data = port.read(max(1, port.in_waiting))
            now = time.monotonic()
            frames = self._framer.feed(data, now) if data else []
            idle = self._framer.flush_idle(now)
            if idle is not None:
                frames.append(idle)
            for frame in frames:
                self._deliver(frame.decode(self.encoding, errors="replace"))

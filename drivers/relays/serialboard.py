"""Relay boards on a serial port (reference/protocols.md §E.1): subclasses say which bytes
switch a channel; the port itself is a SerialLink, one open port per board shared by every
channel this process switches on it.

A board's port can be opened once (exclusive: a second open fails, and two handles would
interleave their bytes anyway), but one LCUS-4 board may carry the door strike on channel 1
and the lights on channel 2. So every SerialBoardRelay gets its port through `SerialLink
.acquire`: the first user opens it, later users (the same device, also by another name such
as its /dev/serial/by-id link) share it, and the last `release` closes it. Writes are whole
commands under one lock. A board answers nothing we rely on, so "took the command" means the
bytes were written and flushed. After an unplug the next command reopens the port once before
it reports RelayFault, for whichever channel sends next. Nothing from kiosk/ or sync/.
"""

from __future__ import annotations

import logging
import os
import threading
from abc import abstractmethod
from typing import ClassVar, Final

import serial

from drivers.reconnect import DEVICE_ERRORS
from drivers.relays.base import DEFAULT_PROBE_S, BaseRelay
from drivers.types import RelayFault

log = logging.getLogger(__name__)

WRITE_TIMEOUT_S: Final = 0.5  # SerialTimeoutException is an OSError like the rest


def port_key(port: str) -> str:
    """The device behind a name: a by-id link and /dev/ttyUSB0 are one board."""
    return os.path.realpath(port) if port.startswith("/") else port


class SerialLink:
    _links: ClassVar[dict[str, SerialLink]] = {}
    _registry: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, port: str, baudrate: int) -> None:
        self.port = port
        self.key = port_key(port)
        """The device as found when the link was made (a by-id link may point elsewhere
        after a replug; the link stays registered under what it was made for)."""
        self.baudrate = baudrate
        self.users = 0
        self._lock = threading.Lock()
        self._serial: serial.Serial | None = None

    @classmethod
    def acquire(cls, port: str, baudrate: int) -> SerialLink:
        """The shared link to `port` (opened at the first write); ValueError when the port is
        already in use at another speed (one board, one speed)."""
        with cls._registry:
            link = cls._find(port)
            if link is None:
                link = SerialLink(port, baudrate)
                cls._links[link.key] = link
            elif link.baudrate != baudrate:
                raise ValueError(f"{port} is already in use at {link.baudrate} baud; one board "
                                 f"has one speed, got {baudrate}")
            link.users += 1
            return link

    @classmethod
    def shared(cls, port: str) -> SerialLink | None:
        """The link to `port` if some relay holds it (for tests and `kiosk status`)."""
        with cls._registry:
            return cls._find(port)

    @classmethod
    def _find(cls, port: str) -> SerialLink | None:
        key = port_key(port)
        return cls._links.get(key) or next(
            (link for link in cls._links.values() if link.port == port), None)

    def release(self) -> None:
        """One user fewer; the last one closes the port."""
        with SerialLink._registry:
            self.users -= 1
            last = self.users <= 0
            if last and SerialLink._links.get(self.key) is self:
                del SerialLink._links[self.key]
        if last:
            with self._lock:
                self._drop()

    def write(self, data: bytes) -> None:
        """Write one whole command and flush; RelayFault when the board cannot be reached."""
        with self._lock:
            try:
                self._write(data)
            except DEVICE_ERRORS as first:
                # Unplugged and replugged since the last command: the old handle is dead.
                self._drop()
                try:
                    self._write(data)
                except DEVICE_ERRORS as err:
                    self._drop()
                    raise RelayFault(f"{self.port}: {err}") from first

    def _open(self) -> serial.Serial:
        try:
            return serial.serial_for_url(self.port, baudrate=self.baudrate,
                                         timeout=WRITE_TIMEOUT_S, write_timeout=WRITE_TIMEOUT_S,
                                         exclusive=True)
        except (TypeError, ValueError):  # URL handlers (loop://) know no exclusive open
            return serial.serial_for_url(self.port, baudrate=self.baudrate,
                                         write_timeout=WRITE_TIMEOUT_S)

    def _write(self, data: bytes) -> None:
        if self._serial is None:
            self._serial = self._open()
        # Numato echoes every command; nobody reads replies, so keep them from piling up.
        self._serial.reset_input_buffer()
        self._serial.write(data)
        self._serial.flush()

    def _drop(self) -> None:
        port, self._serial = self._serial, None
        if port is not None:
            try:
                port.close()
            except DEVICE_ERRORS as err:
                log.debug("closing %s: %s", self.port, err)


class SerialBoardRelay(BaseRelay):
    """Base of the serial boards: subclasses only say which bytes switch a channel."""

    def __init__(
        self,
        name: str,
        port: str,
        baudrate: int,
        channel: int,
        probe_s: float | None = DEFAULT_PROBE_S,
    ) -> None:
        super().__init__(name, probe_s)
        if baudrate <= 0:
            raise ValueError(f"not a valid baudrate: {baudrate!r}")
        self.port = port
        self.baudrate = baudrate
        self.channel = channel
        self._command(True)  # validates the channel before anything is opened
        self._link = SerialLink.acquire(port, baudrate)
        self._start()

    @abstractmethod
    def _command(self, on: bool) -> bytes:
        """The bytes that switch `self.channel` on or off; ValueError for a bad channel."""

    def _send(self, on: bool) -> None:
        self._link.write(self._command(on))

    def _release(self) -> None:
        self._link.release()

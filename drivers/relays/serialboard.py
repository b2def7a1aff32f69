"""Relay boards on a serial port (reference/protocols.md §E.1): open, write, reopen once.

A board answers nothing we rely on, so "took the command" means the bytes were written and
flushed. After an unplug the next command reopens the port once before it reports RelayFault.
Nothing from kiosk/ or sync/.
"""

from __future__ import annotations

import logging
from abc import abstractmethod
from typing import Final

import serial

from drivers.reconnect import DEVICE_ERRORS
from drivers.relays.base import BaseRelay
from drivers.types import RelayFault

log = logging.getLogger(__name__)

_WRITE_TIMEOUT_S: Final = 0.5  # SerialTimeoutException is an OSError like the rest


class SerialBoardRelay(BaseRelay):
    """Base of the serial boards: subclasses only say which bytes switch a channel."""

    def __init__(self, name: str, port: str, baudrate: int, channel: int) -> None:
        super().__init__(name)
        if baudrate <= 0:
            raise ValueError(f"not a valid baudrate: {baudrate!r}")
        self.port = port
        self.baudrate = baudrate
        self.channel = channel
        self._serial: serial.Serial | None = None
        self._command(True)  # validates the channel before anything is opened
        self._start()

    @abstractmethod
    def _command(self, on: bool) -> bytes:
        """The bytes that switch `self.channel` on or off; ValueError for a bad channel."""

    def _open(self) -> serial.Serial:
        try:
            return serial.serial_for_url(
                self.port,
                baudrate=self.baudrate,
                timeout=_WRITE_TIMEOUT_S,
                write_timeout=_WRITE_TIMEOUT_S,
                exclusive=True,
            )
        except (TypeError, ValueError):
            return serial.serial_for_url(
                self.port, baudrate=self.baudrate, write_timeout=_WRITE_TIMEOUT_S
            )

    def _send(self, on: bool) -> None:
        data = self._command(on)
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

    def _release(self) -> None:
        self._drop()

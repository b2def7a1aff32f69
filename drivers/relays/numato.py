"""Numato USB relay modules (CDC ttyACM, vendor 0x2a19): ASCII `relay on N` + CR (§E.1).

Relays are numbered from 0; numbers from 10 are sent as letters (10 = A, 11 = B, ...).
"""

from __future__ import annotations

import string
from typing import Final

from drivers.relays.base import DEFAULT_PROBE_S
from drivers.relays.serialboard import SerialBoardRelay

_DIGITS: Final = string.digits + string.ascii_uppercase[:22]  # 0-9, A-V: 32 relays


def numato_index(channel: int) -> str:
    if not 0 <= channel < len(_DIGITS):
        raise ValueError(f"Numato relay number must be 0..{len(_DIGITS) - 1}, got {channel!r}")
    return _DIGITS[channel]


def numato_command(channel: int, on: bool) -> bytes:
    return f"relay {'on' if on else 'off'} {numato_index(channel)}\r".encode("ascii")


class NumatoRelay(SerialBoardRelay):
    def __init__(
        self,
        port: str,
        channel: int = 0,
        baudrate: int = 9600,
        name: str = "numato",
        probe_s: float | None = DEFAULT_PROBE_S,
    ) -> None:
        super().__init__(name, port, baudrate, channel, probe_s)

    def _command(self, on: bool) -> bytes:
        return numato_command(self.channel, on)

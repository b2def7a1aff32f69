"""LCUS-1/2/4/8 boards (CH340, usually 1a86:7523): `A0 ch op sum` at 9600 8N1 (§E.1)."""

from __future__ import annotations

from typing import Final

from drivers.relays.base import DEFAULT_PROBE_S
from drivers.relays.serialboard import SerialBoardRelay

HEADER: Final = 0xA0


def lcus_command(channel: int, on: bool) -> bytes:
    """`A0 01 01 A2` switches channel 1 on, `A0 01 00 A1` off; sum = (0xA0 + ch + op) & 0xFF."""
    if not 1 <= channel <= 8:
        raise ValueError(f"LCUS channel must be 1..8, got {channel!r}")
    op = 1 if on else 0
    return bytes((HEADER, channel, op, (HEADER + channel + op) & 0xFF))


class LcusRelay(SerialBoardRelay):
    def __init__(
        self,
        port: str,
        channel: int = 1,
        baudrate: int = 9600,
        name: str = "lcus",
        probe_s: float | None = DEFAULT_PROBE_S,
    ) -> None:
        super().__init__(name, port, baudrate, channel, probe_s)

    def _command(self, on: bool) -> bytes:
        return lcus_command(self.channel, on)

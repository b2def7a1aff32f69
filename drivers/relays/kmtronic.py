"""KMTronic USB relay boards: `FF nn 01` on, `FF nn 00` off at 9600 8N1 (§E.1)."""

from __future__ import annotations

from drivers.relays.base import DEFAULT_PROBE_S
from drivers.relays.serialboard import SerialBoardRelay


def kmtronic_command(channel: int, on: bool) -> bytes:
    if not 1 <= channel <= 8:
        raise ValueError(f"KMTronic channel must be 1..8, got {channel!r}")
    return bytes((0xFF, channel, 1 if on else 0))


class KmtronicRelay(SerialBoardRelay):
    def __init__(
        self,
        port: str,
        channel: int = 1,
        baudrate: int = 9600,
        name: str = "kmtronic",
        probe_s: float | None = DEFAULT_PROBE_S,
    ) -> None:
        super().__init__(name, port, baudrate, channel, probe_s)

    def _command(self, on: bool) -> bytes:
        return kmtronic_command(self.channel, on)

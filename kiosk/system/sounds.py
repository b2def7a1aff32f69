"""Optional sounds for granted and denied: two short WAV tones made here (no audio assets to
ship) and played by a configured program such as `aplay`, never waited for."""

from __future__ import annotations

import logging
import math
import struct
import subprocess
import wave
from collections.abc import Sequence
from pathlib import Path
from typing import Final

log = logging.getLogger(__name__)
RATE: Final = 16_000
# Rising two-note chime for a grant, one low note for a denial: told apart without looking.
TONES: Final[dict[str, tuple[tuple[float, float], ...]]] = {
    "granted": ((660.0, 0.12), (880.0, 0.18)),
    "denied": ((330.0, 0.35),),
}


def write_tone(path: Path, notes: Sequence[tuple[float, float]], volume: float = 0.4) -> None:
    frames = bytearray()
    for frequency, seconds in notes:
        count = int(RATE * seconds)
        for n in range(count):
            fade = min(1.0, n / 160, (count - n) / 160)  # no clicks at the note edges
            sample = volume * fade * math.sin(2 * math.pi * frequency * n / RATE)
            frames += struct.pack("<h", int(sample * 32767))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))


class Sounds:
    """Calls `command + [file]` for "granted" and "denied"; other beep kinds are silent."""

    def __init__(self, command: Sequence[str], directory: Path) -> None:
        self.command = list(command)
        self.files: dict[str, Path] = {}
        self._running: list[subprocess.Popen[bytes]] = []
        if not self.command:
            return
        directory.mkdir(parents=True, exist_ok=True)
        for kind, notes in TONES.items():
            path = directory / f"{kind}.wav"
            if not path.exists():
                write_tone(path, notes)
            self.files[kind] = path

    def play(self, kind: str) -> None:
        path = self.files.get(kind)
        if path is None:
            return
        self._running = [p for p in self._running if p.poll() is None]  # reap finished ones
        try:
            player = subprocess.Popen(
                [*self.command, str(path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError as err:
            log.warning("sound %s not played: %s", kind, err)
        else:
            self._running.append(player)

    def wait(self, timeout: float) -> None:
        """Let the players still sounding finish (shutdown, tests)."""
        for player in self._running:
            try:
                player.wait(timeout)
            except subprocess.TimeoutExpired:
                player.kill()
                player.wait()
        self._running.clear()

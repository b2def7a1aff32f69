"""How loud a WAV file is: the check that speech rendered to a file is not silence."""

from __future__ import annotations

import array
import math
import wave
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Loudness:
    seconds: float
    rms: float
    """Root mean square of the samples, on the 16-bit scale (0..32767)."""
    voiced_seconds: float
    """Time in 20 ms windows whose RMS is above `floor`."""


def loudness(path: Path, floor: float = 300.0) -> Loudness:
    """The length, overall RMS and voiced time of a 16-bit PCM WAV file."""
    with wave.open(str(path), "rb") as wav:
        if wav.getsampwidth() != 2:
            raise ValueError(f"{path.name}: {8 * wav.getsampwidth()}-bit samples, expected 16")
        rate, channels = wav.getframerate(), wav.getnchannels()
        samples = array.array("h", wav.readframes(wav.getnframes()))
    if not samples:
        return Loudness(0.0, 0.0, 0.0)
    window = max(1, rate * channels // 50)
    voiced = 0
    for start in range(0, len(samples), window):
        if _rms(samples[start:start + window]) > floor:
            voiced += 1
    return Loudness(len(samples) / (rate * channels), _rms(samples), voiced / 50)


def _rms(samples: array.array[int]) -> float:
    return math.sqrt(sum(s * s for s in samples) / len(samples)) if samples else 0.0

"""Announcements made audible: a WAV file the library supplies, or text spoken by espeak-ng
(kiosk/speech, the program of [speech]; Danish, then English), scaled to the volume for the
time of day and handed to the player (kiosk.sound_command: `aplay -q`, `pw-play`, ...) or
written to a file (the demo, tests).

The samples are scaled here, not by the player, so the volume rule works with any player and
any sound card. Spoken text is rendered once and kept in the cache folder. Only 16-bit PCM
WAV is read (what espeak-ng writes and what every editor exports).
"""

from __future__ import annotations

import array
import hashlib
import logging
import shutil
import subprocess
import sys
import tempfile
import wave
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path
from typing import Final, Protocol

from kiosk.config.building import DEFAULT_CLOSING, AnnouncementSection, SoundSection
from kiosk.speech.espeak import EspeakSpeech, SpeechError

log = logging.getLogger(__name__)
PAUSE_S: Final = 0.4
"""Between the Danish and the English sentence."""
LANGUAGES: Final = ("da", "en")


class AnnouncementError(Exception):
    """The announcement could not be rendered or played; the message says why, in one line."""


@dataclass(frozen=True, slots=True)
class Pcm:
    """16-bit PCM samples with their format."""

    channels: int
    rate: int
    frames: bytes

    @property
    def seconds(self) -> float:
        return len(self.frames) / (2 * self.channels * self.rate)


def read_wav(path: Path) -> Pcm:
    try:
        with wave.open(str(path), "rb") as f:
            if f.getsampwidth() != 2 or f.getcomptype() != "NONE":
                raise AnnouncementError(f"{path}: only 16-bit PCM WAV is played; convert it, "
                                        f"e.g. ffmpeg -i in.mp3 -acodec pcm_s16le out.wav")
            return Pcm(f.getnchannels(), f.getframerate(), f.readframes(f.getnframes()))
    except (OSError, EOFError, wave.Error) as err:
        raise AnnouncementError(f"{path}: not a readable WAV file ({err})") from None


def write_wav(path: Path, pcm: Pcm) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with wave.open(str(tmp), "wb") as f:
        f.setnchannels(pcm.channels)
        f.setsampwidth(2)
        f.setframerate(pcm.rate)
        f.writeframes(pcm.frames)
    tmp.replace(path)


def scaled(pcm: Pcm, percent: int) -> Pcm:
    samples = array.array("h", pcm.frames)
    if sys.byteorder == "big":
        samples.byteswap()  # WAV is little-endian
    factor = percent / 100
    samples = array.array("h", (int(s * factor) for s in samples))
    if sys.byteorder == "big":
        samples.byteswap()
    return Pcm(pcm.channels, pcm.rate, samples.tobytes())


def volume_at(volumes: Mapping[time, int], at: time) -> int:
    """The percentage set for the latest time of day at or before `at` (wrapping midnight)."""
    if not volumes:
        return 100
    ordered = sorted(volumes.items())
    chosen = ordered[-1][1]
    for start, percent in ordered:
        if start <= at:
            chosen = percent
    return chosen


class Player(Protocol):
    def play(self, path: Path, label: str) -> Path | None:
        """Make `path` heard (or kept); returns the file written, if any."""
        ...


class CommandPlayer:
    """`command + [file]`, never waited for (an announcement must not hold up the building)."""

    def __init__(self, command: Sequence[str]) -> None:
        self.command = list(command)
        self._running: list[subprocess.Popen[bytes]] = []

    def play(self, path: Path, label: str) -> Path | None:  # noqa: ARG002 - the role's
        self._running = [p for p in self._running if p.poll() is None]
        try:
            self._running.append(subprocess.Popen(
                [*self.command, str(path)], stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        except OSError as err:
            raise AnnouncementError(f"cannot run {self.command[0]}: {err.strerror}") from None
        return None

    def wait(self, timeout: float) -> None:
        """Let the players still sounding finish (shutdown, tests)."""
        for player in self._running:
            try:
                player.wait(timeout)
            except subprocess.TimeoutExpired:
                player.kill()
                player.wait()
        self._running.clear()


class FilePlayer:
    """Keeps each announcement as a WAV file in `directory` (the demo, tests, a dry run)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def play(self, path: Path, label: str) -> Path | None:
        self.directory.mkdir(parents=True, exist_ok=True)
        target = self.directory / f"{label}.wav"
        shutil.copyfile(path, target)
        return target


class Announcer:
    def __init__(self, announcements: Mapping[str, AnnouncementSection], sound: SoundSection,
                 base_dir: Path, cache_dir: Path, player: Player | None,
                 speech: EspeakSpeech | None = None) -> None:
        self.announcements = {"closing": DEFAULT_CLOSING, **announcements}
        self.sound = sound
        self.base_dir = base_dir
        self.cache_dir = cache_dir
        self.player = player
        self.speech = speech or EspeakSpeech()

    def say(self, name: str, minutes: int | None, at: datetime) -> Path | None:
        """Render and play; AnnouncementError says what went wrong."""
        rendered = self.render(name, minutes, at)
        if self.player is None:
            return None
        label = f"{name}-{minutes}" if minutes is not None else name
        return self.player.play(rendered, f"{label}-{at:%Y%m%d-%H%M%S}")

    def render(self, name: str, minutes: int | None, at: datetime) -> Path:
        """The WAV file to play for `name` at `at`, at that time of day's volume."""
        section = self.announcements.get(name)
        if section is None:
            raise AnnouncementError(f"no announcement {name!r}")
        pcm = self._file(section, minutes) if section.file else self._speak(section, minutes)
        percent = volume_at(self.sound.volume, at.time())
        out = self.cache_dir / f"say-{name}.wav"
        write_wav(out, scaled(pcm, percent))
        return out

    def _file(self, section: AnnouncementSection, minutes: int | None) -> Pcm:
        path = Path(section.file.replace("{minutes}", str(minutes or 0)))
        return read_wav(path if path.is_absolute() else self.base_dir / path)

    def _speak(self, section: AnnouncementSection, minutes: int | None) -> Pcm:
        parts = []
        for lang in LANGUAGES:
            text = section.text.get(lang)
            if text:
                parts.append(self._tts(lang, text.replace("{minutes}", str(minutes or 0))))
        return _joined(parts)

    def _tts(self, lang: str, text: str) -> Pcm:
        """Spoken once per text and program; kept in the cache folder."""
        key = f"{self.speech.command(lang)}|{text}"
        cached = self.cache_dir / f"tts-{hashlib.sha256(key.encode()).hexdigest()[:20]}.wav"
        if cached.exists():
            return read_wav(cached)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=self.cache_dir) as tmp:
            raw = Path(tmp) / "speech.wav"
            try:
                self.speech.render(text, lang, raw)
            except SpeechError as err:
                raise AnnouncementError(f"text to speech failed: {err}") from None
            pcm = read_wav(raw)
            write_wav(cached, pcm)
        return pcm


def _joined(parts: list[Pcm]) -> Pcm:
    if not parts:
        raise AnnouncementError("nothing to say")
    first = parts[0]
    pause = bytes(2 * first.channels * int(first.rate * PAUSE_S))
    frames = bytearray(first.frames)
    for part in parts[1:]:
        if (part.channels, part.rate) != (first.channels, first.rate):
            raise AnnouncementError("the spoken languages came out in different formats")
        frames += pause + part.frames
    return Pcm(first.channels, first.rate, bytes(frames))

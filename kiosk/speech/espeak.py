"""Text to speech through espeak-ng (Debian package `espeak-ng`), Danish, English and the
screen's other languages: spoken on the audio device, or rendered to a WAV file.

One utterance at a time: a new one cuts the last short (the patron has moved on). The text
goes to the program on stdin, never on its command line (no quoting, no length limit, and it
does not show in the process list).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final, Protocol

log = logging.getLogger(__name__)

VOICES: Final[Mapping[str, str]] = {
    "da": "da", "en": "en-gb", "de": "de", "pl": "pl", "uk": "uk", "ar": "ar",
}
"""espeak-ng voice per screen language (`espeak-ng --voices` lists them)."""
RENDER_TIMEOUT_S: Final = 30.0


class Speech(Protocol):
    """Something that speaks: espeak-ng on a kiosk, a recorder in tests."""

    def say(self, text: str, lang: str) -> None: ...

    def stop(self) -> None: ...


class SpeechError(Exception):
    """The speech program is missing or refused the text."""


class EspeakSpeech:
    """`program` is espeak-ng (and any options of the site's); `player`, when given, plays the
    WAV that espeak-ng writes to its stdout (e.g. ["aplay", "-q", "-D", "plughw:1"] for the
    headphone jack); empty, espeak-ng plays on the default audio device itself."""

    def __init__(self, program: Sequence[str] = ("espeak-ng",), player: Sequence[str] = (),
                 words_per_minute: int = 150) -> None:
        self.program = tuple(program)
        self.player = tuple(player)
        self.words_per_minute = words_per_minute
        self._running: list[subprocess.Popen[bytes]] = []

    @property
    def available(self) -> bool:
        return bool(self.program) and shutil.which(self.program[0]) is not None

    def command(self, lang: str, *extra: str) -> list[str]:
        voice = VOICES.get(lang, VOICES["en"])
        return [*self.program, "-v", voice, "-s", str(self.words_per_minute), *extra, "--stdin"]

    def render(self, text: str, lang: str, path: Path) -> None:
        """Speak `text` into the WAV file `path` (waits until it is written)."""
        try:
            subprocess.run(self.command(lang, "-w", str(path)), input=text.encode("utf-8"),
                           capture_output=True, timeout=RENDER_TIMEOUT_S, check=True)
        except (OSError, subprocess.SubprocessError) as err:
            raise SpeechError(f"{self.program[0]}: {err}") from err

    def say(self, text: str, lang: str) -> None:
        """Start speaking `text`; returns at once. Cuts short what was being said."""
        self.stop()
        try:
            if self.player:
                self._pipe(text, lang)
            else:
                self._start(self.command(lang), text)
        except OSError as err:
            log.warning("speech: cannot run %s: %s", self.program[0], err.strerror)

    def _start(self, command: list[str], text: str) -> None:
        speaker = subprocess.Popen(command, stdin=subprocess.PIPE,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._running.append(speaker)
        self._feed(speaker, text)

    def _pipe(self, text: str, lang: str) -> None:
        speaker = subprocess.Popen(self.command(lang, "--stdout"),
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL)
        self._running.append(speaker)
        player = subprocess.Popen(self.player, stdin=speaker.stdout,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._running.append(player)
        if speaker.stdout is not None:
            speaker.stdout.close()  # the player holds the pipe now
        self._feed(speaker, text)

    @staticmethod
    def _feed(process: subprocess.Popen[bytes], text: str) -> None:
        if process.stdin is None:
            return
        try:
            process.stdin.write(text.encode("utf-8"))
            process.stdin.close()
        except BrokenPipeError:
            log.warning("speech: the speech program ended before it read the text")

    def stop(self) -> None:
        """Stop speaking now, and reap what has finished."""
        for process in self._running:
            if process.poll() is None:
                process.terminate()
            try:
                process.wait(timeout=1.0)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._running = []

    def close(self) -> None:
        self.stop()

"""Announcements rendered to WAV files and measured: espeak-ng speaks the closing announcement
in Danish and English (not silence), the volume follows the time of day, a library's own WAV
is used as it is, and what cannot be said is one clear error. Figures are printed."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path

import pytest

from kiosk.clock import COPENHAGEN
from kiosk.config.building import AnnouncementSection, SoundSection
from kiosk.speech.espeak import EspeakSpeech
from kiosk.speech.wav import loudness
from kiosk.system.announcer import (
    AnnouncementError,
    Announcer,
    CommandPlayer,
    FilePlayer,
    read_wav,
    volume_at,
)
from kiosk.system.sounds import write_tone

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="espeak-ng is not installed and could not be (scripts/setup installs the Debian "
           "package as root)")
EVENING = datetime(2026, 11, 24, 21, 45, tzinfo=COPENHAGEN)
MORNING = datetime(2026, 11, 24, 9, 0, tzinfo=COPENHAGEN)
VOLUMES = SoundSection.model_validate({"volume": {"00:00": 50, "07:00": 100, "21:00": 80}})


def announcer(tmp_path: Path, sections: dict[str, AnnouncementSection] | None = None,
              player: FilePlayer | CommandPlayer | None = None,
              speech: EspeakSpeech | None = None) -> Announcer:
    return Announcer(sections or {}, VOLUMES, tmp_path, tmp_path / "cache",
                     player or FilePlayer(tmp_path / "said"), speech)


@needs_espeak
def test_the_closing_announcement_is_spoken_in_danish_then_english(
    tmp_path: Path, figures: Callable[[str], None]
) -> None:
    said = announcer(tmp_path).say("closing", 15, EVENING)
    assert said is not None
    assert said.name == "closing-15-20261124-214500.wav"
    heard = loudness(said)
    danish_only = announcer(tmp_path, {"closing": AnnouncementSection(
        text={"da": "Biblioteket lukker om 15 minutter."})}).render("closing", 15, EVENING)
    figures(f"announcement closing-15 (da+en): {heard.seconds:.2f} s, RMS {heard.rms:.0f}, "
            f"voiced {heard.voiced_seconds:.2f} s; Danish alone "
            f"{loudness(danish_only).seconds:.2f} s")
    assert heard.voiced_seconds > 1.5  # speech, not silence
    assert heard.seconds > loudness(danish_only).seconds + 1.0  # and the English after it


@needs_espeak
def test_the_volume_follows_the_time_of_day(tmp_path: Path,
                                            figures: Callable[[str], None]) -> None:
    speaker = announcer(tmp_path)
    loud = loudness(speaker.render("closing", 10, MORNING)).rms      # 100 % from 07:00
    evening = loudness(speaker.render("closing", 10, EVENING)).rms   # 80 % from 21:00
    figures(f"announcement RMS at 09:00 {loud:.0f}, at 21:45 {evening:.0f} "
            f"({evening / loud:.0%})")
    assert evening / loud == pytest.approx(0.8, abs=0.01)


@pytest.mark.parametrize(("at", "percent"), [
    (time(0, 0), 50), (time(6, 59), 50), (time(7, 0), 100), (time(20, 59), 100),
    (time(21, 0), 80), (time(23, 59), 80),
])
def test_volume_at(at: time, percent: int) -> None:
    assert volume_at(VOLUMES.volume, at) == percent


def test_a_library_s_own_wav_file_is_played_scaled(tmp_path: Path) -> None:
    write_tone(tmp_path / "lukker-15.wav", [(440.0, 1.0)], volume=0.5)
    sections = {"closing": AnnouncementSection(file="lukker-{minutes}.wav")}
    said = announcer(tmp_path, sections).say("closing", 15, EVENING)
    assert said is not None
    original, played = loudness(tmp_path / "lukker-15.wav"), loudness(said)
    assert played.seconds == pytest.approx(1.0, abs=0.01)
    assert played.rms / original.rms == pytest.approx(0.8, abs=0.01)


def test_a_player_command_gets_the_rendered_file(tmp_path: Path) -> None:
    write_tone(tmp_path / "bye.wav", [(440.0, 0.3)])
    copy = tmp_path / "heard.wav"
    script = f"import shutil, sys; shutil.copyfile(sys.argv[1], {str(copy)!r})"
    player = CommandPlayer([sys.executable, "-c", script])
    sections = {"bye": AnnouncementSection(file="bye.wav")}
    announcer(tmp_path, sections, player).say("bye", None, MORNING)
    player.wait(10.0)
    assert read_wav(copy).seconds == pytest.approx(0.3, abs=0.01)


@pytest.mark.parametrize(("setup", "words"), [
    ("missing_program", ["text to speech failed", "no-such-tts"]),
    ("not_a_wav", ["bye.wav", "not a readable WAV"]),
    ("eight_bit", ["bye.wav", "16-bit PCM"]),
    ("unknown", ["no announcement 'nothing'"]),
])
def test_what_cannot_be_said_is_one_clear_error(tmp_path: Path, setup: str,
                                                words: list[str]) -> None:
    speech = EspeakSpeech(program=("no-such-tts",)) if setup == "missing_program" else None
    bye = tmp_path / "bye.wav"
    bye.write_bytes(b"ID3\x03 not a wave file")
    if setup == "eight_bit":
        import wave
        with wave.open(str(bye), "wb") as f:
            f.setnchannels(1)
            f.setsampwidth(1)
            f.setframerate(8000)
            f.writeframes(bytes(800))
    sections = {"bye": AnnouncementSection(file="bye.wav")}
    name = {"missing_program": "closing", "unknown": "nothing"}.get(setup, "bye")
    with pytest.raises(AnnouncementError) as caught:
        announcer(tmp_path, sections, speech=speech).say(name, 5, MORNING)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message

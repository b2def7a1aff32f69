"""Speech output through espeak-ng, rendered to a WAV file and measured (issue 17): Danish and
English (and the other screen languages) say something, not silence. Figures are printed."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.reasons import SCREEN_LANGS
from kiosk.speech.espeak import VOICES, EspeakSpeech, SpeechError
from kiosk.speech.switch import SpeechSwitch
from kiosk.speech.wav import loudness

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="espeak-ng is not installed and could not be (scripts/setup installs the Debian "
           "package as root)")

SAYINGS = {
    "da": "Ciffer tastet. Forkert pinkode. Prøv igen.",
    "en": "Digit entered. Wrong PIN. Please try again.",
    "de": "Ziffer eingegeben. Falsche PIN.",
    "pl": "Wpisano cyfrę. Błędny PIN.",
    "uk": "Цифру введено. Неправильний PIN-код.",
    "ar": "تم إدخال رقم. رمز سري خاطئ.",
}


@needs_espeak
@pytest.mark.parametrize("lang", SCREEN_LANGS)
def test_speech_renders_to_a_file_that_is_not_silence(
    tmp_path: Path, lang: str, figures: Callable[[str], None]
) -> None:
    path = tmp_path / f"{lang}.wav"
    EspeakSpeech().render(SAYINGS[lang], lang, path)
    heard = loudness(path)
    figures(f"speech {lang} (voice {VOICES[lang]}): {heard.seconds:.2f} s, RMS {heard.rms:.0f}, "
            f"voiced {heard.voiced_seconds:.2f} s")
    assert heard.seconds > 0.8
    assert heard.rms > 500
    assert heard.voiced_seconds > 0.5


def test_silence_is_measured_as_silence(tmp_path: Path) -> None:
    import wave

    path = tmp_path / "silence.wav"
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(22050)
        wav.writeframes(b"\x00\x00" * 22050)
    figures = loudness(path)
    assert (figures.seconds, figures.rms, figures.voiced_seconds) == (1.0, 0.0, 0.0)


def test_a_missing_program_is_a_clear_error(tmp_path: Path) -> None:
    speech = EspeakSpeech(program=("no-such-speech-program",))
    assert not speech.available
    with pytest.raises(SpeechError, match="no-such-speech-program"):
        speech.render("hej", "da", tmp_path / "x.wav")
    speech.say("hej", "da")  # logged, never raised at a patron


@needs_espeak
def test_the_text_goes_on_stdin_never_on_the_command_line() -> None:
    command = EspeakSpeech().command("da")
    assert command[-1] == "--stdin"
    assert command[command.index("-v") + 1] == "da"


@pytest.mark.parametrize(("script", "on"), [
    ([("toggle",)], True),
    ([("toggle",), ("toggle",)], False),
    ([("toggle",), ("idle", 0.0), ("idle", 59.0)], True),
    ([("toggle",), ("idle", 0.0), ("idle", 60.0)], False),
    ([("toggle",), ("idle", 0.0), ("busy", 30.0), ("idle", 70.0), ("idle", 129.0)], True),
], ids=["on", "off_again", "idle_under_a_minute", "idle_a_minute", "a_visit_restarts_it"])
def test_speech_turns_itself_off_when_the_screen_stands_idle(script: list[tuple[object, ...]],
                                                             on: bool) -> None:
    switch = SpeechSwitch()
    for step in script:
        if step[0] == "toggle":
            switch = switch.toggled()
        else:
            switch = switch.seen(step[0] == "idle", float(step[1]), reset_after=60.0)  # type: ignore[arg-type]
    assert switch.on is on

"""Optional door sounds: real WAV files, played by the configured program, never waited for."""

from __future__ import annotations

import sys
import wave
from pathlib import Path

from kiosk.system.sounds import RATE, Sounds


def test_no_command_means_no_sounds_and_no_files(tmp_path: Path) -> None:
    sounds = Sounds((), tmp_path / "sounds")
    sounds.play("granted")
    assert not (tmp_path / "sounds").exists()


def test_granted_and_denied_are_distinct_wav_files_handed_to_the_program(tmp_path: Path) -> None:
    played = tmp_path / "played.txt"
    # The "player" appends the file it was given to played.txt, like `aplay FILE` would play it.
    player = [sys.executable, "-c",
              f"import sys; open({str(played)!r}, 'a').write(sys.argv[1] + chr(10))"]
    sounds = Sounds(player, tmp_path / "sounds")
    for kind in ("granted", "denied", "key"):
        sounds.play(kind)
    for path in sounds.files.values():
        with wave.open(str(path)) as wav:
            assert wav.getframerate() == RATE
            assert wav.getnframes() > RATE // 10
    assert sounds.files["granted"].read_bytes() != sounds.files["denied"].read_bytes()
    sounds.wait(10)  # the players run in the background; the kiosk never waits for them
    assert sorted(played.read_text().splitlines()) == sorted(
        str(sounds.files[k]) for k in ("granted", "denied")
    )


def test_a_missing_program_is_logged_not_raised(tmp_path: Path) -> None:
    Sounds(["/nonexistent/player"], tmp_path / "s").play("denied")

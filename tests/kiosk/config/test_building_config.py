"""Bad building settings ([outputs], [[calendar.actions]], [alarms], [announcements], [sound],
[occupancy]) stop `kiosk` with exit 2 and one line naming the key and what is allowed; the
shipped config's building is valid and check-config prints its next 24 hours."""

from __future__ import annotations

from pathlib import Path

import pytest
from kioskkit import KioskCli, write_config

# id -> (TOML appended to the shipped config, words the one error line must hold)
ROWS = {
    "unknown_output_driver": ('[outputs.sign]\ndriver = "x10"\n',
                              ["outputs.sign.driver", "x10", '"lcus"']),
    "board_without_port": ('[outputs.sign]\ndriver = "lcus"\n',
                           ["outputs.sign", "needs `port`"]),
    "bad_value": ('[outputs.sign]\nclosed = "dim"\n', ["outputs.sign.closed", "dim", '"on"']),
    "bad_output_name": ('[outputs.Sign]\n', ["outputs.Sign", "lower-case"]),
    "action_names_no_output": ('[[calendar.actions]]\ninto = "closed"\noutput = "sign"\n'
                               'set = "off"\n', ["calendar.actions[6].output", "'sign'",
                                                 "known", "lights"]),
    "action_without_set": ('[[calendar.actions]]\ninto = "closed"\noutput = "pcs"\n',
                           ["calendar.actions", "set"]),
    "action_both": ('[[calendar.actions]]\ninto = "closed"\noutput = "pcs"\nset = "on"\n'
                    'announce = "closing"\n', ["calendar.actions", "either"]),
    "bad_offset": ('[[calendar.actions]]\ninto = "closed"\nat = "quarter past"\n'
                   'announce = "closing"\n', ["calendar.actions.6.at", "quarter past", "-15m"]),
    "offset_too_far": ('[[calendar.actions]]\ninto = "closed"\nat = "-2d"\n'
                       'announce = "closing"\n', ["calendar.actions.6.at", "24h"]),
    "unknown_announcement": ('[[calendar.actions]]\ninto = "closed"\nannounce = "bye"\n',
                             ["calendar.actions[6].announce", "'bye'", "closing"]),
    "siren_not_an_output": ("", []),  # a replacement, below
    "announcement_file_missing": ('[announcements.bye]\nfile = "nowhere/bye.wav"\n',
                                  ["announcements.bye.file", "bye.wav", "does not exist"]),
    "announcement_file_and_text": ('[announcements.bye]\nfile = "a.wav"\n'
                                   '[announcements.bye.text]\nda = "Farvel"\n',
                                   ["announcements.bye", "either"]),
    "counter_without_input": ("", ["occupancy.entries", "inputs.people_in"]),
    "two_outputs_one_channel": ('[outputs.sign]\ndriver = "gpio"\ngpio_line = 5\n'
                                '[outputs.fan]\ndriver = "gpio"\ngpio_line = 5\n',
                                ["outputs.fan", "already outputs.sign's"]),
}
REPLACED = {
    # (shipped text, replacement) for the rows that change a key the shipped config sets
    "siren_not_an_output": ('siren = "siren"', 'siren = "horn"',
                            ["alarms.siren", "'horn'"]),
    "counter_without_input": ('entries = "grants"', 'entries = "counter"',
                              ["occupancy.entries", "inputs.people_in"]),
}


@pytest.mark.parametrize("row", ROWS.keys())
def test_a_bad_building_setting_is_one_line_naming_the_key(
    kiosk: KioskCli, tmp_path: Path, row: str
) -> None:
    extra, words = ROWS[row]
    path = write_config(tmp_path, "\n" + extra)
    if row in REPLACED:
        old, new, words = REPLACED[row]
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1
        path.write_text(text.replace(old, new), encoding="utf-8")
    result = kiosk("check-config", config=path)
    assert result.code == 2, result.out
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, lines
    for word in words:
        assert word in lines[0], lines[0]


def test_a_board_speaks_one_protocol(kiosk: KioskCli, tmp_path: Path) -> None:
    extra = ('\n[outputs.sign]\ndriver = "kmtronic"\nport = "/dev/ttyUSB7"\n'
             '[outputs.fan]\ndriver = "lcus"\nport = "/dev/ttyUSB7"\nchannel = 2\n')
    result = kiosk("check-config", config=write_config(tmp_path, extra))
    assert result.code == 2
    assert "outputs.fan: port /dev/ttyUSB7 is outputs.sign's kmtronic board" in result.err


def test_the_door_relays_board_may_carry_the_lights(kiosk: KioskCli, tmp_path: Path) -> None:
    board = '"/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0"'
    result = kiosk("--set", 'relay.driver="lcus"', "--set", f"relay.port={board}",
                   "--set", 'outputs.lights.driver="lcus"', "--set", f"outputs.lights.port={board}",
                   "--set", "outputs.lights.channel=1", "check-config")
    assert result.code == 2  # channel 1 is the door strike's
    assert "outputs.lights" in result.err
    assert "already relay's" in result.err
    fine = kiosk("--set", 'relay.driver="lcus"', "--set", f"relay.port={board}",
                 "--set", 'outputs.lights.driver="lcus"', "--set", f"outputs.lights.port={board}",
                 "--set", "outputs.lights.channel=2", "check-config")
    assert fine.code == 0, fine.err
    assert "lights (lcus /dev/serial/by-id/usb-1a86_USB_Serial-if00-port0 channel 2)" in fine.out


def test_check_config_prints_the_building_s_next_24_hours(kiosk: KioskCli) -> None:
    result = kiosk("check-config")
    assert result.code == 0, result.err
    agenda = result.out.split("building, next 24 hours:\n", 1)[1].splitlines()
    said = [line for line in agenda if "say closing" in line]
    assert len(said) == 3  # 15, 10 and 5 minutes before 22:00, whatever the hour it runs at
    assert any("21:45  say closing (15 min)  (15 min before closed)" in line for line in said)
    assert any("22:10  alarm on  (10 min after closed)" in line for line in agenda)
    assert any("lights off if empty  (5 min after closed)" in line for line in agenda)
    # A note, not an error: on stdout with the summary; stderr is for what is wrong.
    assert "sound: kiosk.sound_command is empty: announcements are logged, not heard" in \
        result.out
    assert result.err == ""

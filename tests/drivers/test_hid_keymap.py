"""HidDecoder with real evdev.InputEvent objects, as the device loop feeds them."""

from __future__ import annotations

import pytest
from driverkit import key, keystrokes
from evdev import InputEvent, ecodes

from drivers import hid_keymap
from drivers.hid_keymap import DK, US, HidDecoder, decode_events


def feed_all(decoder: HidDecoder, events: list[InputEvent], at: float = 0.0) -> list[str]:
    return [text for ev in events if (text := decoder.feed(ev, at)) is not None]


def test_key_codes_match_evdev() -> None:
    for name in ("KEY_ENTER", "KEY_KPENTER", "KEY_LEFTSHIFT", "KEY_RIGHTSHIFT", "KEY_CAPSLOCK"):
        assert getattr(hid_keymap, name) == getattr(ecodes, name)
    assert hid_keymap.EV_KEY == ecodes.EV_KEY
    assert US.plain[ecodes.KEY_0] == "0"
    assert US.plain[ecodes.KEY_9] == "9"
    assert US.plain[ecodes.KEY_Q] == "q"
    assert US.plain[ecodes.KEY_M] == "m"
    assert US.plain[ecodes.KEY_KP7] == "7"


@pytest.mark.parametrize(
    ("code", "shift", "char"),
    [
        (ecodes.KEY_5, True, "%"),
        (ecodes.KEY_SLASH, True, "?"),
        (ecodes.KEY_SEMICOLON, False, ";"),
        (ecodes.KEY_EQUAL, False, "="),
        (ecodes.KEY_6, True, "^"),
        (ecodes.KEY_MINUS, False, "-"),
        (ecodes.KEY_SPACE, False, " "),
        (ecodes.KEY_A, True, "A"),
        (ecodes.KEY_1, False, "1"),
    ],
)
def test_us_layout(code: int, shift: bool, char: str) -> None:
    decoder = HidDecoder(US)
    events = [key(ecodes.KEY_LEFTSHIFT, 1)] if shift else []
    events += [key(code, 1), key(code, 0), key(ecodes.KEY_ENTER, 1)]
    assert feed_all(decoder, events) == [char]


def test_a_whole_stripe_typed_with_shift() -> None:
    stripe = "%DOE^JOHN?;9208100401017023451041?"
    assert decode_events(keystrokes(stripe)) == [stripe]


def test_danish_layout() -> None:
    assert decode_events(keystrokes("%Æ;170590-1234?", layout=DK), layout=DK) == ["%Æ;170590-1234?"]


def test_right_shift_and_release_order() -> None:
    events = [
        key(ecodes.KEY_RIGHTSHIFT, 1),
        key(ecodes.KEY_A, 1),
        key(ecodes.KEY_RIGHTSHIFT, 0),
        key(ecodes.KEY_A, 0),
        key(ecodes.KEY_A, 1),
        key(ecodes.KEY_ENTER, 1),
    ]
    assert feed_all(HidDecoder(), events) == ["Aa"]


def test_both_shifts_held_one_released_is_still_shifted() -> None:
    events = [
        key(ecodes.KEY_LEFTSHIFT, 1),
        key(ecodes.KEY_RIGHTSHIFT, 1),
        key(ecodes.KEY_LEFTSHIFT, 0),
        key(ecodes.KEY_B, 1),
        key(ecodes.KEY_RIGHTSHIFT, 0),
        key(ecodes.KEY_B, 1),
        key(ecodes.KEY_ENTER, 1),
    ]
    assert feed_all(HidDecoder(), events) == ["Bb"]


def test_autorepeat_and_key_up_type_nothing() -> None:
    events = [key(ecodes.KEY_1, 1), key(ecodes.KEY_1, 2), key(ecodes.KEY_1, 2)]
    events += [key(ecodes.KEY_1, 0), key(ecodes.KEY_2, 0), key(ecodes.KEY_ENTER, 1)]
    assert feed_all(HidDecoder(), events) == ["1"]


def test_a_held_shift_autorepeat_keeps_shift() -> None:
    events = [key(ecodes.KEY_LEFTSHIFT, 1), key(ecodes.KEY_LEFTSHIFT, 2), key(ecodes.KEY_5, 1)]
    events.append(key(ecodes.KEY_KPENTER, 1))
    assert feed_all(HidDecoder(), events) == ["%"]


def test_enter_and_keypad_enter_end_a_read_and_empty_reads_are_dropped() -> None:
    events = [key(ecodes.KEY_ENTER, 1), *keystrokes("12"), key(ecodes.KEY_KPENTER, 1)]
    events += [*keystrokes("34", enter=False), key(ecodes.KEY_KPENTER, 1)]
    assert feed_all(HidDecoder(), events) == ["12", "34"]


def test_caps_lock_inverts_letters_only() -> None:
    events = [key(ecodes.KEY_CAPSLOCK, 1), key(ecodes.KEY_A, 1), key(ecodes.KEY_1, 1)]
    events += [key(ecodes.KEY_LEFTSHIFT, 1), key(ecodes.KEY_A, 1), key(ecodes.KEY_ENTER, 1)]
    assert feed_all(HidDecoder(), events) == ["A1a"]


def test_unmapped_keys_spoil_the_read_instead_of_vanishing() -> None:
    events = [key(ecodes.KEY_1, 1), key(ecodes.KEY_F5, 1), key(ecodes.KEY_2, 1)]
    events.append(key(ecodes.KEY_ENTER, 1))
    assert feed_all(HidDecoder(), events) == ["1\ufffd2"]


def test_non_key_events_are_ignored() -> None:
    events = [
        InputEvent(0, 0, ecodes.EV_MSC, ecodes.MSC_SCAN, 0x7001E),
        InputEvent(0, 0, ecodes.EV_SYN, ecodes.SYN_REPORT, 0),
        InputEvent(0, 0, ecodes.EV_LED, ecodes.LED_NUML, 1),
        key(ecodes.KEY_1, 1),
        key(ecodes.KEY_ENTER, 1),
    ]
    assert feed_all(HidDecoder(), events) == ["1"]


def test_idle_timeout_ends_a_read_without_enter() -> None:
    decoder = HidDecoder(idle_gap_s=0.1)
    for i, ev in enumerate(keystrokes("1705", enter=False)):
        assert decoder.feed(ev, i * 0.001) is None
    assert decoder.flush_idle(0.1) is None
    assert decoder.flush_idle(0.2) == "1705"
    assert decoder.flush_idle(0.5) is None


def test_a_key_after_a_silence_ends_the_previous_read() -> None:
    decoder = HidDecoder(idle_gap_s=0.1)
    decoder.feed(key(ecodes.KEY_1, 1), 0.0)
    assert decoder.feed(key(ecodes.KEY_2, 1), 1.0) == "1"
    assert decoder.feed(key(ecodes.KEY_ENTER, 1), 1.01) == "2"


def test_an_overlong_read_is_bounded() -> None:
    decoder = HidDecoder(max_chars=64)
    for _ in range(10_000):
        decoder.feed(key(ecodes.KEY_7, 1), 0.0)
    assert decoder.feed(key(ecodes.KEY_ENTER, 1), 0.0) == "7" * 64

"""Key events of a USB-HID keyboard-wedge reader -> text (reference/protocols.md §E.4).

Pure: decodes anything shaped like `evdev.InputEvent` (type, code, value) by table, with shift
and caps-lock state, and does not import evdev. The key codes are the Linux input ABI
(linux/input-event-codes.h), the same numbers as `evdev.ecodes`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Protocol

EV_KEY: Final = 0x01
KEY_UP: Final = 0
KEY_DOWN: Final = 1
KEY_HOLD: Final = 2  # autorepeat; a reader never means a character twice by holding a key

KEY_TAB: Final = 15
KEY_ENTER: Final = 28
KEY_LEFTCTRL: Final = 29
KEY_LEFTSHIFT: Final = 42
KEY_RIGHTSHIFT: Final = 54
KEY_LEFTALT: Final = 56
KEY_CAPSLOCK: Final = 58
KEY_NUMLOCK: Final = 69
KEY_KPENTER: Final = 96
KEY_RIGHTCTRL: Final = 97
KEY_RIGHTALT: Final = 100
KEY_LEFTMETA: Final = 125
KEY_RIGHTMETA: Final = 126

SHIFT_KEYS: Final = frozenset({KEY_LEFTSHIFT, KEY_RIGHTSHIFT})
END_KEYS: Final = frozenset({KEY_ENTER, KEY_KPENTER})
# Modifiers that produce no character; anything else without a table entry becomes U+FFFD so
# a read typed with the wrong layout turns into an unknown read instead of a shorter number.
SILENT_KEYS: Final = frozenset(
    {
        KEY_LEFTCTRL,
        KEY_RIGHTCTRL,
        KEY_LEFTALT,
        KEY_RIGHTALT,
        KEY_LEFTMETA,
        KEY_RIGHTMETA,
        KEY_CAPSLOCK,
        KEY_NUMLOCK,
        KEY_TAB,
        *SHIFT_KEYS,
    }
)
UNMAPPED: Final = "\ufffd"

_DIGIT_CODES: Final = (11, 2, 3, 4, 5, 6, 7, 8, 9, 10)  # KEY_0, KEY_1 .. KEY_9
_LETTER_ROWS: Final = ((16, "qwertyuiop"), (30, "asdfghjkl"), (44, "zxcvbnm"))
# Keypad with NumLock on: KP7 71 .. KP3 81, KP0 82, KPDOT 83, KPMINUS 74, KPPLUS 78,
# KPASTERISK 55, KPSLASH 98.
_KEYPAD: Final = {
    71: "7",
    72: "8",
    73: "9",
    75: "4",
    76: "5",
    77: "6",
    79: "1",
    80: "2",
    81: "3",
    82: "0",
    83: ".",
    74: "-",
    78: "+",
    55: "*",
    98: "/",
}


class KeyEventLike(Protocol):
    """The part of `evdev.InputEvent` the decoder reads."""

    @property
    def type(self) -> int: ...

    @property
    def code(self) -> int: ...

    @property
    def value(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Layout:
    """What each key types, without and with shift. `letters` follow caps lock."""

    name: str
    plain: Mapping[int, str]
    shifted: Mapping[int, str]
    letters: frozenset[int]

    def lookup(self, code: int, shift: bool, caps: bool) -> str | None:
        """The character `code` types, or None if the layout has no entry for it."""
        if code in self.letters and caps:
            shift = not shift
        table = self.shifted if shift else self.plain
        return table.get(code)


def _layout(name: str, symbols: Mapping[int, tuple[str, str]], shifted_digits: str) -> Layout:
    plain: dict[int, str] = {code: str(i) for i, code in enumerate(_DIGIT_CODES)}
    shifted: dict[int, str] = {_DIGIT_CODES[(i + 1) % 10]: c for i, c in enumerate(shifted_digits)}
    letters: set[int] = set()
    for first, row in _LETTER_ROWS:
        for offset, letter in enumerate(row):
            plain[first + offset] = letter
            shifted[first + offset] = letter.upper()
            letters.add(first + offset)
    for code, (low, high) in symbols.items():
        plain[code], shifted[code] = low, high
    plain.update(_KEYPAD)
    shifted.update(_KEYPAD)
    return Layout(name, MappingProxyType(plain), MappingProxyType(shifted), frozenset(letters))


US: Final = _layout(
    "us",
    {
        12: ("-", "_"),
        13: ("=", "+"),
        26: ("[", "{"),
        27: ("]", "}"),
        39: (";", ":"),
        40: ("'", '"'),
        41: ("`", "~"),
        43: ("\\", "|"),
        51: (",", "<"),
        52: (".", ">"),
        53: ("/", "?"),
        57: (" ", " "),
    },
    "!@#$%^&*()",
)
# Danish (xkb "dk"). Dead keys (´ ` ¨ ^) are taken as the plain character: a wedge set to this
# layout follows them with a space, which then shows up in the read.
DK: Final = _layout(
    "dk",
    {
        12: ("+", "?"),
        13: ("´", "`"),
        26: ("å", "Å"),
        27: ("¨", "^"),
        39: ("æ", "Æ"),
        40: ("ø", "Ø"),
        41: ("½", "§"),
        43: ("'", "*"),
        86: ("<", ">"),
        51: (",", ";"),
        52: (".", ":"),
        53: ("-", "_"),
        57: (" ", " "),
    },
    '!"#¤%&/()=',
)
LAYOUTS: Final[Mapping[str, Layout]] = MappingProxyType({"us": US, "dk": DK})

DEFAULT_IDLE_GAP_S: Final = 0.1
DEFAULT_MAX_CHARS: Final = 1024


class HidDecoder:
    """Collects the characters of one read; a read ends at Enter or after `idle_gap_s`.

    Only key-down events type; autorepeat and key-up are ignored except that key-up releases
    shift. A read longer than `max_chars` is cut there (the parser rejects it as garbage).
    """

    def __init__(
        self,
        layout: Layout = US,
        idle_gap_s: float = DEFAULT_IDLE_GAP_S,
        max_chars: int = DEFAULT_MAX_CHARS,
        end_keys: frozenset[int] = END_KEYS,
    ) -> None:
        if idle_gap_s <= 0:
            raise ValueError(f"idle_gap_s must be > 0, got {idle_gap_s!r}")
        self.layout: Final = layout
        self.idle_gap_s: Final = idle_gap_s
        self._max_chars = max_chars
        self._end_keys = end_keys
        self._chars: list[str] = []
        self._shift_held: set[int] = set()
        self._caps = False
        self._last_at: float | None = None

    def deadline(self) -> float | None:
        """When `flush_idle` will return the pending read, or None if nothing is pending."""
        if not self._chars or self._last_at is None:
            return None
        return self._last_at + self.idle_gap_s

    def feed(self, event: KeyEventLike, at: float) -> str | None:
        """Take one event; return the read it completed, if any."""
        if event.type != EV_KEY:
            return None
        if event.code in SHIFT_KEYS:
            if event.value == KEY_UP:
                self._shift_held.discard(event.code)
            else:
                self._shift_held.add(event.code)
            return None
        if event.value != KEY_DOWN:
            return None
        # A read that went silent before this key ended by silence; this key starts the next.
        stale = self.flush_idle(at)
        if event.code in self._end_keys:
            return stale or self._take() or None
        self._type(event.code, at)
        return stale

    def flush_idle(self, at: float) -> str | None:
        """The pending read if no key came for `idle_gap_s`, else None."""
        deadline = self.deadline()
        if deadline is None or at < deadline:
            return None
        return self._take() or None

    def _type(self, code: int, at: float) -> None:
        if code == KEY_CAPSLOCK:
            self._caps = not self._caps
            return
        if code in SILENT_KEYS:
            return
        char = self.layout.lookup(code, bool(self._shift_held), self._caps)
        if len(self._chars) < self._max_chars:
            self._chars.append(UNMAPPED if char is None else char)
        self._last_at = at

    def reset(self) -> None:
        """Forget a partial read and held modifiers (the device went away mid-read)."""
        self._take()
        self._shift_held.clear()

    def _take(self) -> str:
        text = "".join(self._chars)
        self._chars.clear()
        self._last_at = None
        return text


def decode_events(events: Iterable[KeyEventLike], layout: Layout = US) -> list[str]:
    """Every read in a finished event sequence (a test and `kiosk devices` helper)."""
    decoder = HidDecoder(layout)
    reads = [text for ev in events if (text := decoder.feed(ev, 0.0)) is not None]
    tail = decoder.flush_idle(float("inf"))
    return [*reads, tail] if tail is not None else reads

"""Reading the screen aloud: what a screen says (its visible words, in reading order) and when
(a new screen, new words, a key of the PIN pad), through a `Speech` from kiosk/speech.

The patron turns it on with the header's "Read aloud" button; it stays on for the visit and
turns itself off when the screen has stood idle for `reset_after_s`. PIN keys are spoken as
"digit entered", never as the digit: someone may stand behind the patron.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.speech.espeak import Speech
from kiosk.speech.switch import SpeechSwitch
from kiosk.ui.i18n import tr

SILENT: Final = "silent"
"""Set a widget's "speech" property to this and neither it nor its labels are read (the header's
clock, the "Checking…" note)."""
TICKING: Final = "ticking"
"""A widget whose numbers change by themselves (a countdown): read, but a new second is not a
new text to read again."""
_MARKS: Final = str.maketrans({"✔": "", "✘": "", "⌫": "", "–": ",", "·": ","})
_NUMBERS: Final = re.compile(r"\d+")


def _speech_property(widget: QWidget, root: QWidget) -> str:
    node: QWidget | None = widget
    while node is not None and node is not root:
        value = node.property("speech")
        if value in (SILENT, TICKING):
            return str(value)
        node = node.parentWidget()
    return ""


def spoken(screen: QWidget) -> tuple[str, str]:
    """The words a patron sees on `screen`, in the order the screen was built (title, lead,
    body, countdown): every visible label that is not silenced; and the same with a countdown's
    numbers blanked, to tell a new text from a ticking one."""
    lines, keys = [], []
    for label in screen.findChildren(QLabel):
        text = label.text().translate(_MARKS).strip()
        if not text or not label.isVisibleTo(screen):
            continue
        kind = _speech_property(label, screen)
        if kind != SILENT:
            lines.append(text)
            keys.append(_NUMBERS.sub("#", text) if kind == TICKING else text)
    return "\n".join(lines), "\n".join(keys)


def spoken_text(screen: QWidget) -> str:
    return spoken(screen)[0]


class Narrator(QObject):
    """Speaks the screen when speech is on. `changed` tells the header buttons the new state."""

    changed = Signal(bool)

    def __init__(self, speech: Speech | None, monotonic: Callable[[], float],
                 reset_after_s: float = 60.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.speech = speech
        self._monotonic = monotonic
        self.reset_after_s = reset_after_s
        self.switch = SpeechSwitch()
        self._said: str | None = None
        """The key of the last screen text spoken (see `spoken`)."""

    @property
    def available(self) -> bool:
        return self.speech is not None

    @property
    def on(self) -> bool:
        return self.switch.on

    def toggle(self, screen: QWidget, lang: str, idle: bool) -> None:
        """The patron's button: on (and read the screen now), or off (and quiet now)."""
        if self.speech is None:
            return
        self.switch = self.switch.toggled().seen(idle, self._monotonic(), self.reset_after_s)
        self._said = None
        if self.switch.on:
            self.speech.say(tr("Reading aloud is on.") + "\n" + spoken_text(screen), lang)
        else:
            self.speech.stop()
        self.changed.emit(self.switch.on)

    def show(self, screen: QWidget, lang: str, idle: bool) -> None:
        """`screen` has just been rendered; say it if its words are new."""
        was_on = self.switch.on
        self.switch = self.switch.seen(idle, self._monotonic(), self.reset_after_s)
        if was_on and not self.switch.on:
            self._said = None
            self.changed.emit(False)
        if not self.switch.on or self.speech is None:
            return
        text, key = spoken(screen)
        if text and key != self._said:
            self._said = key
            self.speech.say(text, lang)

    def key_entered(self, lang: str) -> None:
        """A PIN key was touched: say so, never which."""
        if self.switch.on and self.speech is not None:
            self.speech.say(tr("Digit entered"), lang)

    def close(self) -> None:
        if self.speech is not None:
            self.speech.stop()

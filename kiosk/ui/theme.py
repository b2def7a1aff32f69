"""Colours, type sizes and the style sheet: large type, high contrast, big touch targets.

Sizes are designed for a 1280×800 screen and scaled with the window, so the same layout works
on 1920×1080 and on a portrait 1080×1920 screen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final, Literal

from PySide6.QtGui import QColor

DESIGN_SIZE: Final = (1280, 800)
SHIPPED_DPI: Final = 102.5
"""The panel the kiosk ships on: 21.5-inch Full HD (1920×1080), 102.5 pixels per inch. The
1280×800 and portrait 1080×1920 layouts are held to the same density (a 15.4-inch 1280×800
panel is 98 dpi, a 21.5-inch portrait totem 102.5 dpi); a denser panel needs a larger minimum."""
MIN_TARGET_MM: Final = 15.0
"""The kiosk industry's smallest touch target (issue 17), above WCAG 2.5.5's 44 CSS px."""
MIN_TARGET_PX: Final = math.ceil(MIN_TARGET_MM / 25.4 * SHIPPED_DPI)
"""61 px: 15 mm at SHIPPED_DPI, the smallest touch target allowed anywhere."""
KEY_PX: Final = (150, 96)
KEYWORD_PX: Final = 27
"""The type of the pad's word keys (erase, OK) at design size; smaller where a word is long."""
"""PIN pad keys at design size: far above the minimum, for wet fingers and shaky hands."""

INK: Final = "#FFFFFF"
PAPER: Final = "#0B2239"  # deep blue: white on it is ~15:1
PANEL: Final = "#16395C"
ACCENT: Final = "#FFD23F"  # the card's yellow: "look here"
GRANTED: Final = "#0B6E35"
DENIED: Final = "#9E1B1B"
FIRE: Final = "#C40000"
CLOSED: Final = "#2B2F3A"
QUIET: Final = "#B8C7D9"

WARNING_INK: Final = "#1A1A1A"
"""Text on the yellow "look here" band (countdown to logout, "Checking…")."""
TONES: Final[dict[str, str]] = {"": PAPER, "granted": GRANTED, "denied": DENIED, "fire": FIRE,
                                 "closed": CLOSED}
"""A screen's background by its tone."""


@dataclass(frozen=True, slots=True)
class ColourPair:
    """A foreground the theme puts on a background, and what WCAG 2.1 asks of it: "text"
    4.5:1 (1.4.3), "large" text (at least 24 px, or 18.66 px bold) 3:1, "graphic" (a control's
    edge, a bar, a dot) 3:1 (1.4.11)."""

    what: str
    foreground: str
    background: str
    kind: Literal["text", "large", "graphic"]


COLOUR_PAIRS: Final[tuple[ColourPair, ...]] = (
    *(ColourPair(f"text on the {tone or 'plain'} screen", INK, colour, "text")
      for tone, colour in TONES.items()),
    *(ColourPair(f"quiet button's edge on the {tone or 'plain'} screen", INK, colour, "graphic")
      for tone, colour in TONES.items()),
    *(ColourPair(f"pressed toggle on the {tone or 'plain'} screen", ACCENT, colour, "graphic")
      for tone, colour in TONES.items()),
    ColourPair("yellow lead (the instruction)", ACCENT, PAPER, "large"),
    ColourPair("opening hours, offline status", QUIET, PAPER, "text"),
    ColourPair("warning band", WARNING_INK, ACCENT, "large"),
    ColourPair("button", PAPER, INK, "large"),
    ColourPair("pressed or chosen button", PAPER, ACCENT, "large"),
    ColourPair("pressed quiet button", INK, PANEL, "large"),
    ColourPair("technician's decision list", INK, PANEL, "text"),
    ColourPair("countdown bar", ACCENT, PANEL, "graphic"),
    ColourPair("scroll bar handle", QUIET, PANEL, "graphic"),
    ColourPair("PIN dot, typed", ACCENT, PAPER, "graphic"),
    ColourPair("PIN dot edge", INK, PAPER, "graphic"),
)
"""Every foreground/background pair of the style sheet and the drawn widgets (a test checks the
style sheet uses no colour missing here, and measures each pair)."""
MIN_CONTRAST: Final[dict[str, float]] = {"text": 4.5, "large": 3.0, "graphic": 3.0}


def relative_luminance(colour: str) -> float:
    """WCAG 2.1's relative luminance of an sRGB colour "#RRGGBB"."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    value = QColor(colour)
    return (0.2126 * linear(value.red()) + 0.7152 * linear(value.green())
            + 0.0722 * linear(value.blue()))


def contrast(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio, 1 to 21."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


FONT_PX: Final[dict[str, int]] = {
    "branch": 30,
    "clock": 30,
    "hours": 26,
    "title": 58,
    "lead": 46,
    "body": 32,
    "receipt": 36,
    "small": 22,
    "status": 20,
    "dots": 60,
    "tech": 16,
    "techhead": 22,
}


def scale_for(width: int, height: int) -> float:
    """How much to enlarge the design so it fills `width`×`height` without overflowing.

    A portrait screen is measured against the design turned on its side: its layouts stack
    vertically (see Screen.direction), so the long side takes what was the width.
    """
    long_side, short_side = max(width, height), min(width, height)
    return max(0.5, min(long_side / DESIGN_SIZE[0], short_side / DESIGN_SIZE[1]))


def px(value: float, scale: float) -> int:
    return max(1, round(value * scale))


def target_px(value: float, scale: float) -> int:
    """A touch target's side at `scale`: the design's size, never under MIN_TARGET_PX."""
    return max(MIN_TARGET_PX, px(value, scale))


def mm(pixels: float) -> float:
    """Pixels on the shipped panel in millimetres."""
    return pixels * 25.4 / SHIPPED_DPI


def style_sheet(scale: float) -> str:
    """The whole window's style sheet at `scale`; widgets choose a look by their `role`."""
    fonts = "\n".join(
        f'QLabel[role="{role}"] {{ font-size: {px(size, scale)}px; }}'
        for role, size in FONT_PX.items()
    )
    radius = px(18, scale)
    return f"""
    QWidget {{ color: {INK}; font-family: "DejaVu Sans", "Noto Sans", sans-serif; }}
    QWidget#screen {{ background: {PAPER}; }}
    QWidget#screen[tone="granted"] {{ background: {GRANTED}; }}
    QWidget#screen[tone="denied"] {{ background: {DENIED}; }}
    QWidget#screen[tone="fire"] {{ background: {FIRE}; }}
    QWidget#screen[tone="closed"] {{ background: {CLOSED}; }}
    {fonts}
    QLabel[role="title"], QLabel[role="lead"] {{ font-weight: bold; }}
    QLabel[role="lead"][accent="true"] {{ color: {ACCENT}; }}
    QLabel[role="hours"], QLabel[role="status"] {{ color: {QUIET}; }}
    QLabel[role="warning"] {{ font-size: {px(30, scale)}px; font-weight: bold;
        color: {WARNING_INK}; background: {ACCENT}; border-radius: {radius}px;
        padding: {px(10, scale)}px {px(18, scale)}px; }}
    QPushButton {{ background: {INK}; color: {PAPER}; border: {px(3, scale)}px solid {INK};
        border-radius: {radius}px; font-size: {px(30, scale)}px; font-weight: bold;
        padding: {px(8, scale)}px {px(22, scale)}px; }}
    QPushButton:pressed {{ background: {ACCENT}; border-color: {ACCENT}; }}
    QPushButton[role="key"] {{ font-size: {px(46, scale)}px; padding: 0px; }}
    QPushButton[role="keyword"] {{ font-size: {px(KEYWORD_PX, scale)}px; padding: 0px; }}
    QPushButton[role="quiet"] {{ background: transparent; color: {INK}; }}
    QPushButton[role="quiet"]:pressed {{ background: {PANEL}; }}
    QPushButton[role="quiet"]:checked {{ background: {ACCENT}; color: {PAPER};
        border-color: {ACCENT}; }}
    QPushButton[role="language"] {{ font-size: {px(36, scale)}px; }}
    QPushButton[role="language"]:checked {{ background: {ACCENT}; border-color: {ACCENT}; }}
    QWidget#chooser, QWidget#keypad {{ background: {PAPER}; }}
    QPushButton[role="tech"] {{ font-size: {px(20, scale)}px; }}
    QProgressBar {{ background: {PANEL}; border: none; border-radius: {px(8, scale)}px;
        max-height: {px(16, scale)}px; min-height: {px(16, scale)}px; }}
    QProgressBar::chunk {{ background: {ACCENT}; border-radius: {px(8, scale)}px; }}
    QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; }}
    QScrollBar:vertical {{ background: {PANEL}; width: {target_px(36, scale)}px;
        border-radius: {px(8, scale)}px; }}
    QScrollBar::handle:vertical {{ background: {QUIET}; min-height: {px(60, scale)}px;
        border-radius: {px(8, scale)}px; }}
    QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0px; }}
    QWidget#techpanel {{ background: {PANEL}; border-radius: {radius}px; }}
    """


def color(name: str) -> QColor:
    return QColor(name)

"""Colours, type sizes and the style sheet: large type, high contrast, big touch targets.

Sizes are designed for a 1280×800 screen and scaled with the window, so the same layout works
on 1920×1080 and on a portrait 1080×1920 screen.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtGui import QColor

DESIGN_SIZE: Final = (1280, 800)
MIN_TARGET_PX: Final = 57
"""15 mm at 96 dpi: the smallest touch target allowed anywhere (issue 5)."""
KEY_PX: Final = (150, 96)
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
        color: #1A1A1A; background: {ACCENT}; border-radius: {radius}px;
        padding: {px(10, scale)}px {px(18, scale)}px; }}
    QPushButton {{ background: {INK}; color: {PAPER}; border: {px(3, scale)}px solid {INK};
        border-radius: {radius}px; font-size: {px(30, scale)}px; font-weight: bold;
        padding: {px(8, scale)}px {px(22, scale)}px; }}
    QPushButton:pressed {{ background: {ACCENT}; border-color: {ACCENT}; }}
    QPushButton[role="key"] {{ font-size: {px(46, scale)}px; padding: 0px; }}
    QPushButton[role="keyword"] {{ font-size: {px(27, scale)}px; padding: 0px; }}
    QPushButton[role="quiet"] {{ background: transparent; color: {INK}; }}
    QPushButton[role="quiet"]:pressed {{ background: {PANEL}; }}
    QPushButton[role="tech"] {{ font-size: {px(20, scale)}px; }}
    QProgressBar {{ background: {PANEL}; border: none; border-radius: {px(8, scale)}px;
        max-height: {px(16, scale)}px; min-height: {px(16, scale)}px; }}
    QProgressBar::chunk {{ background: {ACCENT}; border-radius: {px(8, scale)}px; }}
    QLineEdit#barcode {{ font-size: {px(32, scale)}px; color: {PAPER}; background: {INK};
        border: {px(3, scale)}px solid {QUIET}; border-radius: {px(12, scale)}px;
        padding: 0px {px(16, scale)}px; }}
    QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; }}
    QScrollBar:vertical {{ background: {PANEL}; width: {px(36, scale)}px;
        border-radius: {px(8, scale)}px; }}
    QScrollBar::handle:vertical {{ background: {QUIET}; min-height: {px(60, scale)}px;
        border-radius: {px(8, scale)}px; }}
    QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0px; }}
    QWidget#techpanel {{ background: {PANEL}; border-radius: {radius}px; }}
    """


def color(name: str) -> QColor:
    return QColor(name)

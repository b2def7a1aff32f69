"""Contrast, measured (issue 17; WCAG 2.1 1.4.3 and 1.4.11, which EN 301 549 takes over): every
colour pair of the theme, and every text on every screen as it is drawn, reach 4.5:1, large text
(at least 24 px, or 18.66 px bold) and graphics 3:1. The figures are printed."""

from __future__ import annotations

import array
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from test_ui_checkout_layout import SCREENS as CHECKOUT_SCREENS
from test_ui_checkout_layout import Go
from test_ui_layout import SCREENS as DOOR_SCREENS
from uihelpers import Driver, settle

from kiosk.clock import FixedClock
from kiosk.ui import theme
from kiosk.ui.screens.checkout import CheckoutScreen

HEX = re.compile(r"#[0-9A-Fa-f]{6}\b")


@pytest.mark.parametrize("pair", theme.COLOUR_PAIRS, ids=lambda p: p.what)
def test_each_colour_pair_of_the_theme(pair: theme.ColourPair,
                                       figures: Callable[[str], None]) -> None:
    ratio = theme.contrast(pair.foreground, pair.background)
    needed = theme.MIN_CONTRAST[pair.kind]
    figures(f"contrast {pair.what}: {pair.foreground} on {pair.background} = {ratio:.2f}:1 "
            f"({pair.kind}, needs {needed}:1)")
    assert ratio >= needed


def test_the_style_sheet_uses_no_colour_the_pairs_do_not_measure() -> None:
    measured = {c.upper() for p in theme.COLOUR_PAIRS for c in (p.foreground, p.background)}
    used = {c.upper() for c in HEX.findall(theme.style_sheet(1.0))}
    assert used <= measured, f"colours without a measured pair: {sorted(used - measured)}"


@pytest.mark.parametrize(("colours", "ratio"), [
    (("#FFFFFF", "#000000"), 21.0), (("#777777", "#FFFFFF"), 4.48), (("#0B2239", "#0B2239"), 1.0),
], ids=["white_on_black", "grey_just_under", "same"])
def test_the_ratio_is_wcags(colours: tuple[str, str], ratio: float) -> None:
    assert theme.contrast(*colours) == pytest.approx(ratio, abs=0.01)


def _pixels(image: QImage) -> Counter[int]:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return Counter(array.array("I", bytes(image.constBits())))


def drawn_contrast(shot: QImage, widget: QWidget, root: QWidget) -> float:
    """The contrast of `widget`'s text as drawn: its background is the colour most of its
    pixels have, its text the colour (held by at least 12 pixels: a glyph's stem, not an edge's
    blend) that stands out most from that."""
    corner = widget.mapTo(root, widget.rect().topLeft())
    counts = _pixels(shot.copy(corner.x(), corner.y(), widget.width(), widget.height()))
    background = QColor.fromRgb(counts.most_common(1)[0][0]).name()
    inks = [QColor.fromRgb(c).name() for c, n in counts.items() if n >= 12]
    return max(theme.contrast(background, ink) for ink in inks)


def _large(widget: QWidget) -> bool:
    font = widget.font()
    size = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * 96 / 72
    return size >= 24 or (font.bold() and size >= 18.66)


def _in_view(root: QWidget) -> QWidget:
    """What the patron sees: an open chooser or keypad covers the screen beneath it."""
    covers = [w for w in root.findChildren(QWidget)
              if w.objectName() in ("chooser", "keypad") and w.isVisibleTo(root)]
    return covers[0] if covers else root


def texts_drawn(root: QWidget) -> list[tuple[str, float, float]]:
    """(text, drawn contrast, needed contrast) for every text a patron sees on `root`."""
    shot = root.grab().toImage()
    out = []
    seen = _in_view(root)
    for widget in [*seen.findChildren(QLabel), *seen.findChildren(QAbstractButton)]:
        text = widget.text()
        if not text.strip() or not widget.isVisibleTo(root) or widget.width() < 4:
            continue
        needed = 3.0 if _large(widget) else 4.5
        out.append((text, drawn_contrast(shot, widget, root), needed))
    return out


def _check(name: str, root: QWidget, figures: Callable[[str], None]) -> None:
    drawn = texts_drawn(root)
    assert drawn, name
    text, ratio, needed = min(drawn, key=lambda t: t[1] / t[2])
    figures(f"contrast drawn {name}: lowest {ratio:.2f}:1 (needs {needed}:1) for "
            f"{text.splitlines()[0][:40]!r}, {len(drawn)} texts")
    bad = [f"{t!r}: {r:.2f}:1, needs {n}:1" for t, r, n in drawn if r < n]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("name", list(DOOR_SCREENS))
def test_every_text_on_every_door_screen_as_drawn(driver: Driver, name: str,
                                                 figures: Callable[[str], None]) -> None:
    DOOR_SCREENS[name][0](driver)
    settle()
    _check(f"door {name}", driver.window, figures)


@pytest.mark.parametrize("name", list(CHECKOUT_SCREENS))
def test_every_text_on_every_checkout_screen_as_drawn(
    qtbot: Any, screen: CheckoutScreen, clock: FixedClock, name: str,
    figures: Callable[[str], None],
) -> None:
    CHECKOUT_SCREENS[name][0](Go(qtbot, screen, clock))
    settle()
    _check(f"checkout {name}", screen, figures)


def test_the_drawn_measure_catches_faint_text(qtbot: Any) -> None:
    page = QWidget()
    page.setObjectName("page")
    page.setStyleSheet("QWidget#page { background: #0B2239; } "
                       "QLabel { color: #3A4A5A; font-size: 20px; }")
    faint = QLabel("Faint words on a dark screen", page)
    faint.resize(400, 40)
    qtbot.addWidget(page)
    page.resize(420, 60)
    page.show()
    settle()
    [(text, ratio, needed)] = texts_drawn(page)
    assert (text, needed) == ("Faint words on a dark screen", 4.5)
    assert ratio == pytest.approx(theme.contrast("#3A4A5A", "#0B2239"), abs=0.05)
    assert ratio < 4.5

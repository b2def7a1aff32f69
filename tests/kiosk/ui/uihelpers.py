"""Drive the real kiosk window like a patron: present cards, click keys, let time pass.

The window hands every event to its controller worker; each action here waits until the
answers have been rendered (`wait`), so a test reads the screen as the patron would see it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollBar, QWidget

from drivers.cardparse import parse_card
from kiosk.app.assemble import Kiosk
from kiosk.cache import queries
from kiosk.cache.patrons import apply_records
from kiosk.clock import COPENHAGEN, FixedClock
from kiosk.config import LoadedConfig, load
from kiosk.door.flow import Event
from kiosk.door.view import ScreenKind
from kiosk.events import CardPresented, Tick
from kiosk.services import Services
from kiosk.ui import theme
from sync.fakes.synthetic import persona, synthetic_patrons
from sync.records import parse_patron

REPO = Path(__file__).resolve().parents[3]
START = datetime(2026, 11, 23, 19, 0, tzinfo=COPENHAGEN)  # a Monday, self-service hours
TECHNICIAN_PIN = "24680"
TECHNICIAN_CARD = "3300009999"


def load_config(tmp_path: Path, *extra: str) -> LoadedConfig:
    pin_file = tmp_path / "technician.pin"
    pin_file.write_text(TECHNICIAN_PIN, encoding="utf-8")
    pin_file.chmod(0o600)  # a secret file, as a technician would leave it
    return load(REPO / "config.toml", [
        f'kiosk.data_dir="{tmp_path}"',
        f'secrets.technician_pin_file="{pin_file}"',
        f'access.technician_cards=["{TECHNICIAN_CARD}"]',
        *extra,
    ])


def fill(services: Services, count: int = 30) -> None:
    today = services.clock.now().date()
    records = [parse_patron(r, f"synthetic {i}")
               for i, r in enumerate(synthetic_patrons(count, seed=1, today=today))]
    with services.sessions.begin() as session:
        apply_records(session, records, services.hasher, today=services.clock.now().date())
        queries.set_state(session, "last_sync_success", services.clock.now().isoformat())


WAIT_MS = 30_000
"""How long a UI test waits for the worker or a screen: a deadline for a hung test, not a
measurement. On a loaded machine an argon2id check or a SIP2 round trip can take seconds."""


class Driver:
    def __init__(self, kiosk: Kiosk, qtbot: Any, clock: FixedClock) -> None:
        self.kiosk, self.qtbot, self.clock = kiosk, qtbot, clock
        self.window = kiosk.window

    @property
    def kind(self) -> ScreenKind | None:
        return self.window.kind

    def wait(self) -> None:
        """Until the worker has answered every event so far and the window has rendered it."""
        self.qtbot.waitUntil(lambda: self.window.idle, timeout=WAIT_MS)

    def send(self, event: Event) -> None:
        self.window.dispatch(event)
        self.wait()

    def card(self, raw: str) -> None:
        self.send(CardPresented(parse_card(raw, "test")))

    def persona_card(self, role: str) -> str:
        p = persona(role)
        self.card(p.card)
        return p.pin

    def click(self, button: QAbstractButton) -> None:
        assert button.isVisible(), f"{button.text()!r} is not visible"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.wait()

    def touch(self, button: QAbstractButton) -> None:
        """A click that does not wait for the answer (a patron does not either)."""
        assert button.isVisible(), f"{button.text()!r} is not visible"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def pin(self, digits: str) -> None:
        keys = {k.text(): k for k in self.window.pin_screen.pad.keys}
        for d in digits:
            self.touch(keys[d])
        self.wait()

    def ok(self) -> None:
        self.click(self.window.pin_screen.pad.ok_key)

    def later(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.send(Tick())

    def texts(self) -> list[str]:
        """Every visible label's text on the current screen."""
        screen = self.window.current
        return [w.text() for w in screen.findChildren(QLabel) if w.isVisibleTo(screen)]

    def choose_language(self, lang: str) -> None:
        """The globe button, then the language in the chooser, as a patron does."""
        self.click(self.language_button())
        chooser = self.window.current.chooser
        assert chooser is not None
        assert chooser.isVisible()
        self.click(chooser.buttons[lang])  # type: ignore[index]
        assert not chooser.isVisible()

    def language_button(self) -> QAbstractButton:
        header = self.window.current.header
        assert header is not None
        return header.language


def clipped_labels(root: QWidget) -> list[str]:
    """Labels whose text needs more room than they have (word wrap taken into account)."""
    bad = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text():
            continue
        room = label.contentsRect()
        flags = int(label.alignment().value)
        if label.wordWrap():
            flags |= Qt.TextFlag.TextWordWrap.value
        need = label.fontMetrics().boundingRect(QRect(0, 0, room.width(), 100_000), flags,
                                                 label.text())
        # 2 px of slack: QLabel's own layout rounds line heights differently; a clipped word
        # or line costs far more than that.
        if need.width() > room.width() + 2 or need.height() > room.height() + 2:
            bad.append(f"{label.text()!r}: needs {need.width()}x{need.height()}, "
                       f"has {room.width()}x{room.height()}")
    return bad


def touch_targets(root: QWidget) -> list[tuple[str, int, int]]:
    """(name, width, height) of every visible thing under `root` a finger must hit: buttons and
    scroll bars."""
    found = [(button.text() or button.accessibleName(), button.width(), button.height())
             for button in root.findChildren(QAbstractButton) if button.isVisibleTo(root)]
    found += [("scroll bar", bar.width(), bar.height()) for bar in root.findChildren(QScrollBar)
              if bar.isVisibleTo(root)]
    return found


def smallest_target(root: QWidget) -> str:
    """The smallest touch target under `root`, in pixels and in millimetres on the shipped
    panel (kiosk/ui/theme.py SHIPPED_DPI)."""
    name, w, h = min(touch_targets(root), key=lambda t: min(t[1], t[2]))
    return (f"{name!r} {w}x{h} px = {theme.mm(w):.1f}x{theme.mm(h):.1f} mm "
            f"at {theme.SHIPPED_DPI} dpi")


def small_buttons(root: QWidget) -> list[str]:
    """Visible touch targets under the 15 mm minimum, or buttons too narrow for their text."""
    bad = [f"{name!r}: {w}x{h} px = {theme.mm(min(w, h)):.1f} mm, under {theme.MIN_TARGET_MM} mm"
           for name, w, h in touch_targets(root) if min(w, h) < theme.MIN_TARGET_PX]
    for button in root.findChildren(QAbstractButton):
        if not button.isVisibleTo(root):
            continue
        text = button.fontMetrics().horizontalAdvance(button.text())
        room = button.width() - 8 - (button.iconSize().width() if not button.icon().isNull()
                                     else 0)
        if text > room:
            bad.append(f"{button.text()!r}: text {text} px in a {button.width()} px button")
    return bad


def settle() -> None:
    QApplication.processEvents()

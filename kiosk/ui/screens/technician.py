"""The technician screen: state of the cache, sync, readers and relay, the last decisions, and
four buttons. Technician-facing, so denser than the patron screens, but still touch-sized."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QListWidget, QVBoxLayout, QWidget

from kiosk.flow import Cancelled
from kiosk.ui import theme
from kiosk.ui.i18n import tr
from kiosk.ui.screens import texts
from kiosk.ui.screens.base import Screen, button, label
from kiosk.ui.techinfo import TechnicianInfo
from kiosk.ui.view import ScreenView

ACTIONS = ("sync", "relay_test", "reload_config")


class TechnicianScreen(Screen):
    action = Signal(str)
    """One of ACTIONS; the window runs it and logs it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(with_header=False, parent=parent)
        self.title = label("lead")
        self.summary = label("tech")
        self.week = label("tech")
        self.decisions = QListWidget()
        self.decisions.setAccessibleName("last decisions")
        self.message = label("techhead")
        self.buttons = {name: button("", role="tech") for name in ACTIONS}
        for name, widget in self.buttons.items():
            widget.clicked.connect(lambda _=False, n=name: self.action.emit(n))
        self.back = button("", role="tech")
        self.back.clicked.connect(lambda: self.send.emit(Cancelled()))
        left = QVBoxLayout()
        left.addWidget(self.summary)
        left.addWidget(self.week)
        left.addWidget(self.decisions, 1)
        right = QVBoxLayout()
        for widget in (*self.buttons.values(), self.back):
            right.addWidget(widget)
        right.addWidget(self.message)
        right.addStretch(1)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addLayout(left, 3)
        self.body.addLayout(right, 0)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        self.outer = QVBoxLayout(self)
        self.outer.addLayout(head)
        self.outer.addLayout(self.body, 1)
        self.info: TechnicianInfo | None = None

    def show_info(self, info: TechnicianInfo) -> None:
        self.info = info
        self.summary.setText(_summary(info))
        self.week.setText(tr("This week:") + "\n" + "\n".join(info.week))
        self.decisions.clear()
        self.decisions.addItems(info.decisions or [tr("No decisions logged yet.")])

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def show_view(self, view: ScreenView) -> None:
        super().show_view(view)
        self.title.setText(tr("Technician – %1", view.ambient.branch))
        names = {"sync": tr("Sync now"), "relay_test": tr("Relay test"),
                 "reload_config": tr("Reload config")}
        for name, widget in self.buttons.items():
            widget.setText(names[name])
            widget.setAccessibleName(names[name])
        self.back.setText(tr("Back"))
        self.back.setAccessibleName(tr("Back to the start"))

    def rescale(self, scale: float, portrait: bool) -> None:
        super().rescale(scale, portrait)
        self.body.setDirection(self.direction(portrait))
        margin = theme.px(24, scale)
        self.outer.setContentsMargins(margin, margin, margin, margin)
        for widget in (*self.buttons.values(), self.back):
            widget.setMinimumSize(theme.px(240, scale), max(theme.MIN_TARGET_PX,
                                                             theme.px(64, scale)))
        self.decisions.setStyleSheet(f"font-family: 'DejaVu Sans Mono', monospace; "
                                     f"font-size: {theme.px(14, scale)}px;"
                                     f"background: {theme.PANEL}; color: {theme.INK};")


def _summary(info: TechnicianInfo) -> str:
    age = texts.age(info.cache_age) if info.cache_age is not None else tr("never synced")
    readers = ", ".join(f"{n}: {s}" for n, s in info.readers.items()) or tr("none configured")
    relay = f"{info.relay.driver}: " + ("on" if info.relay.is_on else "off") + (
        f" – fault: {info.relay.fault}" if info.relay.fault else "")
    faults = ", ".join(f"{k}: {v}" for k, v in info.faults.items()) or tr("none")
    lines = [
        tr("Version %1 · mode now: %2", info.version, info.mode),
        tr("Cache: %1 patrons, %2, age %3", info.patrons, info.database, age),
        tr("Last sync: %1 · error: %2", info.last_sync or "–", info.last_sync_error or "–"),
        tr("Outbox: %1 waiting", info.outbox),
        tr("Readers: %1", readers),
        tr("Relay: %1", relay),
        tr("Faults: %1", faults),
    ]
    return "\n".join(lines)

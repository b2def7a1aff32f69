"""The technician screen: state of the cache, sync, readers and relay, the last decisions, and
four buttons. Technician-facing, so denser than the patron screens, but still touch-sized."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QListWidget, QVBoxLayout, QWidget

from kiosk.door.view import ScreenView
from kiosk.events import Cancelled
from kiosk.health.techinfo import TechnicianInfo
from kiosk.ui import theme
from kiosk.ui.i18n import tr
from kiosk.ui.screens.base import Screen, button, label
from kiosk.ui.screens.technician_texts import (
    building_lines,
    day_line,
    decision_lines,
    summary,
)

ACTIONS = ("sync", "relay_test", "reload_config")


class TechnicianScreen(Screen):
    action = Signal(str)
    """One of ACTIONS; the window runs it and logs it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(with_header=False, parent=parent)
        self.title = label("lead")
        self.summary = label("tech")
        self.building = label("tech")  # outputs, occupancy, the next 24 hours (issue 15)
        self.week = label("tech")
        self.decisions = QListWidget()
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
        self.building.setWordWrap(True)
        right.addWidget(self.building)
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
        self._show_info(info)

    def _show_info(self, info: TechnicianInfo) -> None:
        self.summary.setText(summary(info))
        self.building.setText("\n".join(building_lines(info.building)) if info.building else "")
        self.building.setVisible(info.building is not None)
        self.week.setText(tr("This week:") + "\n" + "\n".join(day_line(d) for d in info.week))
        self.decisions.clear()
        self.decisions.addItems(decision_lines(info.decisions) or [tr("No decisions logged yet.")])

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def show_view(self, view: ScreenView) -> None:
        super().show_view(view)
        if self.info is not None:  # in the language just chosen
            self._show_info(self.info)
        self.decisions.setAccessibleName(tr("Last decisions"))
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
            widget.setMinimumSize(theme.px(240, scale), theme.target_px(64, scale))
        self.decisions.setStyleSheet(f"font-family: 'DejaVu Sans Mono', monospace; "
                                     f"font-size: {theme.px(14, scale)}px;"
                                     f"background: {theme.PANEL}; color: {theme.INK};")


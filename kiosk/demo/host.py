"""The interactive demo's window: the kiosk's screens as tabs (the door, and the checkout when
there is one) beside a panel that says how to present a card and lists the sample cards, PINs
and item barcodes. It fits the screen it opens on (1280×800 and up): the kiosk scales down.

One window, so a card typed on the keyboard goes to the screen in view, never to one hidden
behind another window. English only: it is for whoever tries the demo, not for patrons.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QTabWidget, QWidget

from drivers.relays import BaseRelay
from kiosk.building.shell import BuildingShell
from kiosk.demo.building_panel import BuildingPanel
from kiosk.demo.panel import DemoPanel, SampleCard, SampleItem
from kiosk.ui.screens.checkout import CheckoutScreen
from kiosk.ui.window import KioskWindow

PANEL_WIDTH: Final = 340
KIOSK_SIZE: Final = QSize(1280, 800)
"""The kiosk's design size; in a smaller window it scales down (kiosk/ui/theme.py)."""


FRAME: Final = QSize(16, 48)
"""Room left for the window manager's frame and title bar."""


def host_size(available: QRect) -> QSize:
    """The demo window: the kiosk at its design size beside the panel, or what the screen has
    once the window's frame is counted."""
    wanted = QSize(KIOSK_SIZE.width() + PANEL_WIDTH, KIOSK_SIZE.height() + 48)  # + the tab row
    return wanted.boundedTo(available.size() - FRAME)


class DemoHost(QWidget):
    DOOR, CHECKOUT = "Door", "Self-checkout"

    def __init__(self, window: KioskWindow, checkout: CheckoutScreen | None, relay: BaseRelay,
                 cards: Sequence[SampleCard], items: Sequence[SampleItem],
                 present: Callable[[str], None], building: BuildingShell | None = None) -> None:
        super().__init__()
        self.setWindowTitle("Kiosk demo")
        self.window_ = window
        self.checkout = checkout
        self.tabs = QTabWidget()
        self.tabs.addTab(window, self.DOOR)
        if checkout is not None:
            self.tabs.addTab(checkout, self.CHECKOUT)
        lamps = BuildingPanel(building, window) if building is not None else None
        self.panel = DemoPanel(cards, items if checkout is not None else (), present, relay,
                               window, show_checkout=self.show_checkout, extra=lamps)
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setFixedWidth(PANEL_WIDTH)
        self.panel_area = scroll
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.tabs, 1)
        row.addWidget(scroll)

    @property
    def checkout_in_view(self) -> bool:
        return self.checkout is not None and self.tabs.currentWidget() is self.checkout

    def show_checkout(self) -> None:
        if self.checkout is not None:
            self.tabs.setCurrentWidget(self.checkout)

    def place(self, available: QRect) -> None:
        """Size and move the window so all of it, the panel too, is on `available`."""
        size = host_size(available)
        self.resize(size)
        self.move(available.topLeft())

    def release(self) -> None:
        """Give the kiosk's screens back (the composition root closes them)."""
        for index in reversed(range(self.tabs.count())):
            widget = self.tabs.widget(index)
            if widget is not None:
                widget.setParent(None)

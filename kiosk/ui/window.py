"""The kiosk window: a stack of screens showing the DoorController's state.

It forwards touches, reader events (through the bridge) and a Tick every `tick_ms` to the
controller, then renders whatever state comes back. The flow owns every deadline; this window
owns only the timer that lets the flow look at the clock.
"""

from __future__ import annotations

import logging
import random
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QRect, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLayout, QStackedLayout, QWidget

from drivers.types import ReaderState, ReaderStatus
from kiosk.door import DoorController
from kiosk.flow import Event, Phase, TechnicianRequested, Tick
from kiosk.ui import theme
from kiosk.ui.ambient import AmbientSource
from kiosk.ui.bridge import Bridge
from kiosk.ui.i18n import Translations
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.idle import IdleScreen
from kiosk.ui.screens.notice import NoticeScreen
from kiosk.ui.screens.pin import PinScreen
from kiosk.ui.screens.result import ResultScreen
from kiosk.ui.screens.technician import TechnicianScreen
from kiosk.ui.techinfo import TechnicianInfo
from kiosk.ui.view import ScreenKind, ScreenView, screen_for
from kiosk.ui.widgets.corner import LongPressCorner
from kiosk.ui.widgets.pinpad import DIGITS

log = logging.getLogger(__name__)
FLOW_EVENTS: tuple[type, ...] = typing.get_args(Event)


@dataclass(frozen=True, slots=True)
class TechnicianActions:
    """What the technician screen's buttons do; built by the composition root."""

    info: Callable[[Mapping[str, ReaderStatus]], TechnicianInfo]
    sync_now: Callable[[], str]
    relay_test: Callable[[], str]
    reload_config: Callable[[], str]
    opened: Callable[[], None] = lambda: None
    """Told when the technician screen opens (the audit trail)."""


class KioskWindow(QWidget):
    tick_ms: int = 200
    """How often the flow gets a Tick (deadlines, countdowns, the clock)."""

    ticked = Signal()

    def __init__(
        self,
        controller: DoorController,
        ambient: AmbientSource,
        actions: TechnicianActions,
        shuffle_pin: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Kiosk")
        self.controller = controller
        self.ambient = ambient
        self.tech_actions = actions
        self.shuffle_pin = shuffle_pin
        self.readers: dict[str, ReaderStatus] = {}
        self.translations = Translations()
        self.bridge = Bridge(self)
        self.bridge.arrived.connect(self.dispatch)
        self.screens = _screens()
        self._stack = QStackedLayout(self)
        # The screen's size is given (the panel); a screen must fit it, never stretch it.
        self._stack.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        for screen in dict.fromkeys(self.screens.values()):  # the PIN screen serves twice
            self._stack.addWidget(screen)
            screen.send.connect(self.dispatch)
        self.technician.action.connect(self._technician_action)
        self.corner = LongPressCorner(self)
        self.corner.held.connect(self._corner_held)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self.kind: ScreenKind | None = None
        self.refresh()

    @property
    def technician(self) -> TechnicianScreen:
        screen = self.screens[ScreenKind.TECHNICIAN]
        assert isinstance(screen, TechnicianScreen)
        return screen

    @property
    def pin_screen(self) -> PinScreen:
        screen = self.screens[ScreenKind.PIN]
        assert isinstance(screen, PinScreen)
        return screen

    @property
    def current(self) -> Screen:
        widget = self._stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    def start(self) -> None:
        self._timer.start(self.tick_ms)

    def stop(self) -> None:
        self._timer.stop()
        self.corner.stop()
        self.translations.close()

    def dispatch(self, event: object) -> None:
        """Every event enters here, on the GUI thread: touches, reader reads and states."""
        if isinstance(event, ReaderStatus):
            self._reader_status(event)
        elif isinstance(event, FLOW_EVENTS):
            self.controller.handle(typing.cast(Event, event))
        else:
            log.warning("ignored an event of type %s", type(event).__name__)
        self.refresh()

    def _tick(self) -> None:
        self.controller.handle(Tick())
        self.refresh()
        self.ticked.emit()

    def _reader_status(self, status: ReaderStatus) -> None:
        # A door whose reader is gone cannot take a card: say "out of order" instead of
        # showing a screen that silently ignores the patron.
        key = f"reader {status.reader}"
        if status.state is ReaderState.CONNECTED:
            if self.controller.faults.pop(key, None) is not None:
                log.info("reader %s connected again", status.reader)
        else:
            self.controller.faults[key] = status.detail or str(status.state)
        self.readers[status.reader] = status
        self.ambient.invalidate()

    def view(self) -> ScreenView:
        state = self.controller.state
        ambient = self.ambient.snapshot()
        settings = self.controller.settings
        totals = {
            Phase.AWAITING_PIN: settings.pin_timeout_s,
            Phase.TECHNICIAN_PIN: settings.pin_timeout_s,
            Phase.GRANTED: settings.pulse_s,
            Phase.DENIED: settings.result_s,
            Phase.TECHNICIAN: settings.technician_s,
        }
        remaining = None
        if state.deadline is not None:
            remaining = state.deadline - self.controller.monotonic()
        return ScreenView(
            kind=screen_for(state, ambient),
            state=state,
            ambient=ambient,
            lang=state.language or settings.default_language,
            pin_length=settings.pin_length,
            remaining_s=remaining,
            total_s=totals.get(state.phase),
        )

    def refresh(self) -> None:
        view = self.view()
        self.translations.use(view.lang)
        if view.kind is not self.kind:
            self._enter(view.kind)
        screen = self.screens[view.kind]
        self._stack.setCurrentWidget(screen)
        screen.show_view(view)

    def _enter(self, kind: ScreenKind) -> None:
        self.kind = kind
        if kind is ScreenKind.PIN:
            order = list(DIGITS)
            if self.shuffle_pin:
                random.SystemRandom().shuffle(order)  # onlookers learn nothing from positions
            self.pin_screen.arrange(order)
        if kind is ScreenKind.TECHNICIAN:
            log.warning("technician screen shown")
            self.tech_actions.opened()
            self.technician.show_message("")
            self.technician.show_info(self.tech_actions.info(self.readers))
        if kind in (ScreenKind.IDLE, ScreenKind.CLOSED, ScreenKind.OUT_OF_ORDER):
            self.ambient.invalidate()

    def _technician_action(self, name: str) -> None:
        log.warning("technician action: %s", name)
        action = {"sync": self.tech_actions.sync_now, "relay_test": self.tech_actions.relay_test,
                  "reload_config": self.tech_actions.reload_config}[name]
        self.technician.show_message(action())
        self.technician.show_info(self.tech_actions.info(self.readers))
        self.refresh()

    def _corner_held(self) -> None:
        log.info("technician corner held")
        self.dispatch(TechnicianRequested())

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        scale = theme.scale_for(size.width(), size.height())
        self.setStyleSheet(theme.style_sheet(scale))
        portrait = size.height() > size.width()
        for screen in dict.fromkeys(self.screens.values()):
            screen.rescale(scale, portrait)
        side = theme.px(110, scale)
        self.corner.setGeometry(QRect(0, 0, side, side))
        self.corner.raise_()
        super().resizeEvent(event)


def _screens() -> dict[ScreenKind, Screen]:
    pin = PinScreen()
    return {
        ScreenKind.IDLE: IdleScreen(),
        ScreenKind.CLOSED: NoticeScreen(ScreenKind.CLOSED),
        ScreenKind.OUT_OF_ORDER: NoticeScreen(ScreenKind.OUT_OF_ORDER),
        ScreenKind.FIRE: NoticeScreen(ScreenKind.FIRE),
        ScreenKind.PIN: pin,
        ScreenKind.TECHNICIAN_PIN: pin,
        ScreenKind.GRANTED: ResultScreen(granted=True),
        ScreenKind.DENIED: ResultScreen(granted=False),
        ScreenKind.TECHNICIAN: TechnicianScreen(),
    }

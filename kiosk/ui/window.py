"""The kiosk window: a stack of screens showing snapshots of the DoorController's state.

Touches, reader events (through the bridge) and a Tick every `tick_ms` are posted, in order, to
the controller worker (kiosk/ui/worker.py), which runs the controller off the GUI thread and
hands back a `DoorSnapshot`; the window renders only those. While an event waits for its
answer the PIN dots follow the touches already made, and after `PendingEvents.after_ms` a
"Checking…" note shows. The flow owns every deadline; this window owns only the timer that lets
the flow look at the clock.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Mapping

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLayout, QStackedLayout, QWidget

from drivers.types import ReaderStatus
from kiosk.door.flow import DoorState, TechnicianRequested
from kiosk.door.runner import DoorRunner, DoorSnapshot
from kiosk.door.view import ScreenKind
from kiosk.reasons import Lang
from kiosk.ui import theme
from kiosk.ui.driving import Bridge, DrivenWidget, ScreenDriver
from kiosk.ui.i18n import Translations
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.idle import IdleScreen
from kiosk.ui.screens.notice import NoticeScreen
from kiosk.ui.screens.pin import PinScreen
from kiosk.ui.screens.result import ResultScreen
from kiosk.ui.screens.technician import TechnicianScreen
from kiosk.ui.speech import Narrator
from kiosk.ui.widgets.corner import LongPressCorner
from kiosk.ui.widgets.languages import direction_of
from kiosk.ui.widgets.pinpad import DIGITS
from kiosk.ui.worker import ControllerWorker

log = logging.getLogger(__name__)
IDLE_KINDS = frozenset({ScreenKind.IDLE, ScreenKind.CLOSED, ScreenKind.OUT_OF_ORDER})
"""Nobody at the door: after a while there, speech turns itself off for the next patron."""
TICK_KEY = "door-tick"
"""At most one door Tick waits at the worker; the next timer tick is dropped meanwhile."""


class KioskWindow(DrivenWidget, QWidget):
    ticked = Signal()
    rendered = Signal(object)
    """A DoorSnapshot has just been rendered (tests and the demo wait on it)."""

    def __init__(
        self,
        runner: DoorRunner,
        bridge: Bridge,
        shuffle_pin: bool = False,
        worker: ControllerWorker | None = None,
        narrator: Narrator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Kiosk")
        self.narrator = narrator or Narrator(None, lambda: 0.0, parent=self)
        self.runner = runner
        """Called only on the worker's thread, never from here."""
        self.worker = worker or ControllerWorker("door-worker", self)
        self.driver = ScreenDriver(self, self.worker, runner.handle, self._render, TICK_KEY,
                                   on_posted=self._local_digits)
        self.driver.timer.timeout.connect(self.ticked.emit)
        self.shuffle_pin = shuffle_pin
        self.translations = Translations()
        self.bridge = bridge
        self.bridge.arrived.connect(self.dispatch)
        self.screens = _screens()
        self._stack = QStackedLayout(self)
        # The screen's size is given (the panel); a screen must fit it, never stretch it.
        self._stack.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        for screen in dict.fromkeys(self.screens.values()):  # the PIN screen serves twice
            self._stack.addWidget(screen)
            screen.send.connect(self.dispatch)
            screen.speech_toggled.connect(self._toggle_speech)
        self.technician.action.connect(self._technician_action)
        self.corner = LongPressCorner(self)
        self.corner.held.connect(self._corner_held)
        self.kind: ScreenKind | None = None
        # The first picture is read here, before the worker exists: nothing else runs yet.
        self.snapshot = self.runner.snapshot()
        self._render(self.snapshot)

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

    @property
    def state(self) -> DoorState:
        """The door state on screen (the last snapshot rendered)."""
        return self.snapshot.view.state

    @property
    def readers(self) -> Mapping[str, ReaderStatus]:
        return self.snapshot.readers

    @property
    def shown_lang(self) -> Lang:
        return self.snapshot.view.lang

    @property
    def speech_idle(self) -> bool:
        return self.kind in IDLE_KINDS

    @property
    def current_screen(self) -> Screen:
        return self.current

    def stop(self) -> None:
        self.corner.stop()
        super().stop()

    def _render(self, snapshot: DoorSnapshot) -> None:
        self.snapshot = snapshot
        view = snapshot.view
        self.translations.use(view.lang)
        if view.kind is not self.kind:
            self._enter(view.kind)
        if snapshot.message is not None:
            self.technician.show_message(snapshot.message)
        if snapshot.info is not None:
            self.technician.show_info(snapshot.info)
        screen = self.screens[view.kind]
        self._stack.setCurrentWidget(screen)
        if self.layoutDirection() != direction_of(view.lang):
            self.setLayoutDirection(direction_of(view.lang))
            self._place_corner()
        screen.show_view(view)
        self._local_digits()
        self.speak(screen)
        self.rendered.emit(snapshot)

    def _local_digits(self) -> None:
        """PIN dots for the keys already touched, before the worker has answered them."""
        view = self.snapshot.view
        if view.kind not in (ScreenKind.PIN, ScreenKind.TECHNICIAN_PIN):
            return
        count = self.driver.typed_digits(len(view.state.digits))
        length = view.pin_length if view.kind is ScreenKind.PIN else None
        self.pin_screen.dots.show_digits(min(count, length or count), length)

    def _enter(self, kind: ScreenKind) -> None:
        self.kind = kind
        self.screens[kind].close_chooser()  # a chooser left open when this screen last showed
        if kind is ScreenKind.PIN:
            order = list(DIGITS)
            if self.shuffle_pin:
                random.SystemRandom().shuffle(order)  # onlookers learn nothing from positions
            self.pin_screen.arrange(order)

    def _technician_action(self, name: str) -> None:
        log.warning("technician action: %s", name)
        self.technician.show_message("…")
        self.driver.run(lambda: self.runner.technician_action(name), name)

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
        self._place_corner()
        self.pending.note.place(self.rect(), scale)
        super().resizeEvent(event)

    def _place_corner(self) -> None:
        """The technician's corner: top left, or top right when the screen reads right to left
        (the header's buttons are then on the left)."""
        side = theme.px(110, theme.scale_for(self.width(), self.height()))
        left = self.width() - side if self.layoutDirection() == Qt.LayoutDirection.RightToLeft \
            else 0
        self.corner.setGeometry(QRect(left, 0, side, side))
        self.corner.raise_()


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

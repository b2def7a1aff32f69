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
from collections.abc import Callable, Mapping

from PySide6.QtCore import QRect, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLayout, QStackedLayout, QWidget

from drivers.types import ReaderStatus
from kiosk.door import DoorController
from kiosk.flow import DoorState, PinDigit, PinErased, TechnicianRequested, Tick
from kiosk.ui import theme
from kiosk.ui.ambient import AmbientSource
from kiosk.ui.bridge import Bridge
from kiosk.ui.door_runner import DoorRunner, DoorSnapshot, TechnicianActions
from kiosk.ui.i18n import Translations
from kiosk.ui.pending import CheckingNote, PendingEvents
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.idle import IdleScreen
from kiosk.ui.screens.notice import NoticeScreen
from kiosk.ui.screens.pin import PinScreen
from kiosk.ui.screens.result import ResultScreen
from kiosk.ui.screens.technician import TechnicianScreen
from kiosk.ui.view import ScreenKind
from kiosk.ui.widgets.corner import LongPressCorner
from kiosk.ui.widgets.pinpad import DIGITS
from kiosk.ui.worker import ControllerWorker

log = logging.getLogger(__name__)
TICK_KEY = "door-tick"
"""At most one door Tick waits at the worker; the next timer tick is dropped meanwhile."""


class KioskWindow(QWidget):
    tick_ms: int = 200
    """How often the flow gets a Tick (deadlines, countdowns, the clock)."""

    ticked = Signal()
    rendered = Signal(object)
    """A DoorSnapshot has just been rendered (tests and the demo wait on it)."""

    def __init__(
        self,
        controller: DoorController,
        ambient: AmbientSource,
        actions: TechnicianActions,
        shuffle_pin: bool = False,
        worker: ControllerWorker | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Kiosk")
        self.controller = controller
        """Called only on the worker's thread (through `runner`), never from here."""
        self.runner = DoorRunner(controller, ambient, actions)
        self.worker = worker or ControllerWorker("door-worker", self)
        self.shuffle_pin = shuffle_pin
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
        self.pending = PendingEvents(CheckingNote(self), self)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
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
    def idle(self) -> bool:
        """Nothing of this window's is at the worker or waiting to be rendered."""
        return self.pending.idle

    def start(self) -> None:
        self._timer.start(self.tick_ms)

    def stop(self) -> None:
        """Stop the timers and the worker (a call in progress ends first); then nothing renders."""
        self._timer.stop()
        self.corner.stop()
        self.pending.stop()
        self.worker.stop()
        self.translations.close()

    def dispatch(self, event: object) -> None:
        """Every event enters here, on the GUI thread (touches, reader reads and states), and
        goes on to the worker in this order. Returns at once."""
        background = isinstance(event, Tick)
        posted = self.worker.post(lambda: self.runner.handle(event), self._answered(background),
                                  key=TICK_KEY if background else None,
                                  failed=self._failed(background))
        if posted:
            self.pending.posted(event, background)
            self._local_digits()

    def _tick(self) -> None:
        self.dispatch(Tick())
        self.ticked.emit()

    def _answered(self, background: bool) -> Callable[[DoorSnapshot], None]:
        def then(snapshot: DoorSnapshot) -> None:
            self.pending.answered(background)
            self._render(snapshot)

        return then

    def _failed(self, background: bool) -> Callable[[Exception], None]:
        def failed(_err: Exception) -> None:  # logged by the worker; keep the last picture
            self.pending.answered(background)
            self._local_digits()

        return failed

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
        screen.show_view(view)
        self._local_digits()
        self.rendered.emit(snapshot)

    def _local_digits(self) -> None:
        """PIN dots for the keys already touched, before the worker has answered them."""
        view = self.snapshot.view
        if view.kind not in (ScreenKind.PIN, ScreenKind.TECHNICIAN_PIN):
            return
        count = len(view.state.digits)
        for event in self.pending.waiting:
            if isinstance(event, PinDigit):
                count += 1
            elif isinstance(event, PinErased):
                count = max(count - 1, 0)
        length = view.pin_length if view.kind is ScreenKind.PIN else None
        self.pin_screen.dots.show_digits(min(count, length or count), length)

    def _enter(self, kind: ScreenKind) -> None:
        self.kind = kind
        if kind is ScreenKind.PIN:
            order = list(DIGITS)
            if self.shuffle_pin:
                random.SystemRandom().shuffle(order)  # onlookers learn nothing from positions
            self.pin_screen.arrange(order)

    def _technician_action(self, name: str) -> None:
        log.warning("technician action: %s", name)
        self.technician.show_message("…")
        if self.worker.post(lambda: self.runner.technician_action(name), self._answered(False),
                            failed=self._failed(False)):
            self.pending.posted(name)

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
        self.pending.note.place(self.rect(), scale)
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

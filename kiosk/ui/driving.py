"""How a screen drives its controller, shared by the door window and the checkout screen.

Reader and door-input threads hand their events to the GUI thread through a `Bridge` (a queued
Signal(object)); there every event (a touch, a reader's card, a Tick every `tick_ms`) goes to
the controller worker in posting order; the worker runs the controller and returns a snapshot
(frozen, Qt-free), which comes back to `render` on the GUI thread. While events wait, the
"Checking…" note shows after a moment and the PIN dots follow the keys already touched. At most
one Tick waits at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from kiosk.events import PinDigit, PinErased, Tick
from kiosk.reasons import Lang
from kiosk.ui.i18n import Translations
from kiosk.ui.pending import CheckingNote, PendingEvents
from kiosk.ui.screens.base import Screen
from kiosk.ui.speech import Narrator
from kiosk.ui.worker import ControllerWorker

Snapshot = TypeVar("Snapshot")


class Bridge(QObject):
    """The one way from other threads (readers, door inputs) into the GUI thread."""

    arrived = Signal(object)
    """Emitted from any thread; connected slots run on the receiver's (GUI) thread."""

    def post(self, event: object) -> None:
        """Thread-safe: hand `event` to the GUI thread."""
        self.arrived.emit(event)


class ScreenDriver(Generic[Snapshot]):
    def __init__(
        self,
        owner: QWidget,
        worker: ControllerWorker,
        handle: Callable[[object], Snapshot],
        render: Callable[[Snapshot], None],
        tick_key: str,
        on_posted: Callable[[], None] = lambda: None,
    ) -> None:
        """`handle` runs on the worker (the controller's side); `render` on the GUI thread.

        `on_posted` is told after each post (the screen redraws its PIN dots).
        """
        self.worker = worker
        self.pending = PendingEvents(CheckingNote(owner), owner)
        self._handle = handle
        self._render = render
        self._tick_key = tick_key
        self._on_posted = on_posted
        self.timer = QTimer(owner)
        self.timer.setObjectName(tick_key)
        self.timer.timeout.connect(lambda: self.dispatch(Tick()))

    @property
    def idle(self) -> bool:
        """Nothing of this screen's is at the worker or waiting to be rendered."""
        return self.pending.idle

    def start(self, tick_ms: int) -> None:
        self.timer.start(tick_ms)

    def stop(self) -> None:
        """Stop ticking and stop the worker (a call in progress ends first); nothing renders
        after this."""
        self.timer.stop()
        self.pending.stop()
        self.worker.stop()

    def dispatch(self, event: object) -> None:
        """Hand `event` to the worker after every event before it; returns at once."""
        background = isinstance(event, Tick)
        handle = self._handle
        self.run(lambda: handle(event), event, background)

    def run(self, job: Callable[[], Snapshot], label: object, background: bool = False) -> None:
        """Any other call into the controller's side (a technician button), in the same order."""
        posted = self.worker.post(job, self._answered(background),
                                  key=self._tick_key if background else None,
                                  failed=self._failed(background))
        if posted:
            self.pending.posted(label, background)
            self._on_posted()

    def typed_digits(self, shown: int) -> int:
        """PIN digits on screen once the keys still at the worker are counted in."""
        count = shown
        for event in self.pending.waiting:
            if isinstance(event, PinDigit):
                count += 1
            elif isinstance(event, PinErased):
                count = max(count - 1, 0)
        return count

    def _answered(self, background: bool) -> Callable[[Snapshot], None]:
        def then(snapshot: Snapshot) -> None:
            self.pending.answered(background)
            self._render(snapshot)

        return then

    def _failed(self, background: bool) -> Callable[[Exception], None]:
        def failed(_err: Exception) -> None:  # logged by the worker; keep the last picture
            self.pending.answered(background)
            self._on_posted()

        return failed


class DrivenWidget:
    """What a widget driven through a ScreenDriver offers the composition root, the demo and the
    tests: start, stop, dispatch, and whether anything of its is still at the worker. Mixed into
    the door window and the checkout screen, which set `driver` and `translations`."""

    tick_ms: int = 200
    """How often the flow gets a Tick (deadlines, countdowns, the clock)."""
    driver: ScreenDriver[Any]
    translations: Translations
    narrator: Narrator

    @property
    def shown_lang(self) -> Lang:
        raise NotImplementedError

    @property
    def speech_idle(self) -> bool:
        """Nobody is using the screen now (speech turns off after a while of this)."""
        raise NotImplementedError

    @property
    def pending(self) -> PendingEvents:
        return self.driver.pending

    @property
    def idle(self) -> bool:
        """Nothing of this widget's is at the worker or waiting to be rendered."""
        return self.driver.idle

    def start(self) -> None:
        self.driver.start(self.tick_ms)

    def stop(self) -> None:
        """Stop the timer and the worker (a call in progress ends first); then nothing renders."""
        self.driver.stop()
        self.translations.close()
        self.narrator.close()

    def dispatch(self, event: object) -> None:
        """Every event enters here, on the GUI thread, and goes on to the worker in this order.
        Returns at once."""
        if isinstance(event, PinDigit):
            self.narrator.key_entered(self.shown_lang)  # "digit entered", never the digit
        self.driver.dispatch(event)

    def speak(self, screen: Screen) -> None:
        """After a render: the header's "Read aloud" state, and the screen's words if new."""
        self.narrator.show(screen, self.shown_lang, self.speech_idle)
        if screen.header is not None:
            screen.header.show_speech(self.narrator.available, self.narrator.on)

    def _toggle_speech(self) -> None:
        screen = self.current_screen
        self.narrator.toggle(screen, self.shown_lang, self.speech_idle)
        if screen.header is not None:
            screen.header.show_speech(self.narrator.available, self.narrator.on)

    @property
    def current_screen(self) -> Screen:
        raise NotImplementedError

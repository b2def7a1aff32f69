"""A screen's events still at the controller worker, and the "Checking…" note they bring up.

The screen tells `posted()` / `answered()`; answers come back in posting order, so a deque is
the whole bookkeeping. When an event has waited `after_ms` the note shows: a patron whose
touch went to a slow library system sees within a frame that it was taken.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRect, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui import theme
from kiosk.ui.i18n import tr


class CheckingNote(QLabel):
    """A yellow band over the bottom of its parent: "Checking…"."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("checking")
        self.setProperty("role", "warning")  # the theme's "look here" band
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.hide()

    def place(self, room: QRect, scale: float) -> None:
        height = theme.px(72, scale)
        margin = theme.px(24, scale)
        self.setGeometry(QRect(room.left() + margin, room.bottom() - height - margin,
                               room.width() - 2 * margin, height))

    def appear(self) -> None:
        self.setText(tr("Checking…"))
        self.show()
        self.raise_()


class PendingEvents(QObject):
    """Events posted but not answered yet; shows `note` when one has waited `after_ms`."""

    after_ms: int = 150

    def __init__(self, note: CheckingNote, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.note = note
        self.waiting: deque[object] = deque()
        """Events whose answer has not been rendered, oldest first (background Ticks not)."""
        self.in_flight = 0
        """Every job at the worker for this screen, Ticks included."""
        self._timer = QTimer(self)
        self._timer.setObjectName("checking")
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._late)

    @property
    def idle(self) -> bool:
        return self.in_flight == 0

    def posted(self, event: object, background: bool = False) -> None:
        self.in_flight += 1
        if background:
            return
        self.waiting.append(event)
        if len(self.waiting) == 1:
            self._timer.start(self.after_ms)

    def answered(self, background: bool = False) -> None:
        self.in_flight = max(self.in_flight - 1, 0)
        if background or not self.waiting:
            return
        self.waiting.popleft()
        if not self.waiting:
            self._timer.stop()
            self.note.hide()
        elif not self.note.isVisible():
            self._timer.start(self.after_ms)  # the next event's wait starts now

    def stop(self) -> None:
        self._timer.stop()
        self.note.hide()

    def _late(self) -> None:
        if self.waiting:
            self.note.appear()


def settle(done: Callable[[], bool], timeout_s: float = 10.0) -> bool:
    """Run the GUI event loop until `done()` (the headless demo: wait for the worker's
    answers between steps). False if `timeout_s` passed first."""
    deadline = time.monotonic() + timeout_s
    wake = QTimer()  # WaitForMoreEvents returns at least this often, to look at the deadline
    wake.start(20)
    try:
        while not done():
            if time.monotonic() > deadline:
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        wake.stop()
    return True

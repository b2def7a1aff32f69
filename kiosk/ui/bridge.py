"""The one way from worker threads (readers, sync) into the GUI thread: a queued Signal(object).

A reader thread calls `bridge.post(event)`; Qt queues it, and the window's slot runs on the GUI
thread, where the DoorController lives. Nothing here looks inside the events.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Bridge(QObject):
    arrived = Signal(object)
    """Emitted from any thread; connected slots run on the receiver's (GUI) thread."""

    def post(self, event: object) -> None:
        """Thread-safe: hand `event` to the GUI thread."""
        self.arrived.emit(event)

"""The state of each card reader, as its thread last reported it (for metrics and /healthz).

`tap()` wraps the reader's status callback: the kiosk's own handling still gets every status.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping

from drivers.types import OnStatus, ReaderState, ReaderStatus


class ReaderBoard:
    def __init__(self, names: Iterable[str] = ()) -> None:
        self._lock = threading.Lock()
        # A reader that has not said anything yet is not known to work.
        self._states: dict[str, ReaderState] = dict.fromkeys(names, ReaderState.DISCONNECTED)

    def update(self, status: ReaderStatus) -> None:
        with self._lock:
            self._states[status.reader] = status.state

    def tap(self, on_status: OnStatus) -> OnStatus:
        def both(status: ReaderStatus) -> None:
            self.update(status)
            on_status(status)

        return both

    def states(self) -> Mapping[str, ReaderState]:
        with self._lock:
            return dict(self._states)

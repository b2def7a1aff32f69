"""Fakes with the real interfaces and fault switches, for the demo and the tests.

ScriptedReader turns given raw strings into CardReads through the real parser; RecordingRelay
is a real BaseRelay (same pulse and off logic) that records every command with its monotonic
time instead of talking to a board. Nothing from kiosk/ or sync/.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from drivers.cardparse import compile_patterns, parse_card
from drivers.relays.base import BaseRelay
from drivers.types import OnRead, OnStatus, ReaderState, ReaderStatus, RelayFault


class ScriptedReader:
    """A `CardReader` that delivers `raws` on start and anything passed to `present()`.

    Delivery is synchronous, in the caller's thread; `unplug()`/`replug()` report state as a
    real reader would.
    """

    def __init__(
        self, name: str = "scripted", raws: Iterable[str] = (), card_patterns: Sequence[str] = ()
    ) -> None:
        self.name = name
        self._raws = tuple(raws)
        self._patterns = compile_patterns(card_patterns)
        self._on_read: OnRead | None = None
        self._on_status: OnStatus | None = None

    @property
    def running(self) -> bool:
        return self._on_read is not None

    def start(self, on_read: OnRead, on_status: OnStatus) -> None:
        self._on_read, self._on_status = on_read, on_status
        on_status(ReaderStatus(self.name, ReaderState.CONNECTED))
        for raw in self._raws:
            self.present(raw)

    def stop(self) -> None:
        self._on_read = self._on_status = None

    def present(self, raw: str) -> None:
        """A card is read now."""
        if self._on_read is None:
            raise RuntimeError(f"reader {self.name!r} is not started")
        self._on_read(parse_card(raw, self.name, self._patterns))

    def unplug(self, detail: str = "unplugged") -> None:
        self._report(ReaderState.DISCONNECTED, detail)

    def replug(self) -> None:
        self._report(ReaderState.CONNECTED, "")

    def _report(self, state: ReaderState, detail: str) -> None:
        if self._on_status is not None:
            self._on_status(ReaderStatus(self.name, state, detail))


@dataclass(frozen=True, slots=True)
class RelayCommand:
    on: bool
    at: float
    """time.monotonic() when the command was taken."""


class RecordingRelay(BaseRelay):
    """A relay board that latches like a real one and remembers every command.

    `latched` is the board's state (starts at `latched_on`, as after a crash); set `failing`
    to make every command raise RelayFault (an unplugged board).
    """

    def __init__(
        self, name: str = "recording", latched_on: bool = False, probe_s: float | None = None
    ) -> None:
        super().__init__(name, probe_s)
        self.latched = latched_on
        self.failing = False
        self.commands: list[RelayCommand] = []
        self._changed = threading.Condition()
        self._start()

    def _send(self, on: bool) -> None:
        if self.failing:
            raise RelayFault(f"{self.name}: board not answering")
        with self._changed:
            self.latched = on
            self.commands.append(RelayCommand(on, time.monotonic()))
            self._changed.notify_all()

    def wait_for(self, predicate: Callable[[RecordingRelay], bool], timeout: float) -> bool:
        """Wait until `predicate(self)` holds (checked on every command); False on timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: predicate(self), timeout)

"""Door contact and fire-alarm inputs: a serial port's modem status lines, or a GPIO line.

Each input reports its debounced level as DoorEvents (OPENED/CLOSED or FIRE_ALARM_ON/OFF),
including the level found at start-up, so the app rebuilds door state from inputs after a
restart (reliability.md). The debounce is a pure object; the shells are thin threads that
survive the port or chip going away. `gpiod` is imported lazily. Nothing from kiosk/ or sync/.
"""

from __future__ import annotations

import logging
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from datetime import timedelta
from enum import StrEnum
from typing import Any, Final

import serial

from drivers.reconnect import Backoff
from drivers.relays.gpio import import_gpiod, line_key
from drivers.types import DoorEvent, DoorEventKind

log = logging.getLogger(__name__)

OnDoorEvent = Callable[[DoorEvent], None]


class InputRole(StrEnum):
    DOOR = "door"
    FIRE = "fire"
    EXIT = "exit"
    """A request-to-exit button or PIR: an event when it becomes active, none on release."""
    PEOPLE_IN = "people_in"
    """A people counter's contact: one pulse per person."""
    PEOPLE_OUT = "people_out"


class ModemLine(StrEnum):
    CTS = "cts"
    DSR = "dsr"
    CD = "cd"
    RI = "ri"


_EVENTS: Final[dict[InputRole, tuple[DoorEventKind | None, DoorEventKind]]] = {
    InputRole.DOOR: (DoorEventKind.CLOSED, DoorEventKind.OPENED),
    InputRole.FIRE: (DoorEventKind.FIRE_ALARM_OFF, DoorEventKind.FIRE_ALARM_ON),
    # Pulse inputs: only the active edge is an event. The level found at start-up is not
    # (a button held or a counter contact stuck at start is nobody leaving or arriving).
    InputRole.EXIT: (None, DoorEventKind.EXIT_REQUESTED),
    InputRole.PEOPLE_IN: (None, DoorEventKind.PERSON_IN),
    InputRole.PEOPLE_OUT: (None, DoorEventKind.PERSON_OUT),
}
PULSES: Final = frozenset({InputRole.EXIT, InputRole.PEOPLE_IN, InputRole.PEOPLE_OUT})
DEFAULT_DEBOUNCE_S: Final = 0.05


class Debouncer:
    """A level counts once it has held for `debounce_s`. The first sample counts at once."""

    def __init__(self, debounce_s: float = DEFAULT_DEBOUNCE_S) -> None:
        self.debounce_s = debounce_s
        self._stable: bool | None = None
        self._candidate: bool | None = None
        self._since = 0.0

    @property
    def level(self) -> bool | None:
        return self._stable

    def update(self, level: bool, at: float) -> bool | None:
        """The new stable level if `level` at `at` settles a change, else None."""
        if self._stable is None:
            self._stable = self._candidate = level
            return level
        if level != self._candidate:
            self._candidate, self._since = level, at
        if self._candidate != self._stable and at - self._since >= self.debounce_s:
            self._stable = self._candidate
            return self._stable
        return None

    def reset(self) -> None:
        self._stable = self._candidate = None


class _InputShell(ABC):
    """Thread shell: sample, debounce, emit; on a lost device back off and start over."""

    def __init__(
        self, name: str, role: InputRole, active_low: bool, debounce_s: float, poll_s: float
    ) -> None:
        self.name = name
        self.role = InputRole(role)
        self.active_low = active_low
        self.poll_s = poll_s
        self._debouncer = Debouncer(debounce_s)
        self._backoff = Backoff(0.5)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._on_event: OnDoorEvent | None = None
        self._failing = False

    @property
    def level(self) -> bool | None:
        """The settled level (active = True), None until the first sample."""
        return self._debouncer.level

    def start(self, on_event: OnDoorEvent) -> None:
        if self._thread is not None:
            raise RuntimeError(f"input {self.name!r} already started")
        self._on_event = on_event
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"drivers:{self.name}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)

    @abstractmethod
    def _session(self) -> None:
        """Open the source and call `_sample()` until stop; raise OSError when it is lost."""

    def _run(self) -> None:
        while not self._stop.is_set():
            self._debouncer.reset()
            try:
                self._session()
            except Exception as err:  # noqa: BLE001 - an input thread must never die
                if not self._failing:
                    log.warning("input %s lost: %s", self.name, err)
                self._failing = True
            if self._stop.wait(self._backoff.next()):
                break

    def _sample(self, raw_level: bool, at: float) -> None:
        if self._failing:
            log.info("input %s back", self.name)
            self._failing = False
            self._backoff.reset()
        first = self._debouncer.level is None
        settled = self._debouncer.update(raw_level != self.active_low, at)
        if settled is None or self._on_event is None:
            return
        kind = _EVENTS[self.role][settled]
        if kind is None or (first and self.role in PULSES):
            return
        event = DoorEvent(kind, at)
        log.info("input %s: %s", self.name, event.kind)
        try:
            self._on_event(event)
        except Exception:
            log.exception("event callback of input %s failed", self.name)


def _open_port(port: str) -> serial.Serial:
    return serial.serial_for_url(port, timeout=0)


class ModemLineInput(_InputShell):
    """A contact wired to CTS/DSR/CD/RI of a serial port (RTS/DTR can feed it), polled.

    `active_low=True` when the line is asserted while the door is closed (an NC contact).
    `open_port` opens the port from its name; tests hand in a real `loop://` port.
    """

    def __init__(
        self,
        name: str,
        port: str,
        line: ModemLine | str = ModemLine.CTS,
        role: InputRole | str = InputRole.DOOR,
        active_low: bool = False,
        debounce_s: float = DEFAULT_DEBOUNCE_S,
        poll_s: float = 0.02,
        open_port: Callable[[str], serial.Serial] = _open_port,
    ) -> None:
        super().__init__(name, InputRole(role), active_low, debounce_s, poll_s)
        self.port = port
        self.line = ModemLine(line)
        self._open_port = open_port

    def _session(self) -> None:
        port = self._open_port(self.port)
        try:
            while not self._stop.is_set():
                level = bool(getattr(port, self.line.value))  # TIOCMGET; OSError if unplugged
                self._sample(level, time.monotonic())
                self._stop.wait(self.poll_s)
        finally:
            port.close()


class GpioInput(_InputShell):
    """A contact on a GPIO line, woken by edge events, with the kernel's debounce as well."""

    def __init__(
        self,
        name: str,
        line: int | str,
        chip: str = "/dev/gpiochip0",
        role: InputRole | str = InputRole.DOOR,
        active_low: bool = False,
        debounce_s: float = DEFAULT_DEBOUNCE_S,
        poll_s: float = 0.1,
        consumer: str = "kiosk-input",
        gpiod_module: Any = None,
    ) -> None:
        super().__init__(name, InputRole(role), active_low, debounce_s, poll_s)
        self.chip = chip
        self.line = line_key(line)
        self.consumer = consumer
        self._gpiod = gpiod_module

    def _session(self) -> None:
        gpiod = self._gpiod if self._gpiod is not None else import_gpiod()
        settings = gpiod.LineSettings(
            direction=gpiod.line.Direction.INPUT,
            edge_detection=gpiod.line.Edge.BOTH,
            debounce_period=timedelta(seconds=self._debouncer.debounce_s),
        )
        request = gpiod.request_lines(
            self.chip, consumer=self.consumer, config={self.line: settings}
        )
        active = gpiod.line.Value.ACTIVE
        try:
            while not self._stop.is_set():
                self._sample(request.get_value(self.line) == active, time.monotonic())
                # Edges wake us early; the timeout lets the debounce settle and stop be seen.
                if request.wait_edge_events(timedelta(seconds=self.poll_s)):
                    request.read_edge_events()
        finally:
            request.release()

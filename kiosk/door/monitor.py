"""Door contact and fire-alarm inputs wired to the door: held-open and forced-open alarms, and
the fire alarm handed to the flow (which holds the strike released while it lasts); the
request-to-exit button and a people counter's contacts, whose presses open an exit window (an
opening then is not forced) and go on, with every door event and alarm, to `on_event` (the
building: exits, occupancy, tailgating, alarms that act).

The inputs run on their own threads; DoorWatch (pure, drivers/doorwatch.py) is fed under one
lock, and a small timer thread wakes it at its next deadline.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Final

from drivers.doorwatch import DoorWatch
from drivers.inputs import GpioInput, ModemLineInput
from drivers.types import DoorEvent, DoorEventKind
from kiosk.config.inputs import InputSection, InputsSection

log = logging.getLogger(__name__)
ALARMS = frozenset({
    DoorEventKind.HELD_OPEN, DoorEventKind.HELD_OPEN_CLEARED, DoorEventKind.FORCED_OPEN,
})


_INPUTS: Final = (("door_contact", "door"), ("fire_alarm", "fire"), ("exit_button", "exit"),
                  ("people_in", "people_in"), ("people_out", "people_out"))
INPUT_NAMES: Final = tuple(name for name, _role in _INPUTS)


def make_input(name: str, role: str, section: InputSection) -> ModemLineInput | GpioInput:
    if section.source == "serial_modem":
        if not section.port:
            raise ValueError(f"inputs.{name}: a serial_modem input needs `port`")
        return ModemLineInput(name, section.port, str(section.line), role, section.active_low)
    return GpioInput(name, section.line, section.gpio_chip, role, section.active_low)


class DoorMonitor:
    def __init__(
        self,
        config: InputsSection,
        on_fire: Callable[[bool], None],
        on_alarm: Callable[[DoorEvent], None] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        on_event: Callable[[DoorEvent], None] | None = None,
        exit_window_s: float = 4.0,
    ) -> None:
        self._watch = DoorWatch(held_open_s=config.held_open_seconds)
        self._on_event = on_event
        self.exit_window_s = exit_window_s
        """A press of the exit button lets the door open this long without a forced alarm
        (the door relay's pulse)."""
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._stop = False
        self._on_fire = on_fire
        self._on_alarm = on_alarm
        self._monotonic = monotonic
        self.inputs = [
            make_input(name, role, section)
            for name, role in _INPUTS
            if (section := getattr(config, name)) is not None
        ]
        self._timer: threading.Thread | None = None
        self.active_alarms: set[DoorEventKind] = set()
        """Held-open / forced-open alarms in force (technician screen, status)."""

    def start(self) -> None:
        for item in self.inputs:
            item.start(self.input_event)
        self._timer = threading.Thread(target=self._run_timer, name="door-monitor", daemon=True)
        self._timer.start()

    def stop(self) -> None:
        with self._lock:
            self._stop = True
            self._wake.notify_all()
        for item in self.inputs:
            item.stop()
        if self._timer is not None:
            self._timer.join(2.0)

    def granted(self, pulse_s: float) -> None:
        """The relay was just pulsed: an opening in this window is not forced."""
        with self._lock:
            alarms = self._watch.grant(self._monotonic(), pulse_s)
            self._wake.notify_all()
        self._report(alarms)

    def input_event(self, event: DoorEvent) -> None:
        if event.kind in (DoorEventKind.FIRE_ALARM_ON, DoorEventKind.FIRE_ALARM_OFF):
            on = event.kind is DoorEventKind.FIRE_ALARM_ON
            log.warning("fire alarm %s", "ON: door released" if on else "cleared")
            self._on_fire(on)
        with self._lock:
            if event.kind is DoorEventKind.EXIT_REQUESTED:
                # Leaving is allowed: the opening that follows is not forced.
                alarms = self._watch.grant(event.at, self.exit_window_s)
            else:
                alarms = self._watch.door(event)
            self._wake.notify_all()
        if event.kind is DoorEventKind.CLOSED:
            self.active_alarms.discard(DoorEventKind.FORCED_OPEN)
        if self._on_event is not None:
            self._on_event(event)
        self._report(alarms)

    def next_deadline(self) -> float | None:
        """Monotonic time of the next alarm that may fall due (the timer thread waits for it)."""
        with self._lock:
            return self._watch.next_deadline()

    def tick(self) -> None:
        """Report alarms that fell due (the timer thread calls this at each deadline)."""
        with self._lock:
            alarms = self._watch.tick(self._monotonic())
        self._report(alarms)

    def _run_timer(self) -> None:
        while True:
            with self._lock:
                if self._stop:
                    return
                deadline = self._watch.next_deadline()
                wait = None if deadline is None else max(deadline - self._monotonic(), 0.0)
                self._wake.wait(wait)
            self.tick()

    def _report(self, alarms: list[DoorEvent]) -> None:
        for alarm in alarms:
            if alarm.kind is DoorEventKind.HELD_OPEN_CLEARED:
                self.active_alarms.discard(DoorEventKind.HELD_OPEN)
                log.info("door closed again: held-open alarm cleared")
            else:
                self.active_alarms.add(alarm.kind)
                log.warning("door alarm: %s", alarm.kind)
            if alarm.kind in ALARMS:
                if self._on_alarm is not None:
                    self._on_alarm(alarm)
                if self._on_event is not None:
                    self._on_event(alarm)

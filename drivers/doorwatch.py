"""Door alarms from the door contact, the grants and the time (reliability.md scenario 20).

Pure: feed it door events, grants (unlock windows) and monotonic time; it returns alarm events.
- FORCED_OPEN: the door opened with no unlock window covering the moment, and stayed open for
  `forced_debounce_s` (a bounce or a rattled door is no alarm).
- HELD_OPEN: the door is still open `held_open_s` after the later of its opening and the end
  of the unlock window; HELD_OPEN_CLEARED when it closes afterwards.
- An opening within `bounce_s` of a close continues the previous opening (contact bounce).
- While the fire alarm is on, doors are meant to be open: no forced or held alarms.
Nothing from kiosk/ or sync/, no I/O, no clock of its own.
"""

from __future__ import annotations

from collections import deque
from typing import Final

from drivers.types import DoorEvent, DoorEventKind

DEFAULT_HELD_OPEN_S: Final = 15.0
DEFAULT_FORCED_DEBOUNCE_S: Final = 1.0
DEFAULT_BOUNCE_S: Final = 0.3
_GRANTS_KEPT: Final = 16


class DoorWatch:
    """Call `grant()` when the relay is pulsed, `door()` for each input event, and `tick()`
    whenever time passes (at `next_deadline()` at the latest); all return alarm events.
    """

    def __init__(
        self,
        held_open_s: float = DEFAULT_HELD_OPEN_S,
        forced_debounce_s: float = DEFAULT_FORCED_DEBOUNCE_S,
        bounce_s: float = DEFAULT_BOUNCE_S,
    ) -> None:
        self.held_open_s = held_open_s
        self.forced_debounce_s = forced_debounce_s
        self.bounce_s = bounce_s
        self._windows: deque[tuple[float, float]] = deque(maxlen=_GRANTS_KEPT)
        self._open = False
        self._opened_at = 0.0
        self._authorised = False
        self._closed_at: float | None = None
        self._forced_due: float | None = None
        self._held_due: float | None = None
        self._held = False
        self._forced = False
        self._fire = False

    @property
    def is_open(self) -> bool:
        return self._open

    @property
    def alarming(self) -> bool:
        """A forced or held-open alarm is active (cleared by the door closing)."""
        return self._held or self._forced

    def grant(self, at: float, pulse_s: float) -> list[DoorEvent]:
        """The door was unlocked at `at` for `pulse_s` seconds."""
        events = self.tick(at)
        end = at + pulse_s
        self._windows.append((at, end))
        if self._open and self._forced_due is not None:
            # Someone held the door for the person being let in: not forced.
            self._forced_due = None
            self._authorised = True
            self._held_due = end + self.held_open_s
        elif self._open and self._authorised and self._held_due is not None:
            self._held_due = max(self._held_due, end + self.held_open_s)
        return events

    def door(self, event: DoorEvent) -> list[DoorEvent]:
        """Apply an input event (OPENED, CLOSED, FIRE_ALARM_ON/OFF; others are ignored)."""
        events = self.tick(event.at)
        if event.kind is DoorEventKind.OPENED and not self._open:
            self._opened(event.at)
        elif event.kind is DoorEventKind.CLOSED and self._open:
            events += self._closed(event.at)
        elif event.kind is DoorEventKind.FIRE_ALARM_ON:
            self._fire = True
            self._forced_due = self._held_due = None
        elif event.kind is DoorEventKind.FIRE_ALARM_OFF and self._fire:
            self._fire = False
            if self._open:
                self._held_due = event.at + self.held_open_s
        return events

    def tick(self, now: float) -> list[DoorEvent]:
        """Alarms that became due by `now`, each stamped with the moment it became due."""
        events: list[DoorEvent] = []
        if self._forced_due is not None and now >= self._forced_due:
            events.append(DoorEvent(DoorEventKind.FORCED_OPEN, self._forced_due))
            self._forced, self._forced_due = True, None
        if self._held_due is not None and now >= self._held_due:
            events.append(DoorEvent(DoorEventKind.HELD_OPEN, self._held_due))
            self._held, self._held_due = True, None
        return events

    def next_deadline(self) -> float | None:
        """When `tick()` will next have something to say, or None."""
        dues = [d for d in (self._forced_due, self._held_due) if d is not None]
        return min(dues) if dues else None

    def _covered(self, at: float) -> tuple[bool, float]:
        """Whether an unlock window covers `at`, and the latest window end that does."""
        ends = [end for start, end in self._windows if start <= at <= end]
        return (True, max(ends)) if ends else (False, at)

    def _opened(self, at: float) -> None:
        self._open = True
        bounced = self._closed_at is not None and at - self._closed_at <= self.bounce_s
        if bounced:
            # Same opening as before the close: keep its authorisation and alarms.
            held_from = at
        else:
            self._opened_at = at
            self._authorised, window_end = self._covered(at)
            held_from = max(at, window_end)
            self._held = self._forced = False
        if self._fire:
            return
        if not self._authorised and not self._forced:
            self._forced_due = at + self.forced_debounce_s
        if not self._held:
            self._held_due = held_from + self.held_open_s

    def _closed(self, at: float) -> list[DoorEvent]:
        self._open = False
        self._closed_at = at
        self._forced_due = self._held_due = None
        events: list[DoorEvent] = []
        if self._held:
            events.append(DoorEvent(DoorEventKind.HELD_OPEN_CLEARED, at))
            self._held = False
        self._forced = False
        return events

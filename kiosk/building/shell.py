"""The building's shell: runs `step` on one thread, carries out its effects and remembers what
was done in the cache.

Events come from the door monitor's threads and the door controller (`post`), and time from
the shell's own wait: it wakes at the plan's next moment, the next siren end or tailgating
judgement, and at least every MAX_WAIT_S so a stepped wall clock is noticed within seconds.
At start (`restore`) the occupancy estimate, the announcements already made and open
incidents are read back from the cache, and the first step brings every output to where the
plan says it should be now. Effects that write (building events, the announcement's row) go
in one transaction before any output is switched or anything is said; an announcement whose
row was already there (said before a restart, or by another kiosk on the same database) is
not said again.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Final

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from drivers.types import RelayFault
from kiosk.building import store
from kiosk.building.agenda import BuildingView, OutputView, agenda
from kiosk.building.flow import (
    BuildingState,
    EndCheckout,
    EndIncident,
    Event,
    Notify,
    Record,
    ReleaseDoor,
    Say,
    Switch,
    Tick,
    Transition,
    step,
)
from kiosk.building.outputs import Outputs, output_part
from kiosk.building.plan import last_reset
from kiosk.building.timeline import LOOKBACK, Timeline
from kiosk.clock import Clock
from kiosk.health.faults import Faults
from kiosk.health.relay_faults import report_relay_faults
from kiosk.schedule import Calendar
from kiosk.system.announcer import AnnouncementError, Announcer
from kiosk.system.notify import NotifyCommand

log = logging.getLogger(__name__)
MAX_WAIT_S: Final = 5.0
SOUND: Final = "sound"
NOTIFY: Final = "notify"
BUILDING_LOG: Final = "building log"


@dataclass
class Hooks:
    """What the building asks of the rest of the kiosk (wired by the composition root)."""

    release_door: Callable[[float], None] | None = None
    end_checkout: Callable[[], None] | None = None
    counted: Callable[[str, int], None] | None = None
    """Told of each counted building event (kind, count): the metrics."""


class BuildingShell:
    def __init__(self, timeline: Timeline, sessions: sessionmaker[Session], clock: Clock,
                 outputs: Outputs, faults: Faults, announcer: Announcer | None = None,
                 notifier: NotifyCommand | None = None, hooks: Hooks | None = None,
                 max_wait_s: float = MAX_WAIT_S) -> None:
        self.timeline = timeline
        self.sessions = sessions
        self.clock = clock
        self.outputs = outputs
        self.faults = faults
        self.announcer = announcer
        self.notifier = notifier
        self.hooks = hooks or Hooks()
        self.state = BuildingState()
        self.announcements_to: Path | None = None
        """Where announcements are written as files (the demo), if they are."""
        self.said: list[tuple[str, datetime]] = []
        """Announcements said by this process (name, when), newest last: tests and the demo."""
        self._lock = threading.RLock()
        self._queue: queue.Queue[Event | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._wake: Transition | None = None
        self.max_wait_s = max_wait_s
        """The longest sleep: a stepped wall clock is noticed within it."""
        # Each output relay's keeper retries what its board did not take and tells when the
        # board takes commands again: the fault follows it with no step of the building.
        self._reports = [report_relay_faults(out.relay, faults, output_part(name), False)
                         for name, out in outputs.items() if out.relay is not None]

    # -- life ---------------------------------------------------------------------------------

    def restore(self, fire_input: bool = True) -> None:
        """Read back what was counted and said before a restart; end incidents nobody can
        still report (door alarms: the door contact says again where the door is)."""
        now = self.clock.now()
        reset = last_reset(self.timeline, now)
        try:
            with self.sessions.begin() as session:
                occupancy = store.occupancy_since(session, reset)
                done = store.done_since(session, now - LOOKBACK)
                open_ = store.open_incidents(session)
                for kind in open_ - ({"fire_alarm"} if fire_input else set()):
                    store.end_incident(session, kind, now)
        except SQLAlchemyError as err:
            self.faults.set(BUILDING_LOG, type(err).__name__, stops_door=False)
            return
        self.state = replace(self.state, occupancy=occupancy, counted_since=reset,
                             done=done, fire=fire_input and "fire_alarm" in open_)
        log.info("building restored: occupancy estimate %d, %d announcement(s) done recently",
                 occupancy, len(done))

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="kiosk-building", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the thread, then every output off (released): the same exit path for all."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(MAX_WAIT_S + 5.0)
            self._thread = None
        for stop_report in self._reports:
            stop_report()
        self.outputs.close()

    def set_calendar(self, calendar: Calendar) -> None:
        """A new calendar (the library's feed refreshed): the plan follows it at once."""
        with self._lock:
            self.timeline = Timeline(calendar, self.timeline.settings)
        self.post(Tick())

    def post(self, event: Event) -> None:
        """From any thread: handled in order on the building's thread."""
        self._queue.put(event)

    def drain(self) -> None:
        """Handle every posted event now, on this thread (tests and the headless demo, which
        run no building thread), then a Tick."""
        while True:
            try:
                event = self._queue.get_nowait()
            except queue.Empty:
                break
            if event is not None:
                self.handle(event)
        self.handle(Tick())

    # -- one event ----------------------------------------------------------------------------

    def handle(self, event: Event) -> Transition:
        """One event and its effects, now (the thread, and tests with a fixed clock)."""
        with self._lock:
            now, mono = self.clock.now(), self.clock.monotonic()
            transition = step(self.state, event, now, mono, self.timeline)
            self.state = transition.state
            self._wake = transition
            fresh = self._write(transition, now)
            for effect in transition.effects:
                self._act(effect, now, fresh)
            self._retry_faulted()
            return transition

    def seconds_to_wake(self) -> float:
        """How long the thread may sleep before the next Tick is due."""
        wake = self._wake
        if wake is None:
            return 0.0
        waits = [self.max_wait_s]
        if wake.wake_at is not None:
            waits.append((wake.wake_at - self.clock.now()).total_seconds())
        if wake.wake_mono is not None:
            waits.append(wake.wake_mono - self.clock.monotonic())
        return max(min(waits), 0.0)

    def _run(self) -> None:
        while True:
            try:
                event = self._queue.get(timeout=self.seconds_to_wake())
            except queue.Empty:
                event = Tick()
            if event is None:
                return
            try:
                self.handle(event)
            except Exception:  # the building thread must outlive any one bad event
                log.exception("building: event %s failed", type(event).__name__)

    # -- effects ------------------------------------------------------------------------------

    def _write(self, transition: Transition, now: datetime) -> set[str]:
        """Every row of this step in one transaction; the announcement keys new in it."""
        writes = [e for e in transition.effects if isinstance(e, Record | EndIncident | Say)]
        if not writes:
            return set()
        fresh: set[str] = set()
        try:
            with self.sessions.begin() as session:
                for effect in writes:
                    self._row(session, effect, now, fresh)
        except SQLAlchemyError as err:
            self.faults.set(BUILDING_LOG, type(err).__name__, stops_door=False)
            return {e.key for e in writes if isinstance(e, Say)}  # say them all the same
        self.faults.clear(BUILDING_LOG)
        return fresh

    def _row(self, session: Session, effect: Record | EndIncident | Say, now: datetime,
             fresh: set[str]) -> None:
        match effect:
            case Record(kind=kind, detail=detail, count=count):
                store.record(session, now, kind, detail, count=count)
            case EndIncident(kind=kind):
                store.end_incident(session, kind, now)
            case Say(announcement=name, key=key, minutes=minutes):
                if store.is_done(session, key):
                    log.info("announcement %s already said (%s)", name, key)
                    return
                detail = name if minutes is None else f"{name} ({minutes} min)"
                store.record(session, now, store.ANNOUNCEMENT, detail, key=key)
                fresh.add(key)

    def _act(self, effect: object, now: datetime, fresh: set[str]) -> None:
        match effect:
            case Switch(output=name, on=on, why=why):
                self._switch(name, on, why)
            case Say(announcement=name, key=key, minutes=minutes) if key in fresh:
                self._say(name, minutes, now)
            case Record(kind=kind, detail=detail, count=count):
                if kind in store.COUNTED:
                    log.warning("building: %s %s", kind, detail)
                    if self.hooks.counted is not None:
                        self.hooks.counted(kind, count)
            case Notify(kind=kind) if self.notifier is not None:
                self.notifier.notify(kind, now)
            case ReleaseDoor(seconds=seconds) if self.hooks.release_door is not None:
                self.hooks.release_door(seconds)
            case EndCheckout() if self.hooks.end_checkout is not None:
                self.hooks.end_checkout()

    def _switch(self, name: str, on: bool, why: str) -> None:
        output = self.outputs.get(name)
        if output is None:
            return
        try:
            output.set(on)
        except RelayFault as err:
            self.faults.set(output_part(name), str(err), stops_door=False)
            return
        self.faults.clear(output_part(name))
        log.info("output %s %s (%s)", name, "on" if on else "off", why)
        try:
            with self.sessions.begin() as session:
                store.record(session, self.clock.now(), "output",
                             f"{name} {'on' if on else 'off'} ({why})")
        except SQLAlchemyError as err:
            self.faults.set(BUILDING_LOG, type(err).__name__, stops_door=False)

    def _say(self, name: str, minutes: int | None, now: datetime) -> None:
        if self.announcer is None:
            return
        try:
            self.announcer.say(name, minutes, now)
        except AnnouncementError as err:
            self.faults.set(SOUND, str(err), stops_door=False)
            log.error("announcement %s not made: %s", name, err)  # noqa: TRY400
            return
        self.faults.clear(SOUND)
        self.said.append((name if minutes is None else f"{name}-{minutes}", now))
        log.info("announcement %s said", name)

    def _retry_faulted(self) -> None:
        """An output whose last command was not taken is told again on every step (the
        relay's own keeper does the same where it has one)."""
        for name, on in self.state.told.items():
            output = self.outputs.get(name)
            if output is not None and output.fault is not None and output.relay is not None:
                try:
                    output.set(on)
                except RelayFault:
                    continue
                self.faults.clear(output_part(name))
                log.warning("output %s takes commands again", name)

    # -- what it looks like -------------------------------------------------------------------

    def occupancy(self) -> int:
        return self.state.occupancy

    def output_states(self) -> dict[str, tuple[bool | None, bool]]:
        return {name: (out.is_on, out.fault is not None) for name, out in self.outputs.items()}

    def view(self, hours: int = 24) -> BuildingView:
        with self._lock:
            state = self.state
        targets = state.plan.outputs if state.plan is not None else {}
        outputs = tuple(
            OutputView(name, out.is_on, targets[name].why if name in targets else "",
                       out.fault)
            for name, out in self.outputs.items())
        lines = tuple(agenda(self.timeline, self.clock.now(), hours))
        return BuildingView(state.occupancy, state.fire, tuple(sorted(state.alarms)), outputs,
                            lines)

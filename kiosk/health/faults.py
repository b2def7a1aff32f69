"""The one owner of the kiosk's faults: what is broken now, since when, and why.

The door's decisions (`out_of_service`), the screens, the technician screen and `kiosk status`
all read this object; drivers, the door shell and background jobs report to it. Thread-safe:
reader and relay threads report as well as the door worker. A running kiosk publishes its
faults to a small JSON file in data_dir so `kiosk status` (another process) can show them.
No Qt.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Final

from kiosk.clock import Clock

log = logging.getLogger(__name__)

FAULT_FILE: Final = "faults.json"
"""In data_dir: the running kiosk's faults, for `kiosk status`."""
CACHE_REBUILD: Final = "cache_rebuild"
"""The cache file was damaged at start and replaced by an empty one: set until a full sync
has refilled it (kiosk/services.py sets it, kiosk/jobs/background.py clears it)."""
CLOCK_UNTRUSTED: Final = "clock"
"""The wall clock is not trusted (kiosk/health/clock_trust.py): the calendar cannot say whether
the library is open, so the door stops (reliability.md #12)."""
CACHE_DAMAGED: Final = "cache_damaged"
"""The background whole-file check found the open cache damaged: the door stops deciding from
it until the restart that moves it aside (kiosk/cache/integrity.py)."""


@dataclass(frozen=True, slots=True)
class Fault:
    part: str
    """What is broken: "relay", "entry_log", "reader door", "cache", ..."""
    since: datetime
    message: str
    stops_door: bool = True
    """False for a part the door does not depend on (a lights output, the loudspeaker): shown
    everywhere, but self-service goes on."""

    def as_json(self) -> dict[str, str]:
        return {"part": self.part, "since": self.since.isoformat(), "message": self.message}


Listener = Callable[[tuple[Fault, ...]], None]


class Faults:
    """Current faults by part. A part is reported once on the way in and once on the way out
    (logged on change only, like a coordinator), however often it is set."""

    def __init__(self, clock: Clock, listeners: Iterable[Listener] = ()) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._faults: dict[str, Fault] = {}
        self._listeners = list(listeners)

    def subscribe(self, listener: Listener) -> None:
        """Called with every fault after each change (on the thread that made the change)."""
        self._listeners.append(listener)

    def set(self, part: str, message: str, stops_door: bool = True) -> None:
        """`stops_door=False`: the door does not depend on this part (kiosk/building)."""
        with self._lock:
            old = self._faults.get(part)
            if old is not None and old.message == message:
                return
            since = old.since if old is not None else self._clock.now()
            self._faults[part] = Fault(part, since, message, stops_door)
            current = self._snapshot()
        if old is None:
            log.error("fault: %s: %s", part, message)
        self._tell(current)

    def clear(self, part: str) -> None:
        with self._lock:
            gone = self._faults.pop(part, None)
            current = self._snapshot()
        if gone is not None:
            log.info("fault cleared: %s (since %s)", part, gone.since.isoformat(timespec="seconds"))
            self._tell(current)

    def active(self) -> tuple[Fault, ...]:
        with self._lock:
            return self._snapshot()

    def messages(self) -> dict[str, str]:
        return {f.part: f.message for f in self.active()}

    def door_messages(self) -> dict[str, str]:
        """The faults that stop the door (what the door screen's "out of order" is about)."""
        return {f.part: f.message for f in self.active() if f.stops_door}

    def __contains__(self, part: object) -> bool:
        with self._lock:
            return part in self._faults

    @property
    def out_of_service(self) -> bool:
        """Any fault of a part the door depends on stops self-service: the door cannot be
        trusted to do what it shows. A broken lights relay does not lock patrons out."""
        with self._lock:
            return any(f.stops_door for f in self._faults.values())

    def _snapshot(self) -> tuple[Fault, ...]:
        return tuple(sorted(self._faults.values(), key=lambda f: f.part))

    def _tell(self, current: tuple[Fault, ...]) -> None:
        for listener in self._listeners:
            listener(current)


class FaultFile:
    """Publishes a running kiosk's faults to `data_dir/faults.json` (atomic replace)."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / FAULT_FILE

    def __call__(self, faults: tuple[Fault, ...]) -> None:
        data = {"pid": os.getpid(), "faults": [f.as_json() for f in faults]}
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            tmp.write_text(json.dumps(data), encoding="utf-8")
            tmp.chmod(0o600)
            tmp.replace(self.path)
        except OSError as err:  # a full disk is itself a fault the screen already shows
            log.warning("cannot publish faults to %s: %s", self.path, err.strerror)

    def remove(self) -> None:
        """At a clean stop: no kiosk runs, so no current faults."""
        self.path.unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class PublishedFaults:
    running: bool
    """A kiosk process that published this file is alive."""
    faults: list[dict[str, str]]


def read_published(data_dir: Path) -> PublishedFaults:
    """What a running kiosk last published; faults of a dead process are not current."""
    path = data_dir / FAULT_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        pid = int(data["pid"])
        faults = [dict(f) for f in data["faults"]]
    except (OSError, ValueError, KeyError, TypeError):
        return PublishedFaults(False, [])
    running = _alive(pid)
    return PublishedFaults(running, faults if running else [])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by another user
    return True

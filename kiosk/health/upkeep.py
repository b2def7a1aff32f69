"""The kiosk's upkeep as `kiosk status` and the technician screen show it: whether the wall
clock is trusted, when the purge last ran and whether it is overdue, how many PIN verifiers are
still fast. Read only; no Qt.

The clock verdict of a running kiosk is its clock job's (kiosk/jobs/background.py); another
process (`kiosk status`) peeks at the kept state (data_dir/clock.json) without changing it.
An untrusted clock and a purge overdue by more than a day are faults for the technician. The
overdue purge does not stop the door; the untrusted clock does, through the running kiosk's own
`clock` fault (kiosk/health/clock_trust.py CurrentTrust: no grants by the calendar).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.cache.models import EntryLog
from kiosk.clock import Clock
from kiosk.config import LoadedConfig
from kiosk.health.clock_trust import ClockMemory, ClockTrust, clock_limits, read_clock
from kiosk.health.purge_due import PurgeDue, purge_due
from kiosk.privacy.retention import last_purge
from kiosk.privacy.verifiers import verifier_counts


@dataclass(frozen=True, slots=True)
class Upkeep:
    clock: ClockTrust
    last_purge: datetime | None
    purge: PurgeDue
    pin_verifiers: dict[str, int] = field(default_factory=dict)
    """{"memory_hard": N, "fast": M} (kiosk/privacy/verifiers.py)."""


def clock_now(loaded: LoadedConfig, clock: Clock) -> ClockTrust:
    """The verdict on this machine's clock now, from the kept state (read only)."""
    memory = ClockMemory(loaded.data_dir)
    return memory.peek(read_clock(clock), clock_limits(loaded.config.retention))


def purge_lag(
    session: Session, now: datetime, loaded: LoadedConfig
) -> tuple[datetime | None, PurgeDue]:
    last = last_purge(session)
    oldest = session.scalar(select(func.min(EntryLog.at)))
    period = timedelta(days=loaded.config.retention.entry_log_days)
    return last, purge_due(last, oldest, now, period)


def gather_upkeep(
    session: Session, now: datetime, loaded: LoadedConfig, clock: ClockTrust
) -> Upkeep:
    last, due = purge_lag(session, now, loaded)
    return Upkeep(clock, last, due, verifier_counts(session))


def upkeep_faults(clock: ClockTrust, due: PurgeDue) -> list[dict[str, str]]:
    """The clock and the purge as `{"part", "since", "message"}` faults, when they are."""
    faults = []
    if not clock.trusted:
        since = clock.untrusted_since
        faults.append({"part": "clock", "since": since.isoformat() if since else "",
                       "message": f"clock not trusted: {clock.reason}"})
    if due.fault is not None and due.since is not None:
        faults.append({"part": "purge", "since": due.since.isoformat(), "message": due.fault})
    return faults

"""Whether the wall clock can be believed: pure rules over clock readings, and their memory.

A kiosk that was switched off over a long weekend comes back three days later: that is a gap,
not a jump. A clock reset to 1970 (a flat RTC battery), stepped back a year by hand, or forward a
year at boot is not to be believed: the purge would keep or wipe the wrong rows and the cache's
age would lie. The rules (`assess`), given the last trusted reading (the anchor):
- before `floor` (2025-01-01): never right;
- same boot: the wall clock must have moved with the boot-time clock (CLOCK_BOOTTIME, which
  counts suspend) within `step`; a bigger step either way is a jump;
- across a restart (another boot, so nothing to measure against): back by more than `step`
  is a jump; forward by up to `max_offline` is a gap (the kiosk was off), beyond it a jump;
- right after a restart the first NTP sync may step the clock forward by the time the kiosk was
  off (boards without an RTC boot with the time they shut down with): while the anchor is
  provisional (set across a restart) and younger than `settle`, a forward step that lands
  within `max_offline` of the anchor is the same gap, not a jump.
While untrusted the anchor stays, so the clock is trusted again as soon as it is right again
(NTP corrects it) or someone who checked it confirms it (`confirm`, `kiosk purge --force`).
`ClockMemory` keeps the state in `data_dir/clock.json` for the next run and for `kiosk status`.
No Qt, no database.
"""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Final

from kiosk.clock import Clock
from kiosk.config.models import RetentionSection
from kiosk.health.faults import CLOCK_UNTRUSTED, Faults

log = logging.getLogger(__name__)

FLOOR: Final = datetime(2025, 1, 1, tzinfo=UTC)
"""No kiosk reading before this is right: the software did not exist."""
FILE_NAME: Final = "clock.json"
BOOT_ID: Final = Path("/proc/sys/kernel/random/boot_id")


@dataclass(frozen=True, slots=True)
class ClockReading:
    wall: datetime
    """Aware wall-clock time."""
    boot_s: float
    """Seconds since boot that never jump (CLOCK_BOOTTIME: counts suspend too)."""
    boot_id: str
    """Which boot the reading is from; "" when unknown (then every reading is a new boot)."""


@dataclass(frozen=True, slots=True)
class ClockLimits:
    step: timedelta = timedelta(minutes=5)
    """A step against the boot-time clock up to this is drift or NTP, not a jump."""
    max_offline: timedelta = timedelta(days=60)
    """How long a kiosk may have been off and come back with its clock believed."""
    settle: timedelta = timedelta(minutes=15)
    """After a restart, how long a forward step is still the first NTP sync."""
    floor: datetime = FLOOR


@dataclass(frozen=True, slots=True)
class ClockTrust:
    trusted: bool
    anchor: ClockReading | None
    """The last trusted reading; None before the first."""
    reason: str = ""
    """Why the clock is not trusted ("" when it is)."""
    settle_until: float | None = None
    """Boot-time seconds until which a forward step is still the first NTP sync after a
    restart (the anchor was set across it: nothing measured it against the previous run)."""
    untrusted_since: datetime | None = None
    """Wall time (as the clock said) of the first reading that was not trusted."""


FIRST: Final = ClockTrust(trusted=True, anchor=None)


class CurrentTrust:
    """The wall clock's verdict now, shared: the clock job (or a one-shot verb) sets it, the
    door's decisions and its screen read it. An untrusted clock cannot date the cache (the
    stale policy applies, kiosk/access/rules.py), nor say what the calendar's mode is now: it
    is the `clock` fault, which stops the door (reliability.md #12: no grants by the calendar)
    until NTP puts the clock right or a technician confirms it. Trusted until told otherwise."""

    def __init__(self, trust: ClockTrust = FIRST, faults: Faults | None = None) -> None:
        # Plain attributes, each replaced whole: safe to read from any thread, and reading
        # them on the door's path is no call (docs/architecture.md counts the card path).
        self._faults = faults
        self.set(trust)

    def set(self, trust: ClockTrust) -> None:
        self.current = trust
        self.trusted = trust.trusted
        if self._faults is None:
            return
        if trust.trusted:
            self._faults.clear(CLOCK_UNTRUSTED)
        else:
            # Short: the technician screen's clock line says the rest (docs/cli.md: recovery).
            self._faults.set(CLOCK_UNTRUSTED, f"clock not trusted: {trust.reason}")


def clock_limits(policy: RetentionSection) -> ClockLimits:
    """The limits a site set in config.toml ([retention] max_clock_jump, max_offline)."""
    return ClockLimits(step=policy.max_clock_jump, max_offline=policy.max_offline)


def assess(state: ClockTrust, reading: ClockReading, limits: ClockLimits) -> ClockTrust:
    """The trust after `reading`, from the state before it."""
    problem, settle_until = _problem(state, reading, limits)
    if problem is None:
        return ClockTrust(True, reading, settle_until=settle_until)
    since = state.untrusted_since if not state.trusted else reading.wall
    return replace(state, trusted=False, reason=problem, untrusted_since=since)


def confirm(state: ClockTrust, reading: ClockReading) -> ClockTrust:
    """Someone who checked the clock says it is right now (technician, outside reference)."""
    del state
    return ClockTrust(True, reading)


def _problem(
    state: ClockTrust, reading: ClockReading, limits: ClockLimits
) -> tuple[str | None, float | None]:
    """(why the reading is not to be believed or None, the settling deadline to keep)."""
    if reading.wall < limits.floor:
        return f"the clock says {_day(reading.wall)}, before {_day(limits.floor)}: not set", None
    anchor = state.anchor
    fresh_settle = reading.boot_s + limits.settle.total_seconds()
    if anchor is None:
        return None, fresh_settle
    if not _same_boot(anchor, reading):
        return _across_restart(anchor, reading, limits), fresh_settle
    settling = state.settle_until is not None and reading.boot_s < state.settle_until
    kept = state.settle_until if settling else None
    step = reading.wall - (anchor.wall + timedelta(seconds=reading.boot_s - anchor.boot_s))
    if abs(step) <= limits.step:
        return None, kept
    if settling and step > timedelta(0):
        return _across_restart(anchor, reading, limits), kept
    direction = "back" if step < timedelta(0) else "forward"
    return f"the clock stepped {direction} {_span(abs(step))} while running", kept


def _across_restart(anchor: ClockReading, reading: ClockReading, limits: ClockLimits) -> str | None:
    gap = reading.wall - anchor.wall
    if gap < -limits.step:
        return f"the clock is {_span(-gap)} behind the last time it was right"
    if gap > limits.max_offline:
        return (f"the clock is {_span(gap)} ahead of the last time it was right (more than "
                f"{_span(limits.max_offline)} off)")
    return None


def _same_boot(anchor: ClockReading, reading: ClockReading) -> bool:
    return bool(anchor.boot_id) and anchor.boot_id == reading.boot_id and (
        reading.boot_s >= anchor.boot_s)


def _day(at: datetime) -> str:
    return at.date().isoformat()


def _span(delta: timedelta) -> str:
    seconds = delta.total_seconds()
    if seconds >= 2 * 86400:
        return f"{seconds / 86400:.0f} days"
    if seconds >= 2 * 3600:
        return f"{seconds / 3600:.0f} hours"
    return f"{seconds / 60:.0f} minutes"


# -- the shell: reading the system, remembering the state -------------------------------------


def read_clock(clock: Clock) -> ClockReading:
    """A reading of this machine now: `clock`'s wall time, the boot-time clock, the boot id."""
    try:
        boot_id = BOOT_ID.read_text(encoding="ascii").strip()
    except OSError:
        boot_id = ""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    boot_s = time.clock_gettime(boottime) if boottime is not None else time.monotonic()
    return ClockReading(clock.now(), boot_s, boot_id)


class ClockMemory:
    """`data_dir/clock.json`: the trust state between readings, runs and processes."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / FILE_NAME

    def load(self) -> ClockTrust:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return _from_json(raw)
        except FileNotFoundError:
            return FIRST
        except (OSError, ValueError, KeyError, TypeError) as err:
            log.warning("clock memory %s unreadable (%s): starting afresh", self.path, err)
            return FIRST

    def save(self, state: ClockTrust) -> None:
        tmp = self.path.with_name(f".{FILE_NAME}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                os.write(fd, json.dumps(_to_json(state)).encode())
            finally:
                os.close(fd)
            tmp.replace(self.path)
        except OSError as err:
            tmp.unlink(missing_ok=True)
            log.warning("clock memory %s not written: %s", self.path, err.strerror or err)

    def observe(self, reading: ClockReading, limits: ClockLimits) -> ClockTrust:
        """Load, assess `reading`, save; log a change of trust once."""
        before = self.load()
        after = assess(before, reading, limits)
        if before.trusted and not after.trusted:
            log.error("clock not trusted: %s (stale policy applies, no purge)", after.reason)
        elif after.trusted and not before.trusted:
            log.warning("clock trusted again (was: %s)", before.reason)
        self.save(after)
        return after

    def peek(self, reading: ClockReading, limits: ClockLimits) -> ClockTrust:
        """The verdict on `reading` without keeping it (`kiosk status`, a one-shot verb)."""
        return assess(self.load(), reading, limits)

    def confirm(self, reading: ClockReading) -> ClockTrust:
        state = confirm(self.load(), reading)
        log.warning("clock confirmed by hand at %s", reading.wall.isoformat(timespec="seconds"))
        self.save(state)
        return state


def _to_json(state: ClockTrust) -> dict[str, object]:
    anchor = state.anchor
    return {
        "trusted": state.trusted,
        "reason": state.reason,
        "settle_until": state.settle_until,
        "untrusted_since": state.untrusted_since.isoformat() if state.untrusted_since else None,
        "anchor": None if anchor is None else {
            "wall": anchor.wall.isoformat(), "boot_s": anchor.boot_s, "boot_id": anchor.boot_id},
    }


def _from_json(raw: dict[str, object]) -> ClockTrust:
    anchor_raw = raw["anchor"]
    anchor = None
    if isinstance(anchor_raw, dict):
        anchor = ClockReading(_aware(str(anchor_raw["wall"])), float(anchor_raw["boot_s"]),
                              str(anchor_raw["boot_id"]))
    since = raw.get("untrusted_since")
    settle = raw.get("settle_until")
    return ClockTrust(bool(raw["trusted"]), anchor, str(raw.get("reason", "")),
                      float(settle) if isinstance(settle, int | float) else None,
                      _aware(str(since)) if since else None)


def _aware(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError(f"not an aware time: {text!r}")
    return value

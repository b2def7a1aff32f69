"""Background work for `kiosk run`: sync (delta on the interval, full daily), the outbox, SIP2
refresh, the nightly purge, PIN-verifier upgrades and the clock watch, each a supervised job
(kiosk/jobs/supervisor.py) on its own thread: one that fails or hangs (a locked or full
database, a slow central) is retried with backoff and never stops the others. The door never
waits for any of them (WAL readers don't block). Each job's last success, last error and next
try go to `data_dir/health.json` for `kiosk status --json` and to `on_reports` for the
technician screen. The purge runs only while the clock is trusted (kiosk/health/
clock_trust.py) and catches up the moment it is trusted again. The integrity job checks the
whole cache file (start-up checks only half a second of it): damage is a fault, a marker for
the next start, and `on_cache_damaged` (kiosk run: a restart, which moves the file aside).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Final

from kiosk.cache.integrity import mark_damaged, sqlite_path, whole_file_check
from kiosk.config import LoadedConfig
from kiosk.health.clock_trust import (
    ClockMemory,
    ClockReading,
    ClockTrust,
    clock_limits,
    read_clock,
)
from kiosk.health.faults import CACHE_DAMAGED, CACHE_REBUILD
from kiosk.health.snapshot import FILE_NAME, HealthFile
from kiosk.jobs.supervisor import (
    RETRY_FIRST_S,
    JobPostponed,
    JobReport,
    OnReports,
    Supervisor,
)
from kiosk.jobs.sync import SyncService
from kiosk.privacy.retention import purge
from kiosk.privacy.verifiers import UpgradeCursor, upgrade_slice
from kiosk.services import Services, central_client
from kiosk.sip2.background import Sip2Background

log = logging.getLogger(__name__)
FULL_SYNC_EVERY: Final = timedelta(days=1)
# Verifier upgrades run in slices at a bounded share of a core (kiosk/privacy/verifiers.py);
# once none is left, the job looks again hourly (a sync that wrote new ones asks sooner).
UPGRADE_EVERY: Final = timedelta(hours=1)
PURGE_EVERY: Final = timedelta(hours=24)
PURGE_FIRST_S: Final = 5.0
"""The first purge soon after start: a kiosk that was off catches up at once."""
PURGE_POSTPONED_S: Final = 600.0
CLOCK_EVERY: Final = timedelta(minutes=1)
INTEGRITY_FIRST_S: Final = 60.0
"""After start: the door and the first sync settle first (a million patrons take ~18 s of
reading after a reboot)."""
INTEGRITY_EVERY: Final = timedelta(days=1)
WHOLE_CHECK_BUDGET_S: Final = 900.0
"""Six million patrons take ~2 minutes from a cold disk; beyond this the job retries."""

SYNC, OUTBOX, SIP2_REFRESH, PURGE, VERIFIERS, CLOCK, INTEGRITY = (
    "sync", "outbox", "sip2_refresh", "purge", "verifier_upgrade", "clock", "integrity")
OnClock = Callable[[ClockTrust], None]
OnCacheDamaged = Callable[[str], None]


class SyncFailed(Exception):
    """The central did not take the outbox or a SIP2 round failed; the text says why."""


class BackgroundWork:
    """The kiosk's periodic jobs, supervised. `start()`, `stop()`, `sync_now()`, `reports()`."""

    def __init__(
        self,
        loaded: LoadedConfig,
        services: Services,
        health: HealthFile | None = None,
        on_reports: OnReports | None = None,
        retry_first_s: float = RETRY_FIRST_S,
        on_clock: OnClock | None = None,
        reading: Callable[[], ClockReading] | None = None,
        on_cache_damaged: OnCacheDamaged | None = None,
        integrity_first_s: float = INTEGRITY_FIRST_S,
    ) -> None:
        self.loaded = loaded
        self._on_cache_damaged = on_cache_damaged
        self.services = services
        self.health = health or HealthFile(loaded.data_dir / FILE_NAME, services.clock)
        self._on_reports = on_reports
        self._on_clock = on_clock
        self._reading = reading or (lambda: read_clock(services.clock))
        self._clock_memory = ClockMemory(loaded.data_dir)
        self._clock_lock = threading.Lock()  # the clock job and the purge both look
        self.clock_trust: ClockTrust | None = None
        """The last verdict on the wall clock (None before the first look)."""
        self.supervisor = Supervisor(services.clock, self._reported, retry_first_s=retry_first_s)
        self._last_full: float | None = None
        self._upgrades = UpgradeCursor()
        self._sync: SyncService | None = None
        self._sip2: Sip2Background | None = None
        central = loaded.config.central
        interval = central.sync_interval
        if central.kind == "http":
            self._sync = SyncService(
                central_client(loaded), services.sessions, services.hasher, services.clock,
                after_deletions=lambda: self.supervisor.run_now(PURGE),
                inactive_after=timedelta(days=loaded.config.retention.inactive_patron_days),
            )
            self.supervisor.add(SYNC, self._run_sync, interval)
            self.supervisor.add(OUTBOX, self._run_outbox, interval, first_in_s=1.0)
        if central.kind == "sip2":
            self._sip2 = Sip2Background(loaded, services.sessions, services.clock,
                                        services.hasher.sealer)
            self.supervisor.add(SIP2_REFRESH, self._run_sip2, interval)
        self.supervisor.add(CLOCK, self._run_clock, CLOCK_EVERY)
        self.supervisor.add(PURGE, self._run_purge, PURGE_EVERY, first_in_s=PURGE_FIRST_S)
        self.supervisor.add(VERIFIERS, self._run_verifier_upgrade, UPGRADE_EVERY)
        self._cache_file = sqlite_path(loaded.database_url)
        if self._cache_file is not None:
            self.supervisor.add(INTEGRITY, self._run_integrity, INTEGRITY_EVERY,
                                first_in_s=integrity_first_s)

    def start(self) -> None:
        self.supervisor.start()

    def stop(self, timeout: float = 5.0) -> None:
        self.supervisor.stop(timeout)
        if self._sip2 is not None:
            self._sip2.close()

    def sync_now(self) -> None:
        """Ask for a sync at the next opportunity (technician screen button)."""
        for name in (SYNC, SIP2_REFRESH):
            if name in self.supervisor.reports():
                self.supervisor.run_now(name)

    def reports(self) -> dict[str, JobReport]:
        return self.supervisor.reports()

    def _reported(self, reports: Mapping[str, JobReport]) -> None:
        self.health.set_jobs({name: r.as_json() for name, r in reports.items()})
        if self._on_reports is not None:
            self._on_reports(reports)

    # -- the jobs ----------------------------------------------------------------------------

    def _run_sync(self) -> None:
        assert self._sync is not None
        now = self.services.clock.now()
        not_before = self._sync.not_before  # a Retry-After beyond the client's own cap
        if not_before is not None and now < not_before:
            raise JobPostponed(f"central asked to wait until {not_before.isoformat()}",
                               (not_before - now).total_seconds())
        # Monotonic: a clock stepped back a day must not postpone the daily full sync.
        full = self._last_full is None or self.supervisor.monotonic() - self._last_full >= (
            FULL_SYNC_EVERY.total_seconds())
        report = self._sync.sync(full=full)  # CentralError / SQLAlchemyError: the job failed
        if full:
            self._last_full = self.supervisor.monotonic()
            # A cache rebuilt after damage at start can decide again (kiosk/services.py).
            self.services.faults.clear(CACHE_REBUILD)
        log.debug("%s", report.summary())
        self.supervisor.run_now(OUTBOX)
        if report.counts.upserted:
            self.supervisor.run_now(VERIFIERS)

    def _run_outbox(self) -> None:
        assert self._sync is not None
        report = self._sync.send_outbox()
        if report.error is not None:
            raise SyncFailed(f"{report.failed} items postponed: {report.error}")

    def _run_sip2(self) -> None:
        assert self._sip2 is not None
        error = self._sip2.run_once()
        if error is not None:
            raise SyncFailed(error)

    def _run_clock(self) -> None:
        """Look at the wall clock; a change of trust is told at once (door, purge, status)."""
        trust = self._observe_clock()
        if trust.trusted:
            return
        raise JobPostponed(f"clock not trusted: {trust.reason}", CLOCK_EVERY.total_seconds())

    def _observe_clock(self) -> ClockTrust:
        with self._clock_lock:
            return self._observe_clock_locked()

    def _observe_clock_locked(self) -> ClockTrust:
        before = self.clock_trust
        trust = self._clock_memory.observe(self._reading(), clock_limits(
            self.loaded.config.retention))
        self.clock_trust = trust
        self.services.clock_trust.set(trust)  # the door's stale policy follows it at once
        if before is None or before.trusted != trust.trusted or before.reason != trust.reason:
            self.health.set_clock(clock_section(trust))
            if self._on_clock is not None:
                self._on_clock(trust)
            if trust.trusted and before is not None and not before.trusted:
                self.supervisor.run_now(PURGE)  # the purge catches up now, not tomorrow
        return trust

    def _run_purge(self) -> None:
        s = self.services
        trust = self._observe_clock()
        report = purge(s.engine, s.sessions, self.loaded.config.retention, s.clock.now(),
                       untrusted=None if trust.trusted else trust.reason)
        if report.skipped is not None:
            raise JobPostponed(report.skipped, PURGE_POSTPONED_S)

    def _run_verifier_upgrade(self) -> float | None:
        """A slice of hk1 PIN verifiers to argon2id; back after the slice's pause while some
        are left (kiosk/privacy/verifiers.py keeps it at half a core)."""
        return upgrade_slice(self.services.sessions, self.services.hasher,
                             cursor=self._upgrades)

    def _run_integrity(self) -> None:
        """The whole cache file through quick_check (NotChecked: out of time or stopping; the
        supervisor retries). Damage: a fault that stops the door, the marker, the restart."""
        path = self._cache_file
        assert path is not None  # the job is only added for an SQLite file
        problem = whole_file_check(path, WHOLE_CHECK_BUDGET_S, stop=self.supervisor.stopping)
        if problem is None:
            return
        mark_damaged(path, problem)
        self.services.faults.set(CACHE_DAMAGED, f"cache file damaged ({problem}); it is moved "
                                 "aside and rebuilt at the next start")
        if self._on_cache_damaged is not None:
            self._on_cache_damaged(problem)


def clock_section(trust: ClockTrust) -> dict[str, object]:
    """The clock as `kiosk status` shows it (health.json `clock`)."""
    since = trust.untrusted_since
    return {
        "trusted": trust.trusted,
        "reason": trust.reason or None,
        "untrusted_since": since.isoformat(timespec="seconds") if since is not None else None,
    }

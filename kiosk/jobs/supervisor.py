"""Supervised periodic jobs: each on its own thread, retried with backoff, never taking others down.

A job is a plain function. Returning normally is a success (it may return how many seconds
until it wants to run again, e.g. "more verifiers to upgrade"); raising anything is a failure
that is logged once on the change (STYLE.md E13), shown in its `JobReport`, and retried after
a capped, jittered backoff. `JobPostponed` is a failure with its own retry time (the purge while
the clock is untrusted). No Qt; nothing here knows what the jobs do.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Final

from kiosk.clock import Clock
from kiosk.system.logs import job_context

log = logging.getLogger(__name__)

RETRY_FIRST_S: Final = 2.0
RETRY_CAP_S: Final = 300.0
"""A failing job is tried again at least every 5 minutes (reliability.md #10: cap ≤ 5 min)."""
ERROR_MAX_CHARS: Final = 300

JobRun = Callable[[], float | None]
"""Does the work once; returns seconds until the next run, or None for the job's interval."""
OnReports = Callable[[Mapping[str, "JobReport"]], None]


class JobPostponed(Exception):
    """The job cannot run now (e.g. the clock is untrusted); try again after `retry_in_s`."""

    def __init__(self, reason: str, retry_in_s: float) -> None:
        super().__init__(reason)
        self.retry_in_s = retry_in_s


@dataclass(frozen=True, slots=True)
class JobReport:
    """What `kiosk status --json` shows per job (CONTRACT.md `jobs`)."""

    name: str
    last_success: datetime | None = None
    last_error: str | None = None
    """One line; None after a success."""
    last_error_at: datetime | None = None
    next_try: datetime | None = None
    failures: int = 0
    """Failures in a row (0 after a success)."""
    running: bool = False

    def as_json(self) -> dict[str, object]:
        def iso(at: datetime | None) -> str | None:
            return at.isoformat(timespec="seconds") if at is not None else None

        return {
            "last_success": iso(self.last_success),
            "last_error": self.last_error,
            "last_error_at": iso(self.last_error_at),
            "next_try": iso(self.next_try),
            "failures": self.failures,
            "running": self.running,
        }


def retry_delay(failures: int, first_s: float, cap_s: float, rng: random.Random) -> float:
    """Seconds before retry number `failures` (1, 2, ...): doubling from `first_s`, capped at
    `cap_s`, half of it jittered so many kiosks coming back at once do not stampede the central
    (and never 0: a locked database gets a moment to come free)."""
    ceiling = min(cap_s, first_s * 2.0 ** min(max(failures, 1) - 1, 30))
    return ceiling / 2 + rng.uniform(0, ceiling / 2)


def error_line(err: BaseException) -> str:
    """One line naming the error, never a traceback or SQL parameters (they may hold data)."""
    text = " ".join(str(err).split()) if not _is_sql(err) else _sql_reason(err)
    line = f"{type(err).__name__}: {text}" if text else type(err).__name__
    return line[:ERROR_MAX_CHARS]


def _is_sql(err: BaseException) -> bool:
    return type(err).__module__.startswith("sqlalchemy")


def _sql_reason(err: BaseException) -> str:
    # SQLAlchemy's str() carries the statement and its bound parameters; the driver's own
    # message ("database is locked", "database or disk is full") is what a technician needs.
    orig = getattr(err, "orig", None)
    return " ".join(str(orig).split()) if orig is not None else ""


@dataclass
class _Job:
    name: str
    run: JobRun
    every_s: float
    cap_s: float
    wake: threading.Event
    report: JobReport
    due: float
    """Monotonic time of the next run."""
    thread: threading.Thread | None = None


class Supervisor:
    """Runs named jobs on their intervals until stopped; `reports()` says how each is doing."""

    def __init__(
        self,
        clock: Clock,
        on_reports: OnReports | None = None,
        rng: random.Random | None = None,
        retry_first_s: float = RETRY_FIRST_S,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.clock = clock
        """Wall time for the reports only."""
        self.monotonic = monotonic
        """What the waits are measured in: threads wait in real time, so a test's fixed clock
        must not be the one that says when a job is due."""
        self.retry_first_s = retry_first_s
        self._on_reports = on_reports
        self._rng = rng or random.Random()
        self._jobs: dict[str, _Job] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()

    def add(self, name: str, run: JobRun, every: timedelta, first_in_s: float = 0.0) -> None:
        every_s = every.total_seconds()
        if every_s <= 0:
            raise ValueError(f"job {name!r}: interval must be > 0, got {every}")
        if name in self._jobs:
            raise ValueError(f"job {name!r} added twice")
        due = self.monotonic() + first_in_s
        report = JobReport(name, next_try=self.clock.now() + timedelta(seconds=first_in_s))
        self._jobs[name] = _Job(name, run, every_s, min(RETRY_CAP_S, every_s), threading.Event(),
                                report, due)

    def start(self) -> None:
        for job in self._jobs.values():
            job.thread = threading.Thread(target=self._loop, args=(job,), name=f"job:{job.name}",
                                          daemon=True)
            job.thread.start()

    def stop(self, timeout: float = 5.0) -> bool:
        """Ask every job to stop and wait up to `timeout` in all; False if one is still busy
        (a daemon thread stuck in I/O: it dies with the process)."""
        self._stop.set()
        for job in self._jobs.values():
            job.wake.set()
        deadline = self.monotonic() + timeout
        stopped = True
        for job in self._jobs.values():
            if job.thread is not None:
                job.thread.join(max(deadline - self.monotonic(), 0.0))
                if job.thread.is_alive():
                    log.warning("job %s still busy at stop; left to end with the process",
                                job.name)
                    stopped = False
        return stopped

    def stopping(self) -> bool:
        """True once `stop()` was asked: a long job (the whole-file check) gives up."""
        return self._stop.is_set()

    def run_now(self, name: str) -> None:
        """Run `name` as soon as its thread is free (technician "sync now", purge after a sync
        that erased patrons)."""
        job = self._jobs[name]
        with self._lock:
            job.due = self.monotonic()
        job.wake.set()

    def reports(self) -> dict[str, JobReport]:
        with self._lock:
            return {name: job.report for name, job in self._jobs.items()}

    # -- the job threads ---------------------------------------------------------------------

    def _loop(self, job: _Job) -> None:
        while not self._stop.is_set():
            with self._lock:
                wait = job.due - self.monotonic()
            if wait > 0:
                job.wake.wait(wait)
                job.wake.clear()
                continue
            self._run_once(job)

    def _run_once(self, job: _Job) -> None:
        self._update(job, replace(job.report, running=True))
        try:
            with job_context(job.name):  # its log lines say which job they come from
                again = job.run()
        except JobPostponed as err:
            self._failed(job, err, err.retry_in_s)
        except Exception as err:  # noqa: BLE001 - a job's failure must never end its thread
            self._failed(job, err, None)
        else:
            self._succeeded(job, again)

    def _succeeded(self, job: _Job, again_s: float | None) -> None:
        if job.report.failures:
            log.warning("job %s recovered after %d failures", job.name, job.report.failures)
        delay = self._schedule(job, job.every_s if again_s is None else max(again_s, 0.0))
        now = self.clock.now()
        self._update(job, JobReport(job.name, last_success=now,
                                    next_try=now + timedelta(seconds=delay)))

    def _failed(self, job: _Job, err: Exception, retry_in_s: float | None) -> None:
        failures = job.report.failures + 1
        line = error_line(err)
        if job.report.failures == 0:
            log.error("job %s failing: %s", job.name, line)
        else:
            log.debug("job %s failed again (%d): %s", job.name, failures, line)
        delay = retry_in_s
        if delay is None:
            delay = retry_delay(failures, self.retry_first_s, job.cap_s, self._rng)
        delay = self._schedule(job, delay)
        now = self.clock.now()
        self._update(job, replace(job.report, last_error=line, last_error_at=now,
                                  next_try=now + timedelta(seconds=delay), failures=failures,
                                  running=False))

    def _schedule(self, job: _Job, delay_s: float) -> float:
        """Set the job's next run `delay_s` from now; returns the delay actually used."""
        with self._lock:
            # A run_now() that arrived while the job ran keeps its earlier time.
            delay = 0.0 if job.wake.is_set() else delay_s
            job.due = self.monotonic() + delay
            return delay

    def _update(self, job: _Job, report: JobReport) -> None:
        with self._lock:
            job.report = report
            reports = {name: j.report for name, j in self._jobs.items()}
        if self._on_reports is not None:
            try:
                self._on_reports(reports)
            except Exception:
                log.exception("job report listener failed")

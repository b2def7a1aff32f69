"""Supervised jobs: a failing job is retried with backoff and never stops the others; reports
say last success, last error and next try. Real threads; the wall clock is fixed (the tests
never read it), the monotonic clock is the real one."""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
from kioskkit import SELF_SERVICE_AT
from sqlalchemy.exc import OperationalError

from kiosk.jobs.supervisor import (
    JobPostponed,
    JobReport,
    Supervisor,
    error_line,
    retry_delay,
)


class WallFixedClock:
    """Copenhagen wall time that never moves (no test reads the real one); real monotonic."""

    def now(self):  # type: ignore[no-untyped-def]
        return SELF_SERVICE_AT

    def monotonic(self) -> float:
        return time.monotonic()


def wait_for(predicate, timeout: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    tick = threading.Event()
    while not predicate():
        if time.monotonic() > deadline:
            return False
        tick.wait(0.01)
    return True


@pytest.fixture
def supervisor() -> Iterator[Supervisor]:
    sup = Supervisor(WallFixedClock(), rng=random.Random(1), retry_first_s=0.02)  # type: ignore[arg-type]
    yield sup
    assert sup.stop(timeout=5.0), "a job thread did not stop"


@pytest.mark.parametrize(
    ("failures", "low", "high"),
    [(1, 1.0, 2.0), (2, 2.0, 4.0), (3, 4.0, 8.0), (8, 128.0, 256.0), (9, 150.0, 300.0),
     (50, 150.0, 300.0), (0, 1.0, 2.0)],
    ids=["first", "second", "third", "eighth", "capped", "long-outage", "zero-is-first"],
)
def test_retry_delay_doubles_is_jittered_and_capped(failures: int, low: float, high: float) -> None:
    rng = random.Random(7)
    delays = [retry_delay(failures, 2.0, 300.0, rng) for _ in range(200)]
    assert all(low <= d <= high for d in delays)
    assert len({round(d, 6) for d in delays}) > 100, "no jitter: kiosks would retry in step"


def test_an_sql_error_is_one_line_without_the_statement_or_its_parameters() -> None:
    orig = sqlite3.OperationalError("database is locked")
    err = OperationalError("UPDATE patrons SET pin_verifier=? WHERE id=?", ("secret", 1), orig)
    assert error_line(err) == "OperationalError: database is locked"
    assert error_line(RuntimeError("central\nanswered 500")) == "RuntimeError: central answered 500"


def test_a_failing_job_is_retried_and_never_stops_the_others(supervisor: Supervisor) -> None:
    healthy_runs: list[int] = []

    def broken() -> None:
        raise sqlite3.OperationalError("database disk image is malformed")

    answer = threading.Event()

    def hung() -> None:
        answer.wait(30)  # a central that does not answer

    supervisor.add("broken", broken, timedelta(seconds=0.05))
    supervisor.add("hung", hung, timedelta(hours=1))
    supervisor.add("healthy", lambda: healthy_runs.append(1), timedelta(seconds=0.02))
    supervisor.start()
    assert wait_for(lambda: supervisor.reports()["broken"].failures >= 3)
    assert wait_for(lambda: len(healthy_runs) >= 5), "one job's failure stopped another"
    broken_report = supervisor.reports()["broken"]
    assert broken_report.last_error == "OperationalError: database disk image is malformed"
    assert broken_report.last_success is None
    assert broken_report.next_try is not None
    assert broken_report.last_error_at == SELF_SERVICE_AT
    assert supervisor.reports()["healthy"].last_success == SELF_SERVICE_AT
    assert supervisor.reports()["hung"].running
    # Stopping does not wait for ever on a job stuck in I/O (its daemon thread ends with the
    # process); it says so.
    assert not supervisor.stop(timeout=0.2)
    answer.set()


def test_a_job_recovers_and_its_report_clears() -> None:
    calls = {"n": 0}

    def flaky() -> None:
        calls["n"] += 1
        if calls["n"] <= 2:
            raise OSError(28, "No space left on device")

    reports: list[dict[str, JobReport]] = []
    supervisor = Supervisor(WallFixedClock(), lambda r: reports.append(dict(r)),  # type: ignore[arg-type]
                            retry_first_s=0.02)
    supervisor.add("flaky", flaky, timedelta(hours=1))
    supervisor.start()
    try:
        assert wait_for(lambda: supervisor.reports()["flaky"].last_success is not None)
    finally:
        assert supervisor.stop()
    final = supervisor.reports()["flaky"]
    assert (final.failures, final.last_error, final.running) == (0, None, False)
    assert final.next_try == SELF_SERVICE_AT + timedelta(hours=1)
    seen = [r["flaky"].failures for r in reports if not r["flaky"].running]
    assert seen == [1, 2, 0]


def test_postponed_job_waits_its_own_time_and_run_now_wakes_it(supervisor: Supervisor) -> None:
    runs: list[str] = []

    def purge() -> None:
        runs.append("purge")
        if len(runs) == 1:
            raise JobPostponed("clock untrusted", retry_in_s=3600)

    supervisor.add("purge", purge, timedelta(days=1))
    supervisor.start()
    assert wait_for(lambda: supervisor.reports()["purge"].failures == 1)
    report = supervisor.reports()["purge"]
    assert report.last_error == "JobPostponed: clock untrusted"
    assert report.next_try == SELF_SERVICE_AT + timedelta(hours=1)
    supervisor.run_now("purge")  # the clock is trusted again: catch up now, not in an hour
    assert wait_for(lambda: supervisor.reports()["purge"].last_success is not None)
    assert runs == ["purge", "purge"]


def test_a_job_may_ask_to_come_back_sooner(supervisor: Supervisor) -> None:
    left = {"batches": 3}

    def upgrade() -> float | None:
        left["batches"] -= 1
        return 0.01 if left["batches"] > 0 else None

    supervisor.add("upgrade", upgrade, timedelta(hours=1))
    supervisor.start()
    # The report is what is waited for: the job's last batch returns before its report is set.
    in_an_hour = SELF_SERVICE_AT + timedelta(hours=1)
    assert wait_for(lambda: supervisor.reports()["upgrade"].next_try == in_an_hour)
    assert left["batches"] == 0, "the job was not called back sooner"
    assert not supervisor.reports()["upgrade"].running


def test_stop_is_prompt_for_idle_jobs(supervisor: Supervisor) -> None:
    supervisor.add("daily", lambda: None, timedelta(days=1), first_in_s=3600)
    supervisor.start()
    assert supervisor.stop(timeout=2.0)
    assert not any(t.name.startswith("job:") for t in threading.enumerate())

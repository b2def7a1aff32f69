"""Soak, reliability.md #23: `python -m bench.soak [--days 7]`.

Simulated days on a real cache and a real fake central (its own process, so its memory is not
counted): one door visit a minute through the DoorController (entry row, statistic in the
outbox), a delta sync and an outbox upload every 15 minutes (with a few patrons changed at the
central each time), and the nightly purge at 03:00. The clock is a FixedClock moved a minute at
a time; everything else is the code `kiosk run`'s jobs run. The entry log is kept 2 days here
(the policy allows shorter, not longer) so purges delete rows within the week and the file
reaches its steady size. Printed per day: RSS, database bytes (file + WAL), open file
descriptors, errors; the figures compare the last day against day 2 (after the first purge).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import requests

from bench.figures import Figure, emit, table
from bench.syncbench import fake_central
from bench.workspace import SELF_SERVICE_AT, current_rss_mb, visitors, write_config
from drivers.cardparse import parse_card
from drivers.fake import RecordingRelay
from kiosk.clock import FixedClock
from kiosk.config import load
from kiosk.door.controller import DoorController
from kiosk.door.flow import DoorSettings
from kiosk.events import Cancelled, CardPresented
from kiosk.jobs.sync import SyncService
from kiosk.privacy.retention import purge
from kiosk.services import Services, build_services
from sync.fakes.synthetic import FIRST_PATRON_NUMBER
from sync.http_client import HttpCentralClient

PATRONS = 5000
CHANGES_PER_SYNC = 5


@dataclass
class Day:
    rss_mb: float
    db_bytes: int
    fds: int
    errors: int


@dataclass
class SoakResult:
    days: list[Day] = field(default_factory=list)
    visits: int = 0
    syncs: int = 0
    purges: int = 0
    errors: list[str] = field(default_factory=list)


def open_fds() -> int:
    return sum(1 for _ in Path("/proc/self/fd").iterdir())


def db_bytes(services: Services) -> int:
    db = Path(services.engine.url.database or "")
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file())


def soak(root: Path, days: int, visit_every: timedelta = timedelta(minutes=1),
         sync_every: timedelta = timedelta(minutes=15)) -> SoakResult:
    result = SoakResult()
    with fake_central(PATRONS) as url:
        config = write_config(root, "")
        text = config.read_text(encoding="utf-8")
        text = text.replace('kind = "none"', f'kind = "http"\nurl = "{url}"', 1)
        text = text.replace("entry_log_days = 30", "entry_log_days = 2", 1)
        config.write_text(text, encoding="utf-8")
        clock = FixedClock(SELF_SERVICE_AT.replace(hour=0))
        services = build_services(load(config), clock)
        try:
            with HttpCentralClient(url) as client, requests.Session() as http:
                sync = SyncService(client, services.sessions, services.hasher, clock)
                sync.sync(full=True)
                _run_days(result, services, clock, sync, http, url, days, visit_every,
                          sync_every)
        finally:
            services.close()
    return result


def _run_days(result: SoakResult, services: Services, clock: FixedClock, sync: SyncService,
              http: requests.Session, url: str, days: int, visit_every: timedelta,
              sync_every: timedelta) -> None:
    relay = RecordingRelay()
    door = DoorController(services.access, relay, clock, DoorSettings(pulse_s=0.001),
                          services.faults)
    people = visitors(PATRONS, 500, random.Random(23))
    minute = 0
    steps_per_day = int(timedelta(days=1) / visit_every)
    sync_steps = max(1, int(sync_every / visit_every))
    try:
        for _day in range(days):
            for _ in range(steps_per_day):
                _visit(result, door, people[minute % len(people)].card)
                if minute % sync_steps == 0:
                    _sync(result, sync, http, url, minute)
                if clock.now().hour == 3 and clock.now().minute < visit_every.total_seconds() / 60:
                    _purge(result, services, clock)
                minute += 1
                clock.advance(visit_every)
            result.days.append(Day(current_rss_mb(), db_bytes(services), open_fds(),
                                   len(result.errors)))
    finally:
        relay.close()


def _visit(result: SoakResult, door: DoorController, card: str) -> None:
    door.handle(Cancelled())
    door.handle(CardPresented(parse_card(card, "door")))
    result.visits += 1
    if door.out_of_service:
        result.errors.append(f"door out of service: {door.faults.messages()}")


def _sync(result: SoakResult, sync: SyncService, http: requests.Session, url: str,
          minute: int) -> None:
    for n in range(CHANGES_PER_SYNC):
        patron_id = str(FIRST_PATRON_NUMBER + (minute * CHANGES_PER_SYNC + n) % PATRONS)
        http.post(f"{url}/_fake/patrons/{patron_id}", json={"name": f"Soak {minute} {n}"},
                  timeout=10).raise_for_status()
    sync.sync()
    report = sync.send_outbox()
    result.syncs += 1
    if report.error is not None:
        result.errors.append(f"outbox: {report.error}")


def _purge(result: SoakResult, services: Services, clock: FixedClock) -> None:
    report = purge(services.engine, services.sessions, services.loaded.config.retention,
                   clock.now())
    result.purges += 1
    if report.skipped is not None:
        result.errors.append(f"purge skipped: {report.skipped}")


def figures(result: SoakResult) -> list[Figure]:
    first, last = result.days[min(1, len(result.days) - 1)], result.days[-1]
    n = len(result.days)
    return [
        emit(Figure("soak_rss_growth_pct", 100 * (last.rss_mb - first.rss_mb) / first.rss_mb,
                    "%", 10, n, f"day 2 {first.rss_mb:.0f} MB -> day {n} {last.rss_mb:.0f} MB")),
        emit(Figure("soak_db_size_change_pct",
                    100 * abs(last.db_bytes - first.db_bytes) / first.db_bytes, "%", 10, n,
                    f"{first.db_bytes / 1e6:.1f} MB -> {last.db_bytes / 1e6:.1f} MB")),
        emit(Figure("soak_fd_growth", last.fds - first.fds, "fds", 0, n,
                    f"{first.fds} -> {last.fds} open descriptors")),
        emit(Figure("soak_errors", len(result.errors), "errors", 0, result.visits,
                    f"{result.visits} visits, {result.syncs} syncs, {result.purges} purges")),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__)
    parser.add_argument("--days", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kiosk-soak-") as tmp:
        result = soak(Path(tmp), args.days)
    for number, day in enumerate(result.days, start=1):
        sys.stderr.write(f"day {number}: rss {day.rss_mb:.1f} MB, db {day.db_bytes} B, "
                         f"fds {day.fds}, errors {day.errors}\n")
    found = figures(result)
    sys.stdout.write("\n" + table(found) + "\n")
    return 1 if any(f.verdict == "MISSED" for f in found) else 0


if __name__ == "__main__":
    sys.exit(main())

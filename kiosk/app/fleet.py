"""The fleet side of `kiosk run`: Prometheus metrics and /healthz (`[metrics]`), fed by the
readers' states, the door's decisions, door alarms and relay faults; and the refresh of the
library's calendar feed (`calendar.feed`), which hands the door each new calendar.

Built by the composition root before the door controller (which reports to `door`), attached to
it, and started with the kiosk. A metrics port that cannot be opened is logged and the kiosk
runs on: the door matters more than its dashboard. Qt-free.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Final

from drivers.types import OnStatus
from kiosk.access.service import AccessService
from kiosk.calendar_feed.job import CalendarFeedJob
from kiosk.config import LoadedConfig
from kiosk.config.models import CalendarSection
from kiosk.door.controller import RELAY, DoorController
from kiosk.health.faults import Fault
from kiosk.jobs.background import BackgroundWork
from kiosk.metrics import DoorMetrics, KioskSources, MetricsServer, ReaderBoard, kiosk_metrics
from kiosk.metrics.state import BuildingReading, JobView, RelayState
from kiosk.schedule import Calendar
from kiosk.services import Services

log = logging.getLogger(__name__)
CALENDAR_FEED: Final = "calendar_feed"
"""The feed's refresh among the supervised jobs (kiosk status --json `jobs`, metrics)."""


class FeedNotTaken(Exception):
    """The feed could not be fetched or was refused; the last good calendar stays."""


@dataclass
class Fleet:
    services: Services
    board: ReaderBoard
    door: DoorMetrics | None = None
    server: MetricsServer | None = None
    feed: CalendarFeedJob | None = None
    controller: DoorController | None = None
    on_calendar: Callable[[Calendar], None] | None = None
    """Told of each new calendar besides the door (the building)."""
    _relay_faulted: bool = field(default=False, repr=False)

    def attach(self, controller: DoorController) -> None:
        self.controller = controller

    def access(self) -> AccessService:
        """The access service the door decides with now (a config reload replaces it)."""
        return self.controller.access if self.controller is not None else self.services.access

    def new_calendar(self, section: CalendarSection) -> None:
        """The feed job's fresh calendar goes to the door's access service (one attribute)
        and to the building."""
        calendar = Calendar(section)
        self.access().calendar = calendar
        if self.on_calendar is not None:
            self.on_calendar(calendar)

    def tap(self, on_status: OnStatus) -> OnStatus:
        """The reader's status to the board (metrics) as well as to the kiosk."""
        return self.board.tap(on_status)

    def counted(self, kind: str, count: int) -> None:
        """The building's counts (alarms it acted on, exits, suspected tailgates): the same
        figures as `kiosk stats`."""
        if self.door is not None:
            self.door.counted(kind, count)

    def faults_changed(self, current: Iterable[Fault]) -> None:
        """Faults listener: count each time the relay goes into fault."""
        faulted = any(f.part == RELAY for f in current)
        if faulted and not self._relay_faulted and self.door is not None:
            self.door.relay_fault()
        self._relay_faulted = faulted

    def refresh_feed(self) -> None:
        """One round of the supervised calendar_feed job: a feed not taken is the job's
        failure (retried with backoff, shown in `jobs`), never the door's."""
        assert self.feed is not None
        status = self.feed.run_once()
        if not status.ok:
            raise FeedNotTaken("; ".join(status.problems))

    def start(self) -> None:
        if self.server is None:
            return
        try:
            self.server.start()
        except OSError as err:
            log.error("metrics not served on %s:%s: %s", self.server.host, self.server.port,  # noqa: TRY400
                      err.strerror)
            self.server = None

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()


def build_fleet(loaded: LoadedConfig, services: Services, relay: RelayState,
                serve: bool, work: BackgroundWork | None = None,
                building: BuildingReading | None = None) -> Fleet:
    """The board always (cheap); metrics and their server when `serve` (kiosk run, not the
    demo) and `[metrics] enabled`. `work`: the supervised jobs, whose last successes and
    clock verdict the metrics export."""
    fleet = Fleet(services, ReaderBoard(loaded.config.readers))
    if serve and work is not None and loaded.config.calendar.feed:
        fleet.feed = CalendarFeedJob(loaded, services.clock, fleet.new_calendar)
        work.supervisor.add(CALENDAR_FEED, fleet.refresh_feed, loaded.config.calendar.feed_refresh)
    if not (serve and loaded.config.metrics.enabled):
        return fleet
    feed = fleet.feed
    sources = KioskSources(
        loaded, services.sessions, services.clock,
        calendar=lambda: fleet.access().calendar,
        relay=relay, readers=fleet.board,
        out_of_service=lambda: services.faults.out_of_service,
        calendar_feed=lambda: feed.status if feed is not None else loaded.calendar_feed,
        jobs=_job_views(work) if work is not None else None,
        clock_trusted=_clock_trusted(work) if work is not None else None,
        building=building,
    )
    _registry, fleet.door, fleet.server = kiosk_metrics(sources)
    services.faults.subscribe(fleet.faults_changed)
    return fleet


def _job_views(work: BackgroundWork) -> Callable[[], list[JobView]]:
    return lambda: [JobView(name, report.last_success)
                    for name, report in work.reports().items()]


def _clock_trusted(work: BackgroundWork) -> Callable[[], bool]:
    # Trusted until the clock job has looked once: an alert on every start-up would be noise.
    return lambda: work.clock_trust is None or work.clock_trust.trusted

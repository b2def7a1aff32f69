"""Refreshing the feed while the kiosk runs: fetch, cache, and hand the new calendar to whoever
decides with it. No thread of its own: `kiosk run`'s supervised `calendar_feed` job
(kiosk/app/fleet.py) calls `run_once()` every `calendar.feed_refresh`, and retries with backoff
when the feed was not taken.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from kiosk.calendar_feed.feed_status import FeedStatus
from kiosk.calendar_feed.store import refresh
from kiosk.clock import Clock
from kiosk.config import LoadedConfig
from kiosk.config.load import with_calendar_feed
from kiosk.config.models import CalendarSection

log = logging.getLogger(__name__)


class CalendarFeedJob:
    def __init__(self, loaded: LoadedConfig, clock: Clock,
                 on_calendar: Callable[[CalendarSection], None]) -> None:
        self.loaded = loaded
        self.clock = clock
        self.on_calendar = on_calendar
        self.status: FeedStatus | None = loaded.calendar_feed
        self.last_success: datetime | None = None

    def run_once(self) -> FeedStatus:
        """Fetch now; on success the calendar with the fresh feed goes to `on_calendar`."""
        now = self.clock.now()
        base = self.loaded.calendar_base or self.loaded.config.calendar
        status = refresh(base, self.loaded.base_dir, self.loaded.data_dir, now)
        self._log_change(status)
        if status.ok:
            self.last_success = now
            fresh = with_calendar_feed(self.loaded)
            self.on_calendar(fresh.config.calendar)
            status = fresh.calendar_feed or status
        self.status = status
        return status

    def _log_change(self, status: FeedStatus) -> None:
        """Once when the feed starts failing (or fails differently), once when it recovers."""
        before = self.status
        if status.problems and (before is None or before.problems != status.problems):
            log.error("calendar feed %s not updated, keeping the last good calendar: %s",
                      status.source, "; ".join(status.problems))
        elif status.ok and before is not None and not before.ok:
            log.warning("calendar feed %s recovered: %d events", status.source, status.events)

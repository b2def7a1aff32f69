"""`kiosk run` refreshes the feed on its interval and hands the door the new calendar; a feed
that breaks later leaves the door on the last good one."""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from feedkit import CHRISTMAS_EVE, feed_server, ics

from kiosk.calendar_feed.job import CalendarFeedJob
from kiosk.clock import COPENHAGEN, FixedClock
from kiosk.config import load
from kiosk.config.models import CalendarSection
from kiosk.schedule import Calendar, Mode

EVE_1300 = datetime(2026, 12, 24, 13, 0, tzinfo=COPENHAGEN)


def test_the_job_fetches_on_its_interval_and_hands_over_the_new_calendar(
    config_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    clock = FixedClock(datetime(2026, 12, 1, 3, 0, tzinfo=COPENHAGEN))
    handed: list[CalendarSection] = []
    with feed_server(ics()) as server:
        loaded = load(config_path, [f'calendar.feed="{server.url}"',
                                    'calendar.feed_refresh="6h"'])
        job = CalendarFeedJob(loaded, clock, handed.append)
        assert job.run_once().ok
        assert Calendar(handed[-1]).mode_at(EVE_1300) is Mode.STAFFED  # nothing in the feed yet
        server.body = ics(CHRISTMAS_EVE)  # the library publishes its Christmas hours
        clock.advance(timedelta(hours=6))
        assert job.run_once().ok
        assert Calendar(handed[-1]).mode_at(EVE_1300) is Mode.CLOSED
        server.body = b"<html>oops</html>"
        with caplog.at_level(logging.ERROR):
            for _ in range(2):  # logged once, not every round
                clock.advance(timedelta(hours=6))
                status = job.run_once()
    assert not status.ok
    assert len(handed) == 2  # nothing new handed over: the door keeps the last good calendar
    assert job.last_success == datetime(2026, 12, 1, 9, 0, tzinfo=COPENHAGEN)
    assert job.status is status
    failing = [r for r in caplog.records if "keeping the last good calendar" in r.getMessage()]
    assert len(failing) == 1


def test_kiosk_run_refreshes_the_feed_in_the_background_and_the_door_follows(
    config_path: Path,
) -> None:
    from drivers.relays import make_relay
    from kiosk.app.fleet import CALENDAR_FEED, build_fleet
    from kiosk.jobs.background import BackgroundWork
    from kiosk.services import build_services

    with feed_server(ics(CHRISTMAS_EVE)) as server:
        loaded = load(config_path, [f'calendar.feed="{server.url}"'])
        services = build_services(loaded, FixedClock(EVE_1300))
        relay = make_relay("null")
        try:
            # Nothing cached yet: the door starts on config.toml's calendar.
            assert services.access.calendar.mode_at(EVE_1300) is Mode.STAFFED
            work = BackgroundWork(loaded, services)
            fleet = build_fleet(loaded, services, relay, serve=True, work=work)
            fleet.start()
            work.start()
            deadline = threading.Event()
            for _ in range(600):
                if services.access.calendar.mode_at(EVE_1300) is Mode.CLOSED:
                    break
                deadline.wait(0.05)
            work.stop()
            fleet.stop()
            assert services.access.calendar.mode_at(EVE_1300) is Mode.CLOSED
            assert server.hits == 1
            # One of the supervised jobs: its last success shows in kiosk status --json.
            assert work.reports()[CALENDAR_FEED].last_success is not None
        finally:
            relay.close()
            services.close()

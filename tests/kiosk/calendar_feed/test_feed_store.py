"""The feed fetched over HTTP (a real server on 127.0.0.1) or from a file, cached in data_dir:
a bad or unreachable feed keeps the last good calendar and says so; reading it never needs
the network."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from feedkit import CHRISTMAS_DAYS, CHRISTMAS_EVE, feed_server, ics

from kiosk.calendar_feed.store import CACHE_NAME, STATUS_NAME, current, refresh
from kiosk.config import load
from kiosk.config.models import CalendarSection

NOW = datetime(2026, 12, 1, 3, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))


def section(config_path: Path, feed: str) -> CalendarSection:
    return load(config_path, [f'calendar.feed="{feed}"']).config.calendar


def test_a_good_feed_is_cached_and_read_back_without_the_network(
    config_path: Path, tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    with feed_server(ics(CHRISTMAS_EVE, CHRISTMAS_DAYS)) as server:
        cal = section(config_path, server.url)
        status = refresh(cal, tmp_path, data, NOW)
        assert status.ok
        assert (status.events, status.good_at) == (2, "2026-12-01T03:00:00+01:00")
    # The server is gone: the kiosk still decides with the copy.
    events, now_status = current(cal, tmp_path, data)
    assert [e.name for e in events] == ["Juleaften: lukker kl. 12", "Juledagene"]
    assert now_status.good_at == status.good_at
    assert (data / CACHE_NAME).read_bytes() == ics(CHRISTMAS_EVE, CHRISTMAS_DAYS)


@pytest.mark.parametrize("breakage", ["html", "http500", "bad-event", "gone"])
def test_a_bad_or_unreachable_feed_keeps_the_last_good_calendar_and_says_so(
    config_path: Path, tmp_path: Path, breakage: str,
) -> None:
    data = tmp_path / "data"
    later = NOW.replace(hour=9)
    with feed_server(ics(CHRISTMAS_EVE)) as server:
        cal = section(config_path, server.url)
        assert refresh(cal, tmp_path, data, NOW).ok
        good = (data / CACHE_NAME).read_bytes()
        if breakage == "html":
            server.body = b"<html>Vedligeholdelse</html>"
        elif breakage == "http500":
            server.status = 500
        elif breakage == "bad-event":
            server.body = ics("BEGIN:VEVENT\nUID:z\nSUMMARY:Lukket\nDTSTART:20261231T120000\n"
                              "DTEND:20261231T100000\nEND:VEVENT")
        if breakage != "gone":
            status = refresh(cal, tmp_path, data, later)
    if breakage == "gone":  # the server has stopped: connection refused
        status = refresh(cal, tmp_path, data, later)
    assert not status.ok
    assert (data / CACHE_NAME).read_bytes() == good
    assert status.good_at == "2026-12-01T03:00:00+01:00"
    assert status.attempted_at == "2026-12-01T09:00:00+01:00"
    assert "keeping the last good calendar" in status.summary()
    saved = json.loads((data / STATUS_NAME).read_text())
    assert saved["problems"] == status.problems
    assert status.unreachable is (breakage in ("http500", "gone"))


def test_a_file_feed_is_read_from_its_file_and_a_broken_file_falls_back_to_the_copy(
    config_path: Path, tmp_path: Path,
) -> None:
    feed = tmp_path / "helligdage.ics"
    feed.write_bytes(ics(CHRISTMAS_EVE))
    data = tmp_path / "data"
    cal = section(config_path, "helligdage.ics")  # relative: next to config.toml
    events, status = current(cal, tmp_path, data)
    assert [e.name for e in events] == ["Juleaften: lukker kl. 12"]
    assert status.ok
    assert refresh(cal, tmp_path, data, NOW).ok  # the copy `kiosk run` keeps
    feed.write_text("half a file BEGIN:VCAL")
    events, status = current(cal, tmp_path, data)
    assert [e.name for e in events] == ["Juleaften: lukker kl. 12"]
    assert not status.ok
    assert status.problems[0].startswith("helligdage.ics: not an iCalendar file")


def test_a_copy_of_another_feed_is_not_used(config_path: Path, tmp_path: Path) -> None:
    (tmp_path / "a.ics").write_bytes(ics(CHRISTMAS_EVE))
    data = tmp_path / "data"
    assert refresh(section(config_path, "a.ics"), tmp_path, data, NOW).ok
    events, status = current(section(config_path, "https://other.example/b.ics"), tmp_path,
                             data)
    assert events == []
    assert status.good_at is None


_IMPORTS = """
import sys
from pathlib import Path
import kiosk.app.assemble, kiosk.app.run  # everything `kiosk run` imports at start
from kiosk.config import load
load(Path(sys.argv[1]), sys.argv[2:])
print("icalendar" in sys.modules)
"""


@pytest.mark.parametrize("feed", [None, "holidays.ics"])
def test_only_a_kiosk_with_a_feed_loads_the_ics_parser(
    config_path: Path, tmp_path: Path, feed: str | None,
) -> None:
    """icalendar is 5.5 MB of an idle kiosk's memory (bench/RESULTS.md, idle_rss_mb): a
    kiosk whose config.toml names no feed does without it."""
    (tmp_path / "holidays.ics").write_bytes(ics(CHRISTMAS_EVE))
    overrides = [f'calendar.feed="{tmp_path / feed}"'] if feed else []
    out = subprocess.run([sys.executable, "-c", _IMPORTS, str(config_path), *overrides],
                         capture_output=True, text=True, check=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.split() == [str(feed is not None)]

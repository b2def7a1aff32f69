"""The library's calendar feed fetched, validated and cached in data_dir for offline use.

`refresh()` fetches the feed (a file, or an http(s) URL with requests), and only when every
event is valid replaces the cached copy (`calendar-feed.ics`); a bad or unreachable feed keeps
the last good copy and records why in `calendar-feed.json`, which `kiosk check-config`, the
technician screen and the metrics read. `current()` reads what the kiosk decides with: a file
feed straight from its file (as config.toml itself), a URL feed from the cache; never the
network, so `kiosk explain` and start-up stay offline.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, replace
from datetime import datetime
from pathlib import Path
from typing import Final
from zoneinfo import ZoneInfo

import requests

from kiosk.calendar_feed.feed_events import FeedError, FeedEvent, FeedRules
from kiosk.calendar_feed.feed_status import FeedStatus
from kiosk.config.models import CalendarSection

log = logging.getLogger(__name__)
CACHE_NAME: Final = "calendar-feed.ics"
STATUS_NAME: Final = "calendar-feed.json"
FETCH_TIMEOUT_S: Final = 10.0
MAX_FEED_BYTES: Final = 5_000_000
"""A library's calendar is a few kB; more than this is not a calendar."""


class FeedUnreachable(Exception):
    """The feed could not be fetched (network, HTTP status, missing file)."""


def feed_rules(section: CalendarSection) -> FeedRules:
    return FeedRules(ZoneInfo(section.timezone), section.feed_categories, section.feed_default)


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def source_path(source: str, base_dir: Path) -> Path:
    path = Path(source.removeprefix("file://"))
    return path if path.is_absolute() else base_dir / path


def fetch(source: str, base_dir: Path, timeout_s: float = FETCH_TIMEOUT_S) -> bytes:
    """The feed's bytes; FeedUnreachable with one line saying why not."""
    if not is_url(source):
        path = source_path(source, base_dir)
        try:
            data = path.read_bytes()
        except OSError as err:
            raise FeedUnreachable(f"{path}: cannot read: {err.strerror}") from None
    else:
        try:
            with requests.get(source, timeout=timeout_s, stream=True) as resp:
                if resp.status_code != 200:
                    raise FeedUnreachable(f"{source}: HTTP {resp.status_code}")
                data = resp.raw.read(MAX_FEED_BYTES + 1, decode_content=True)
        except requests.RequestException as err:
            raise FeedUnreachable(f"{source}: unreachable: {type(err).__name__}") from None
    if len(data) > MAX_FEED_BYTES:
        raise FeedUnreachable(f"{source}: larger than {MAX_FEED_BYTES} bytes; not a calendar")
    return data


class FeedStore:
    """The cached copy and its status file in data_dir."""

    def __init__(self, data_dir: Path) -> None:
        self.cache = data_dir / CACHE_NAME
        self.status_file = data_dir / STATUS_NAME

    def status(self, source: str) -> FeedStatus:
        try:
            raw = json.loads(self.status_file.read_text(encoding="utf-8"))
            status = FeedStatus(**raw)
        except (OSError, ValueError, TypeError):
            return FeedStatus(source)
        return status if status.source == source else FeedStatus(source)

    def cached_events(self, source: str, rules: FeedRules) -> list[FeedEvent]:
        if not self.cache.exists() or self.status(source).good_at is None:
            return []  # nothing cached, or a copy of another feed (the config changed)
        try:
            return _parse(self.cache.read_bytes(), str(self.cache), rules)
        except (OSError, FeedError) as err:
            log.error("calendar feed cache %s unusable: %s", self.cache, err)  # noqa: TRY400
            return []

    def save(self, data: bytes | None, status: FeedStatus) -> None:
        self.cache.parent.mkdir(parents=True, exist_ok=True)
        if data is not None:
            _write_atomic(self.cache, data)
        _write_atomic(self.status_file, json.dumps(asdict(status)).encode())


def refresh(section: CalendarSection, base_dir: Path, data_dir: Path,
            now: datetime) -> FeedStatus:
    """Fetch, validate, and cache the feed when it is good; the status either way."""
    source = section.feed
    store = FeedStore(data_dir)
    previous = store.status(source)
    attempted = replace(previous, attempted_at=now.isoformat(timespec="seconds"))
    try:
        data = fetch(source, base_dir)
        events = _parse(data, source, feed_rules(section))
    except FeedUnreachable as err:
        status = replace(attempted, problems=[str(err)], unreachable=True)
        data = None
    except FeedError as err:
        status = replace(attempted, problems=err.lines, unreachable=False)
        data = None
    else:
        status = replace(attempted, good_at=attempted.attempted_at, events=len(events),
                         problems=[], unreachable=False)
    store.save(data, status)
    return status


def current(section: CalendarSection, base_dir: Path,
            data_dir: Path) -> tuple[list[FeedEvent], FeedStatus]:
    """The events the kiosk decides with now, without the network, and their status."""
    source = section.feed
    rules = feed_rules(section)
    store = FeedStore(data_dir)
    status = store.status(source)
    if not is_url(source):
        try:
            events = _parse(fetch(source, base_dir), source, rules)
        except FeedUnreachable as err:
            return store.cached_events(source, rules), replace(
                status, problems=[str(err)], unreachable=True)
        except FeedError as err:
            return store.cached_events(source, rules), replace(
                status, problems=err.lines, unreachable=False)
        modified = datetime.fromtimestamp(source_path(source, base_dir).stat().st_mtime,
                                          rules.tz).isoformat(timespec="seconds")
        return events, replace(status, good_at=modified, events=len(events), problems=[],
                               unreachable=False)
    return store.cached_events(source, rules), status


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    tmp.replace(path)


def _parse(data: bytes, source: str, rules: FeedRules) -> list[FeedEvent]:
    # Imported here: the parser brings icalendar, which a kiosk without a feed never needs.
    from kiosk.calendar_feed.ics import parse_feed

    return parse_feed(data, source, rules)

"""What a calendar feed is read into, apart from the parser (kiosk/calendar_feed/ics.py): a
kiosk without a feed never imports icalendar, 5.5 MB of its idle memory (bench/RESULTS.md)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from kiosk.config.models import FeedMode


class FeedError(Exception):
    """The feed cannot be used; `lines` holds one message per problem."""

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)


@dataclass(frozen=True, slots=True)
class FeedEvent:
    """One event: the mode from `start` to `end` (aware, in the calendar's zone)."""

    uid: str
    name: str
    mode: FeedMode
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class FeedRules:
    """How events are read: from `calendar.*` in config.toml."""

    tz: ZoneInfo
    categories: Mapping[str, FeedMode]
    default: FeedMode

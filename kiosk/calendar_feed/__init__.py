"""The library's own calendar feed (iCalendar): dated exceptions on top of config.toml's weekly
rules, validated, cached in data_dir for offline use. No Qt; `kiosk.config` lays it over the
calendar when the config is loaded, `kiosk run` refreshes it (`refresh`)."""

from kiosk.calendar_feed.ics import FeedError, FeedEvent, parse_feed
from kiosk.calendar_feed.overlay import overlay
from kiosk.calendar_feed.store import FeedStatus, FeedUnreachable, current, refresh

__all__ = ["FeedError", "FeedEvent", "FeedStatus", "FeedUnreachable", "current", "overlay",
           "parse_feed", "refresh"]

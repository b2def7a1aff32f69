"""What the kiosk knows about its calendar feed (check-config, status, the technician, metrics).

Its own module, with nothing heavy: `kiosk status` and the metrics read it on every call, and
the feed's parser (icalendar) and fetcher (requests) were a tenth of `kiosk status`'s imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class FeedStatus:
    """What the kiosk knows about its feed, for check-config, the technician and metrics."""

    source: str
    good_at: str | None = None
    """When the copy in use was fetched (ISO 8601), or None when there is none."""
    events: int = 0
    attempted_at: str | None = None
    problems: list[str] = field(default_factory=list)
    """Why the last attempt was not taken (unreachable or invalid); empty when it was."""
    unreachable: bool = False
    """The problem was fetching it (network, HTTP, file), not its content."""

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        using = (f"{self.events} events from the copy of {self.good_at}" if self.good_at
                 else "no good copy yet: weekly rules and config.toml exceptions only")
        state = "ok" if self.ok else "NOT UPDATED, keeping the last good calendar"
        return f"{self.source}: {state}; {using}"

"""Entries per grant, from the door contact's cycles or a people counter: the tailgating signal.

An *episode* starts with a grant and lasts while the door is open or an unlock window runs,
plus `settle_s` for counter pulses that come after the door closed. Its entries are the door
openings that began inside a grant's unlock window (not inside an exit window, and not a
bounce of the previous opening), or, with a people counter, its "in" pulses. More entries
than grants in one episode is a suspected tailgate: a second person through on one card, or
the still-unlocked door opened again. Two patrons who each show a card and walk through one
opening are two grants and one or two entries: no suspicion.
Pure: frozen values and monotonic seconds in, frozen values out. No I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

BOUNCE_S: Final = 0.3
"""An opening this soon after a close is the same opening (drivers/doorwatch.py)."""


@dataclass(frozen=True, slots=True)
class Episode:
    grants: int = 0
    openings: int = 0
    counted: int = 0
    window_end: float = 0.0
    """The latest end of an unlock window for a grant in this episode."""


@dataclass(frozen=True, slots=True)
class Suspected:
    at: float
    grants: int
    entries: int

    @property
    def extra(self) -> int:
        return self.entries - self.grants


@dataclass(frozen=True, slots=True)
class EntryWatch:
    episode: Episode | None = None
    door_open: bool = False
    closed_at: float | None = None
    exit_until: float = float("-inf")

    def grant(self, at: float, seconds: float) -> EntryWatch:
        episode = self.episode or Episode()
        return replace(self, episode=replace(episode, grants=episode.grants + 1,
                                             window_end=max(episode.window_end, at + seconds)))

    def exit_requested(self, at: float, seconds: float) -> EntryWatch:
        return replace(self, exit_until=max(self.exit_until, at + seconds))

    def opened(self, at: float) -> EntryWatch:
        if self.door_open:
            return self
        bounced = self.closed_at is not None and at - self.closed_at <= BOUNCE_S
        episode = self.episode
        if (episode is not None and not bounced and at <= episode.window_end
                and at > self.exit_until):
            episode = replace(episode, openings=episode.openings + 1)
        return replace(self, door_open=True, episode=episode)

    def closed(self, at: float) -> EntryWatch:
        return replace(self, door_open=False, closed_at=at) if self.door_open else self

    def person_in(self) -> EntryWatch:
        if self.episode is None:
            return self
        return replace(self, episode=replace(self.episode, counted=self.episode.counted + 1))

    def due(self, settle_s: float) -> float | None:
        """When the episode can be judged (the door is closed), or None."""
        if self.episode is None or self.door_open:
            return None
        return max(self.episode.window_end, self.closed_at or 0.0) + settle_s

    def tick(self, now: float, use_counter: bool,
             settle_s: float) -> tuple[EntryWatch, Suspected | None]:
        """Judge the episode once it is over; a suspicion when entries outnumber grants.
        `use_counter`: entries are people-counter pulses, else door openings."""
        due = self.due(settle_s)
        if due is None or now < due:
            return self, None
        assert self.episode is not None  # due() is None without one
        episode = self.episode
        entries = episode.counted if use_counter else episode.openings
        ended = replace(self, episode=None)
        if entries > episode.grants:
            return ended, Suspected(due, episode.grants, entries)
        return ended, None

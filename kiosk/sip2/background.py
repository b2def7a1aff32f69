"""Background SIP2 work for `kiosk run`: replay offline circulation, refresh known patrons.

Runs on the background thread with its own SIP2 connection (configured timeout and retries),
so the door's and the checkout screen's live link never waits behind it.
"""

from __future__ import annotations

from typing import Final

from sqlalchemy.orm import Session, sessionmaker

from kiosk.clock import Clock
from kiosk.config import LoadedConfig
from kiosk.privacy.sealed import Sealer
from kiosk.sip2.learned_cache import LearnedCacheRefresher
from kiosk.sip2.link import LiveLink, sip2_client
from kiosk.sip2.replay import replay_offline

REFRESH_PER_ROUND: Final = 200
"""Known patrons refreshed per sync interval, oldest first (one 63 each)."""


class Sip2Background:
    def __init__(
        self, loaded: LoadedConfig, sessions: sessionmaker[Session], clock: Clock,
        sealer: Sealer,
    ) -> None:
        self.sessions = sessions
        self.clock = clock
        self.sealer = sealer
        self.link = LiveLink(sip2_client(loaded, clock=clock), clock, name="SIP2 background")
        self.refresher = LearnedCacheRefresher(
            sessions, self.link, clock, loaded.config.central.sip2.blocking_positions, sealer)

    def run_once(self) -> str | None:
        """One round; returns the error text when the library system was unreachable."""
        self.link.reset()
        replay_offline(self.sessions, self.link, self.sealer)
        self.refresher.refresh_all(limit=REFRESH_PER_ROUND)
        return self.link.last_error

    def close(self) -> None:
        self.link.close()

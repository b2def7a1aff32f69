"""Background work for `kiosk run`: delta sync every interval, a full sync daily, the outbox,
and the nightly purge. One daemon thread; the door never waits for it (WAL readers don't block).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy.exc import SQLAlchemyError

from kiosk.cache.patrons import upgrade_some_verifiers
from kiosk.config import LoadedConfig
from kiosk.retention import purge
from kiosk.services import Services, central_client
from kiosk.sip2_background import Sip2Background
from kiosk.sync_service import SyncService
from sync.client import CentralError

log = logging.getLogger(__name__)
FULL_SYNC_EVERY = timedelta(days=1)
# Verifier upgrades: 10 argon2id hashes (~0.2 s of one core) then a pause, about a fifth of a
# core: a million synced patrons are upgraded in a day or two without the door noticing.
UPGRADE_BATCH = 10
UPGRADE_PAUSE_S = 1.0
PURGE_EVERY = timedelta(hours=24)


class BackgroundWork:
    """Runs sync, outbox and purge on their intervals until stopped."""

    def __init__(
        self,
        loaded: LoadedConfig,
        services: Services,
        on_result: Callable[[str, str | None], None] | None = None,
    ) -> None:
        self.loaded = loaded
        self.services = services
        self._on_result = on_result or (lambda _what, _error: None)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        central = loaded.config.central
        self._sync: SyncService | None = None
        self._sip2: Sip2Background | None = None
        if central.kind == "sip2":
            self._sip2 = Sip2Background(loaded, services)
        if central.kind == "http":
            self._sync = SyncService(
                central_client(loaded), services.sessions, services.hasher, services.clock,
                after_deletions=self._purge,
            )

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="kiosk-background", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        if self._sip2 is not None:
            self._sip2.close()

    def sync_now(self) -> None:
        """Ask for a sync at the next opportunity (technician screen button)."""
        self._wake.set()

    def _run(self) -> None:
        interval = self.loaded.config.central.sync_interval.total_seconds()
        clock = self.services.clock
        last_full = last_purge = None
        next_round = time.monotonic()
        while not self._stop.is_set():
            if time.monotonic() >= next_round or self._wake.is_set():
                self._wake.clear()
                now = clock.now()
                if self._sync is not None:
                    full = last_full is None or now - last_full >= FULL_SYNC_EVERY
                    if self._sync_once(full) and full:
                        last_full = now
                if self._sip2 is not None:
                    self._on_result("sync", self._sip2.run_once())
                if last_purge is None or now - last_purge >= PURGE_EVERY:
                    self._purge()
                    last_purge = now
                next_round = time.monotonic() + interval
            pending = self._upgrade_verifiers()
            until_round = max(next_round - time.monotonic(), 0.0)
            self._wake.wait(min(UPGRADE_PAUSE_S, until_round) if pending else until_round)

    def _upgrade_verifiers(self) -> bool:
        """A few hk1 PIN verifiers to argon2id per pass; True while some are left."""
        try:
            with self.services.sessions.begin() as session:
                done = upgrade_some_verifiers(session, self.services.hasher, UPGRADE_BATCH)
        except SQLAlchemyError as err:
            log.warning("PIN verifier upgrade paused: %s", type(err).__name__)
            return False
        return done == UPGRADE_BATCH

    def _sync_once(self, full: bool) -> bool:
        assert self._sync is not None
        try:
            report = self._sync.sync(full=full)
            self._sync.send_outbox()
        except CentralError as err:
            self._on_result("sync", str(err))
            return False
        log.debug("%s", report.summary())
        self._on_result("sync", None)
        return True

    def _purge(self) -> None:
        s = self.services
        report = purge(s.engine, s.sessions, self.loaded.config.retention, s.clock.now())
        self._on_result("purge", report.skipped)

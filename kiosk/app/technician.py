"""What the technician screen's buttons do, and the figures it shows: one object, built once.

Runs on the controller worker (a relay pulse, a config file or a sync may take their time),
never on the GUI thread. Every action goes to the audit trail.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from drivers.relays import BaseRelay
from drivers.types import CardKind, ReaderStatus, RelayFault
from kiosk.building.shell import BuildingShell
from kiosk.config import ConfigError, LoadedConfig, load
from kiosk.door.controller import RELAY, DoorController
from kiosk.door.runner import TechnicianActions
from kiosk.door.settings import door_settings
from kiosk.health.techinfo import JobView, RelayView, TechnicianInfo, gather
from kiosk.health.upkeep import Upkeep, clock_now, gather_upkeep
from kiosk.jobs.background import BackgroundWork
from kiosk.jobs.supervisor import JobReport
from kiosk.privacy.audit import card_actor, record_audit
from kiosk.services import Services, access_service

log = logging.getLogger(__name__)
RELAY_TEST_S = 1.0


class TechnicianDesk:
    def __init__(
        self,
        loaded: LoadedConfig,
        overrides: Sequence[str],
        services: Services,
        relay: BaseRelay,
        controller: DoorController,
        background: BackgroundWork | None,
        sync_now: Callable[[], str] | None = None,
    ) -> None:
        self.loaded = loaded
        self.overrides = overrides
        self.services = services
        self.relay = relay
        self.controller = controller
        self.background = background
        self._sync_now = sync_now
        """The demo's own "sync now" (it refills the cache from its fake central)."""
        self.building: BuildingShell | None = None
        """Set by the composition root: the screen shows the outputs and the next hours."""

    def actions(self) -> TechnicianActions:
        return TechnicianActions(info=self.info, sync_now=self.sync_now,
                                 relay_test=self.relay_test, reload_config=self.reload_config,
                                 opened=lambda: self.audit("technician_screen"))

    def audit(self, action: str, detail: str = "") -> None:
        read = self.controller.state.read
        card = read is not None and read.kind is CardKind.CARD
        actor = card_actor(read.value) if read is not None and card else "screen:corner+pin"
        try:
            record_audit(self.services.sessions, self.services.clock.now(), action, actor, detail)
        except SQLAlchemyError as err:
            log.error("audit entry not written: %s", type(err).__name__)  # noqa: TRY400

    def info(self, readers: Mapping[str, ReaderStatus]) -> TechnicianInfo:
        driver = f"{self.loaded.config.relay.driver} ({self.relay.name})"
        relay = RelayView(driver, self.relay.is_on, self.relay.fault)
        work = self.background
        jobs = [job_view(r) for r in work.reports().values()] if work is not None else []
        building = self.building.view() if self.building is not None else None
        return gather(self.controller.access, self.services.clock, self.loaded.database_url,
                      readers, relay, self.controller.faults.messages(), self._upkeep, jobs,
                      building)

    def _upkeep(self, session: Session, now: datetime) -> Upkeep:
        # The running clock job's verdict; before its first look (or without background work)
        # the kept state's, as `kiosk status` shows it.
        trust = self.background.clock_trust if self.background is not None else None
        clock = trust if trust is not None else clock_now(self.loaded, self.services.clock)
        return gather_upkeep(session, now, self.loaded, clock)

    def sync_now(self) -> str:
        """Wakes the background worker; never waits for the sync itself."""
        self.audit("sync_now")
        if self._sync_now is not None:
            return self._sync_now()
        if self.loaded.config.central.kind == "none":
            return 'No central system configured (central.kind = "none").'
        if self.background is None:
            return "Background work is not running."
        self.background.sync_now()
        return "Sync started; see last sync above in a moment."

    def relay_test(self) -> str:
        self.audit("relay_test")
        try:
            self.relay.pulse(RELAY_TEST_S)
        except RelayFault as err:
            self.controller.faults.set(RELAY, str(err))
            return f"Relay fault: {err}"
        self.controller.faults.clear(RELAY)
        return f"Relay pulsed for {RELAY_TEST_S:.0f} s"

    def reload_config(self) -> str:
        self.audit("config_reload")
        try:
            fresh = load(self.loaded.path, self.overrides)
            settings = door_settings(fresh)
        except ConfigError as err:
            log.error("config reload refused: %s", err.lines[0])  # noqa: TRY400 - one line
            return f"Not reloaded: {err.lines[0]}"
        self.loaded = fresh
        s = self.services
        self.controller.access = access_service(fresh, s.sessions, s.hasher, s.clock, s.faults,
                                                s.sip2, s.clock_trust)
        self.controller.settings = settings
        log.warning("config reloaded from %s", fresh.path)
        return "Rules, calendar and texts reloaded. Restart for readers, relay or database."


def job_view(report: JobReport) -> JobView:
    return JobView(report.name, report.last_success, report.last_error, report.next_try,
                   report.failures)

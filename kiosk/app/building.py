"""How the building is wired into `kiosk run` and the demo: the door's grants and the door
monitor's events go to the building's thread, the building's request-to-exit releases the
door relay, a fire alarm ends the checkout session, and what the building counts goes to the
metrics. Qt-free (the checkout screen is reached through a callable).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from drivers.relays import BaseRelay
from drivers.types import DoorEvent, RelayFault
from kiosk.building.flow import DoorInput, Granted
from kiosk.building.shell import BuildingShell
from kiosk.clock import Clock
from kiosk.door.controller import RELAY
from kiosk.door.monitor import DoorMonitor
from kiosk.health.faults import Faults

log = logging.getLogger(__name__)


@dataclass
class BuildingLinks:
    """The building's side of the wiring, built before the door controller and the monitor."""

    building: BuildingShell
    clock: Clock
    monitor: DoorMonitor | None = None
    end_checkout: Callable[[], None] | None = field(default=None)
    """Set once the checkout screen exists (it is built after the door)."""

    def door_pulsed(self, seconds: float) -> None:
        """The door controller's on_pulse: an opening now is not forced, and one person in."""
        if self.monitor is not None:
            self.monitor.granted(seconds)
        self.building.post(Granted(self.clock.monotonic(), seconds))

    def door_event(self, event: DoorEvent) -> None:
        """The door monitor's on_event: inputs and alarms to the building's thread."""
        self.building.post(DoorInput(event.kind, event.at))

    def checkout_ends(self) -> None:
        if self.end_checkout is not None:
            self.end_checkout()


def door_release(relay: BaseRelay, faults: Faults) -> Callable[[float], None]:
    """Pulse the door relay for someone leaving; a board that does not answer is the door's
    fault like any other."""

    def release(seconds: float) -> None:
        try:
            relay.pulse(seconds)
        except RelayFault as err:
            faults.set(RELAY, str(err))
            log.error("exit button: door not released: %s", err)  # noqa: TRY400
            return
        faults.clear(RELAY)
        log.info("exit button: door released for %.1f s", seconds)

    return release

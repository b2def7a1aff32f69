"""The relay's own fault state (drivers/relays/base.py) reported to the kiosk's fault owner.

The relay's keeper thread notices a board that does not take commands (and the first command
it takes again) without any patron; this makes that the `relay` fault the door, the screens and
`kiosk status` read, set and cleared by the relay itself. No Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from drivers.types import DeviceFault, MonitoredRelay
from kiosk.health.faults import Faults

RELAY: Final = "relay"


def report_relay_faults(
    relay: MonitoredRelay, faults: Faults, part: str = RELAY, stops_door: bool = True
) -> Callable[[], None]:
    """Keep `faults[part]` in step with `relay`; returns the function that stops it.
    `stops_door=False` for a relay the door does not depend on (the building's outputs).

    The listener runs on the relay's threads; Faults is thread-safe and tells its own
    subscribers (the Qt bridge posts to the GUI thread).
    """

    def heard(fault: DeviceFault | None) -> None:
        if fault is None:
            faults.clear(part)
        else:
            faults.set(part, fault.message, stops_door)

    stop = relay.add_fault_listener(heard)
    heard(relay.fault_state)  # a board that could not even be switched off at start-up
    return stop

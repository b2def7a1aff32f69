"""The door's work on the controller worker: an event in, a `DoorSnapshot` for the window out.

Everything that may touch the cache, the relay, the PIN hashes or the library system runs
here, on the worker's thread: `DoorController.handle`, reader states (faults), the ambient
picture (a cache read), the technician screen's figures and its buttons. No Qt: the window
renders the snapshots, which are frozen and safe to hand across threads.
"""

from __future__ import annotations

import logging
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from drivers.types import CardRead, ReaderStatus
from kiosk.door.controller import DoorController
from kiosk.door.flow import Event
from kiosk.door.view import AmbientSource, ScreenKind, ScreenView, door_view
from kiosk.events import CardPresented
from kiosk.health.techinfo import TechnicianInfo

log = logging.getLogger(__name__)
FLOW_EVENTS: tuple[type, ...] = typing.get_args(Event)


@dataclass(frozen=True, slots=True)
class TechnicianActions:
    """What the technician screen's buttons do; built by the composition root. Run on the
    controller worker, so they may take their time (a relay pulse, a config file, a sync)."""

    info: Callable[[Mapping[str, ReaderStatus]], TechnicianInfo]
    sync_now: Callable[[], str]
    relay_test: Callable[[], str]
    reload_config: Callable[[], str]
    opened: Callable[[], None] = lambda: None
    """Told when the technician screen opens (the audit trail)."""


@dataclass(frozen=True, slots=True)
class DoorSnapshot:
    view: ScreenView
    readers: Mapping[str, ReaderStatus] = field(default_factory=dict)
    info: TechnicianInfo | None = None
    """Fresh technician-screen figures: when that screen opens and after each of its buttons."""
    message: str | None = None
    """What a technician button answered ("" clears the last answer)."""


class DoorRunner:
    """Owns the DoorController's thread-side state; call it only from the controller worker."""

    def __init__(
        self, controller: DoorController, ambient: AmbientSource, actions: TechnicianActions
    ) -> None:
        self.controller = controller
        self.ambient = ambient
        self.actions = actions
        self.readers: dict[str, ReaderStatus] = {}
        self._kind: ScreenKind | None = None

    def handle(self, event: object) -> DoorSnapshot:
        """A flow event, a reader's read or a reader's state; the door's picture back."""
        if isinstance(event, CardRead):
            event = CardPresented(event)
        if isinstance(event, ReaderStatus):
            self._reader_status(event)
        elif isinstance(event, FLOW_EVENTS):
            self.controller.handle(typing.cast(Event, event))
        else:
            log.warning("ignored an event of type %s", type(event).__name__)
        return self.snapshot()

    def technician_action(self, name: str) -> DoorSnapshot:
        action = {"sync": self.actions.sync_now, "relay_test": self.actions.relay_test,
                  "reload_config": self.actions.reload_config}[name]
        message = action()
        snapshot = self.snapshot()
        info = snapshot.info or self.actions.info(self.readers)
        return DoorSnapshot(snapshot.view, snapshot.readers, info, message)

    def snapshot(self) -> DoorSnapshot:
        view = self.view()
        info, message = None, None
        if view.kind is not self._kind:
            self._kind = view.kind
            if view.kind is ScreenKind.TECHNICIAN:
                log.warning("technician screen shown")
                self.actions.opened()
                info, message = self.actions.info(self.readers), ""
            if view.kind in (ScreenKind.IDLE, ScreenKind.CLOSED, ScreenKind.OUT_OF_ORDER):
                self.ambient.invalidate()
        return DoorSnapshot(view, MappingProxyType(dict(self.readers)), info, message)

    def view(self) -> ScreenView:
        controller = self.controller
        return door_view(controller.state, self.ambient.snapshot(), controller.settings,
                         controller.clock.monotonic())

    def _reader_status(self, status: ReaderStatus) -> None:
        self.controller.reader_status(status)
        self.readers[status.reader] = status
        self.ambient.invalidate()

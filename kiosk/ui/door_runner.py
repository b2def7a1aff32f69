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

from drivers.types import ReaderState, ReaderStatus
from kiosk.door import DoorController
from kiosk.flow import Event, Phase
from kiosk.ui.ambient import AmbientSource
from kiosk.ui.techinfo import TechnicianInfo
from kiosk.ui.view import ScreenKind, ScreenView, screen_for

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
        state = controller.state
        ambient = self.ambient.snapshot()
        settings = controller.settings
        totals = {
            Phase.AWAITING_PIN: settings.pin_timeout_s,
            Phase.TECHNICIAN_PIN: settings.pin_timeout_s,
            Phase.GRANTED: settings.pulse_s,
            Phase.DENIED: settings.result_s,
            Phase.TECHNICIAN: settings.technician_s,
        }
        remaining = None
        if state.deadline is not None:
            remaining = state.deadline - controller.monotonic()
        return ScreenView(
            kind=screen_for(state, ambient),
            state=state,
            ambient=ambient,
            lang=state.language or settings.default_language,
            pin_length=settings.pin_length,
            remaining_s=remaining,
            total_s=totals.get(state.phase),
        )

    def _reader_status(self, status: ReaderStatus) -> None:
        # A door whose reader is gone cannot take a card: say "out of order" instead of
        # showing a screen that silently ignores the patron.
        key = f"reader {status.reader}"
        if status.state is ReaderState.CONNECTED:
            if self.controller.faults.pop(key, None) is not None:
                log.info("reader %s connected again", status.reader)
        else:
            self.controller.faults[key] = status.detail or str(status.state)
        self.readers[status.reader] = status
        self.ambient.invalidate()

"""Composition root: config → cache → relay and readers → door controller → Qt window.

`assemble()` wires the kiosk for `kiosk run` (kiosk/app/run.py) and the demo, once and in order:
faults, then the building (its outputs off), the door monitor, the controller, background work,
the technician desk, the window and the checkout screen. The only module that knows the
drivers, the cache and the UI at once. Qt is imported inside functions, so importing this
module does not load it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drivers.relays import BaseRelay
from drivers.types import CardRead, CardReader
from kiosk.app.building import BuildingLinks, door_release
from kiosk.app.checkout import build_checkout, checkout_event
from kiosk.app.fleet import Fleet, build_fleet
from kiosk.app.loop import restart_to_repair
from kiosk.app.technician import TechnicianDesk
from kiosk.building.build import build_building
from kiosk.building.shell import BuildingShell, Hooks
from kiosk.clock import Clock
from kiosk.config import LoadedConfig
from kiosk.door.controller import DoorController
from kiosk.door.flow import FireAlarm
from kiosk.door.monitor import INPUT_NAMES, DoorMonitor
from kiosk.door.settings import door_settings
from kiosk.events import Cancelled
from kiosk.health.faults import FaultFile
from kiosk.health.relay_faults import report_relay_faults
from kiosk.jobs.background import BackgroundWork
from kiosk.services import Services
from kiosk.speech.espeak import EspeakSpeech, Speech
from kiosk.system.sounds import Sounds

if TYPE_CHECKING:
    from kiosk.ui.driving import Bridge
    from kiosk.ui.screens.checkout import CheckoutScreen
    from kiosk.ui.speech import Narrator
    from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)


@dataclass
class Kiosk:
    """Everything `kiosk run` and `kiosk demo` start, and stop again in `close()`."""

    loaded: LoadedConfig
    overrides: Sequence[str]
    services: Services
    relay: BaseRelay
    controller: DoorController
    window: KioskWindow
    technician: TechnicianDesk
    readers: list[CardReader] = field(default_factory=list)
    monitor: DoorMonitor | None = None
    background: BackgroundWork | None = None
    checkout: CheckoutScreen | None = None
    """The self-checkout screen (kiosk.mode "checkout"/"both"): a second window."""
    fault_file: FaultFile | None = None
    fleet: Fleet | None = None
    """Metrics and /healthz ([metrics]), and the reader states they read."""
    relay_report: Callable[[], None] | None = None
    """Stops the relay's own fault reports to the fault owner (kiosk/health/relay_faults.py)."""
    building: BuildingShell | None = None
    """Outputs, announcements, exits, occupancy and tailgating (kiosk/building)."""

    def start(self) -> None:
        if self.building is not None:
            self.building.start()  # first: every output to where it should be now
        self.window.start()
        post = self.window.bridge.post
        on_status = self.fleet.tap(post) if self.fleet is not None else post
        for reader in self.readers:
            role = self.loaded.config.readers[reader.name].role
            if self.checkout is not None and role in ("checkout", "items"):
                reader.start(on_read=self._to_checkout(role), on_status=on_status)
                continue
            # Reader threads only post; the GUI thread hands on to the controller worker.
            reader.start(on_read=post, on_status=on_status)
        if self.checkout is not None:
            self.checkout.start()
        if self.monitor is not None:
            self.monitor.start()
        if self.background is not None:
            self.background.start()
            log.info("background work started: central.kind=%s",
                     self.loaded.config.central.kind)
        if self.fleet is not None:
            self.fleet.start()

    def _to_checkout(self, role: str) -> Callable[[CardRead], None]:
        assert self.checkout is not None
        send = self.checkout.send.emit  # a signal: queued onto the GUI thread, then the worker

        def on_read(read: CardRead) -> None:
            event = checkout_event(read, role)
            if event is not None:
                send(event)

        return on_read

    def close(self, stopped: Callable[[], None] | None = None) -> None:
        """Stop every worker, then `stopped()` (kiosk run's STOP audit entry: the door worker
        may still be writing its own entries until it is joined), then close the cache."""
        if self.building is not None:
            self.building.stop()  # every output off (released) before the slow joins below
        if self.fleet is not None:
            self.fleet.stop()
        if self.background is not None:
            self.background.stop()
        if self.monitor is not None:
            self.monitor.stop()
        self.window.stop()  # joins the controller worker: no relay command comes after this
        self.window.close()
        if self.checkout is not None:
            self.checkout.stop()
            self.checkout.close()
            self.checkout.controller.close()
        for reader in self.readers:
            reader.stop()
        self.relay.close()
        if self.relay_report is not None:
            self.relay_report()
        if stopped is not None:
            stopped()
        self.services.close()
        if self.fault_file is not None:
            self.fault_file.remove()


def assemble(
    loaded: LoadedConfig,
    services: Services,
    relay: BaseRelay,
    clock: Clock,
    readers: Sequence[CardReader] = (),
    overrides: Sequence[str] = (),
    shuffle_pin: bool = False,
    background: bool = False,
    sync_now: Callable[[], str] | None = None,
    speech: Callable[[], Speech | None] | None = None,
    announcements_to: Path | None = None,
) -> Kiosk:
    """Wire the door, its window and the checkout around built services and relay (no start).
    `background`: sync, outbox, purge (kiosk run); `sync_now`: the technician button's action
    (the demo refills its cache from its fake central); `speech`: makes each screen's speech
    (default: [speech], espeak-ng); `announcements_to`: the building's announcements as WAV
    files there instead of played (the demo)."""
    from kiosk.door.runner import DoorRunner
    from kiosk.door.view import AmbientSource
    from kiosk.ui.driving import Bridge
    from kiosk.ui.window import KioskWindow

    fault_file, relay_report = _watch_faults(loaded, services, relay, background)
    bridge = Bridge()
    work = BackgroundWork(loaded, services, on_cache_damaged=restart_to_repair) if (
        background) else None
    links, fleet = _building(loaded, services, relay, clock, work, announcements_to)
    building = links.building
    try:
        monitor = links.monitor = _door_monitor(loaded, bridge, links)
        sounds = Sounds(loaded.config.kiosk.sound_command, loaded.data_dir / "sounds")
        controller = DoorController(services.access, relay, clock, door_settings(loaded),
                                    services.faults, on_beep=sounds.play,
                                    on_pulse=links.door_pulsed, observer=fleet.door)
        fleet.attach(controller)
        desk = TechnicianDesk(loaded, overrides, services, relay, controller, work, sync_now)
        desk.building = building
        runner = DoorRunner(controller, AmbientSource(controller), desk.actions())
        voice = speech or (lambda: make_speech(loaded))
        window = KioskWindow(runner, bridge, shuffle_pin=shuffle_pin,
                             narrator=_narrator(loaded, clock, voice()))
        bridge.setParent(window)
        checkout = build_checkout(loaded, services, clock, window.worker,
                                  narrator=_narrator(loaded, clock, voice()))
    except BaseException:
        building.stop()  # its outputs off again
        raise
    _end_checkout_on_fire(links, checkout)
    return Kiosk(loaded, overrides, services, relay, controller, window, desk, list(readers),
                 monitor, work, checkout, fault_file, fleet, relay_report, building)


def _watch_faults(loaded: LoadedConfig, services: Services, relay: BaseRelay,
                  background: bool) -> tuple[FaultFile | None, Callable[[], None]]:
    """The fault file `kiosk status` reads (kiosk run), and the relay's own fault reports:
    its keeper sees a board stop taking commands (and take them again) with no patron, so the
    door is out of order, and back in service, by itself. Also at start-up."""
    fault_file = FaultFile(loaded.data_dir) if background else None
    if fault_file is not None:
        services.faults.subscribe(fault_file)
    return fault_file, report_relay_faults(relay, services.faults)


def _end_checkout_on_fire(links: BuildingLinks, checkout: CheckoutScreen | None) -> None:
    if checkout is not None:
        send = checkout.send.emit  # a fire alarm ends the session (queued to the GUI thread)
        links.end_checkout = lambda: send(Cancelled())


def make_speech(loaded: LoadedConfig) -> Speech | None:
    """espeak-ng as config.toml's [speech] says, or None (off, or the program is missing)."""
    config = loaded.config.speech
    if not config.enabled:
        return None
    speech = EspeakSpeech(config.program, config.player, config.words_per_minute)
    if not speech.available:
        log.warning("speech: %s not found, the Read aloud button is hidden "
                    "(Debian: apt install espeak-ng)", config.program[0])
        return None
    return speech


def _narrator(loaded: LoadedConfig, clock: Clock, speech: Speech | None) -> Narrator:
    from kiosk.ui.speech import Narrator

    return Narrator(speech, clock.monotonic, loaded.config.speech.reset_after.total_seconds())


def _building(loaded: LoadedConfig, services: Services, relay: BaseRelay, clock: Clock,
              work: BackgroundWork | None,
              announcements_to: Path | None) -> tuple[BuildingLinks, Fleet]:
    """The building (outputs switched off, memory read back) and the fleet that reads it."""
    hooks = Hooks(release_door=door_release(relay, services.faults))
    building = build_building(loaded, services, clock, services.access.calendar, hooks,
                              announcements_to)
    try:
        links = BuildingLinks(building, clock)
        fleet = build_fleet(loaded, services, relay, serve=work is not None, work=work,
                            building=building)
    except BaseException:
        building.stop()
        raise
    hooks.counted, hooks.end_checkout = fleet.counted, links.checkout_ends
    fleet.on_calendar = building.set_calendar
    return links, fleet


def _door_monitor(loaded: LoadedConfig, bridge: Bridge,
                  links: BuildingLinks) -> DoorMonitor | None:
    inputs = loaded.config.inputs
    if all(getattr(inputs, name) is None for name in INPUT_NAMES):
        return None
    release = inputs.fire_action == "release"
    post = bridge.post

    def on_fire(on: bool) -> None:
        post(FireAlarm(on, release))

    # Alarms and every input go to the building, which acts, logs and counts them.
    return DoorMonitor(inputs, on_fire=on_fire, on_event=links.door_event,
                       exit_window_s=loaded.config.relay.pulse_seconds)


def card_from_keyboard(loaded: LoadedConfig, raw: str) -> CardRead:
    """A typed read (demo keyboard) through the same parser and patterns as a real reader."""
    from drivers.cardparse import compile_patterns, parse_card

    patterns = [p for r in loaded.config.readers.values() for p in r.card_patterns]
    return parse_card(raw, "keyboard", compile_patterns(patterns) if patterns else ())


__all__ = ["Kiosk", "assemble"]

"""Composition root: config → cache → relay and readers → door controller → Qt window.

`run()` is `kiosk run`; `assemble()` is shared with the demo. The only module that knows the
drivers, the cache and the UI at once. Qt is imported inside functions, so importing this
module (e.g. from the CLI) does not load it.
"""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError

from drivers.relays import BaseRelay
from drivers.types import CardKind, CardRead, CardReader, ReaderStatus, RelayFault
from kiosk.access import AccessService
from kiosk.app_checkout import build_checkout, checkout_event
from kiosk.audit import card_actor, record_audit
from kiosk.background import BackgroundWork
from kiosk.clock import Clock, SystemClock
from kiosk.config import ConfigError, LoadedConfig, load
from kiosk.door import DoorController, DoorSettings
from kiosk.door_monitor import DoorMonitor
from kiosk.flow import CardPresented, FireAlarm
from kiosk.rules import rule_set_version
from kiosk.services import Services, build_services, readers_from_config, relay_from_config
from kiosk.sip2_access import Sip2AccessService
from kiosk.sounds import Sounds
from kiosk.watchdog import Notifier

if TYPE_CHECKING:
    from kiosk.ui.screens.checkout import CheckoutScreen
    from kiosk.ui.techinfo import TechnicianInfo
    from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)
RELAY_TEST_S = 1.0


def technician_pin(loaded: LoadedConfig) -> str | None:
    """The technician PIN from `secrets.technician_pin_file`, or None when not configured."""
    configured = loaded.config.secrets.technician_pin_file
    if configured is None:
        return None
    path = loaded.resolve(configured)
    try:
        pin = path.read_text(encoding="utf-8").strip()
    except OSError as err:
        raise ConfigError([f"{loaded.path.name}: secrets.technician_pin_file: cannot read "
                           f"{str(path)!r}: {err.strerror}"]) from None
    if not (4 <= len(pin) <= 12 and pin.isdigit()):
        raise ConfigError([f"{loaded.path.name}: secrets.technician_pin_file: the file must "
                           "hold 4-12 digits"])
    return pin


def door_settings(loaded: LoadedConfig) -> DoorSettings:
    c = loaded.config
    return DoorSettings(
        pin_length=c.access.pin_length,
        pulse_s=c.relay.pulse_seconds,
        default_language=c.kiosk.language,
        technician_pin=technician_pin(loaded),
    )


@dataclass
class Kiosk:
    """Everything `kiosk run` and `kiosk demo` start, and stop again in `close()`."""

    loaded: LoadedConfig
    overrides: Sequence[str]
    services: Services
    relay: BaseRelay
    controller: DoorController
    window: KioskWindow
    readers: list[CardReader] = field(default_factory=list)
    sync_now: Callable[[Kiosk], str] | None = None
    monitor: DoorMonitor | None = None
    background: BackgroundWork | None = None
    checkout: CheckoutScreen | None = None
    """The self-checkout screen (kiosk.mode "checkout"/"both"): a second window."""

    def start(self) -> None:
        self.window.start()
        post = self.window.bridge.post
        for reader in self.readers:
            role = self.loaded.config.readers[reader.name].role
            if self.checkout is not None and role in ("checkout", "items"):
                reader.start(on_read=self._to_checkout(role), on_status=post)
                continue
            # Reader threads only post; the GUI thread hands on to the controller worker.
            reader.start(on_read=lambda read: post(CardPresented(read)), on_status=post)
        if self.checkout is not None:
            self.checkout.start()
        if self.monitor is not None:
            self.monitor.start()

    def _to_checkout(self, role: str) -> Callable[[CardRead], None]:
        assert self.checkout is not None
        send = self.checkout.send.emit  # a signal: queued onto the GUI thread, then the worker

        def on_read(read: CardRead) -> None:
            event = checkout_event(read, role)
            if event is not None:
                send(event)

        return on_read

    def audit(self, action: str, detail: str = "") -> None:
        read = self.controller.state.read
        actor = card_actor(read.value) if read is not None and read.kind is CardKind.CARD else (
            "screen:corner+pin")
        try:
            record_audit(self.services.sessions, self.services.clock.now(), action, actor, detail)
        except SQLAlchemyError as err:
            log.error("audit entry not written: %s", type(err).__name__)  # noqa: TRY400

    def close(self) -> None:
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
        self.services.close()

    # Technician actions (each is logged by the window)
    def relay_test(self) -> str:
        self.audit("relay_test")
        try:
            self.relay.pulse(RELAY_TEST_S)
        except RelayFault as err:
            self.controller.faults["relay"] = str(err)
            return f"Relay fault: {err}"
        self.controller.faults.pop("relay", None)
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
        self.controller.access = self._access(fresh)
        self.controller.settings = settings
        log.warning("config reloaded from %s", fresh.path)
        return "Rules, calendar and texts reloaded. Restart for readers, relay or database."

    def _access(self, loaded: LoadedConfig) -> AccessService:
        s = self.services
        controller = self.controller
        if s.sip2 is not None:  # central.kind "sip2": keep the live check and learned cache
            return Sip2AccessService(loaded, s.sessions, s.hasher, s.clock,
                                     rule_set_version(loaded.config), s.sip2,
                                     out_of_service=lambda: controller.out_of_service)
        return AccessService(loaded, s.sessions, s.hasher, s.clock,
                             rule_set_version(loaded.config),
                             out_of_service=lambda: controller.out_of_service)

    def technician_info(self, readers: dict[str, ReaderStatus]) -> TechnicianInfo:
        from kiosk.ui.techinfo import RelayView, gather

        driver = f"{self.loaded.config.relay.driver} ({self.relay.name})"
        relay = RelayView(driver, self.relay.is_on, self.relay.fault)
        return gather(self.controller.access, self.services.clock, self.loaded.database_url,
                      readers, relay, self.controller.faults)


def sync_once(kiosk: Kiosk) -> str:
    """The technician screen's "sync now": wakes the background worker, never blocks the GUI."""
    kiosk.audit("sync_now")
    if kiosk.sync_now is not None:
        return kiosk.sync_now(kiosk)
    if kiosk.loaded.config.central.kind == "none":
        return 'No central system configured (central.kind = "none").'
    if kiosk.background is None:
        return "Background work is not running."
    kiosk.background.sync_now()
    return "Sync started; see last sync above in a moment."


def start_background_work(kiosk: Kiosk) -> None:
    """Start the sync (delta on the interval, full daily), outbox and nightly purge thread."""
    kiosk.background = BackgroundWork(kiosk.loaded, kiosk.services)
    kiosk.background.start()
    log.info("background work started: central.kind=%s", kiosk.loaded.config.central.kind)


def assemble(
    loaded: LoadedConfig,
    services: Services,
    relay: BaseRelay,
    clock: Clock,
    readers: Sequence[CardReader] = (),
    overrides: Sequence[str] = (),
    shuffle_pin: bool = False,
) -> Kiosk:
    """Wire a controller and a window around already-built services and relay (no start)."""
    from kiosk.ui.ambient import AmbientSource
    from kiosk.ui.door_runner import TechnicianActions
    from kiosk.ui.window import KioskWindow

    sounds = Sounds(loaded.config.kiosk.sound_command, loaded.data_dir / "sounds")
    controller = DoorController(services.access, relay, clock, door_settings(loaded),
                                on_beep=sounds.play)
    services.access.out_of_service = lambda: controller.out_of_service
    if relay.fault is not None:
        controller.faults["relay"] = relay.fault  # could not even switch off at start-up
    ambient = AmbientSource(lambda: controller.access, clock, lambda: controller.faults)
    holder: list[Kiosk] = []
    actions = TechnicianActions(
        info=lambda r: holder[0].technician_info(dict(r)),
        sync_now=lambda: sync_once(holder[0]),
        relay_test=lambda: holder[0].relay_test(),
        reload_config=lambda: holder[0].reload_config(),
        opened=lambda: holder[0].audit("technician_screen"),
    )
    window = KioskWindow(controller, ambient, actions, shuffle_pin=shuffle_pin)
    kiosk = Kiosk(loaded, overrides, services, relay, controller, window, list(readers))
    kiosk.checkout = build_checkout(loaded, services, clock, window.worker)
    holder.append(kiosk)
    inputs = loaded.config.inputs
    if inputs.door_contact is not None or inputs.fire_alarm is not None:
        release = inputs.fire_action == "release"
        post = window.bridge.post
        kiosk.monitor = DoorMonitor(
            inputs, on_fire=lambda on: post(FireAlarm(on, release)), on_alarm=lambda _e: None
        )
        controller.on_pulse = kiosk.monitor.granted
    return kiosk


def run(loaded: LoadedConfig) -> int:
    """`kiosk run`: full screen, no decorations, readers and relay from the config."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QWidget

    relay = relay_from_config(loaded.config.relay)  # switched off before anything else
    try:
        services = build_services(loaded, SystemClock())
    except BaseException:
        relay.close()
        raise
    app = QApplication.instance() or QApplication(sys.argv[:1])
    try:
        kiosk = assemble(loaded, services, relay, services.clock,
                         readers_from_config(loaded.config.readers))
    except BaseException:
        relay.close()
        services.close()
        raise
    try:
        shown: list[QWidget] = [kiosk.window] if loaded.config.kiosk.mode != "checkout" else []
        if kiosk.checkout is not None:
            shown.append(kiosk.checkout)  # "both": a second screen beside the door's
        for window in shown or [kiosk.window]:
            window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
            window.showFullScreen()
        if loaded.config.kiosk.hide_pointer:
            QApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
        kiosk.start()
        start_background_work(kiosk)
        with quit_on_signals() as received, systemd_watchdog():
            code = int(app.exec())
        # Stopped by a signal: say so in the exit status (128 + signal, as a shell would), so a
        # supervisor tells a requested stop from a clean exit (reliability.md #3).
        return 128 + received[0] if received else code
    finally:
        kiosk.close()  # relay off on every way out


@contextmanager
def systemd_watchdog() -> Iterator[None]:
    """READY=1 now, WATCHDOG=1 from the GUI event loop: a frozen loop stops the pings."""
    from PySide6.QtCore import QTimer

    notifier = Notifier()
    notifier.ready()
    timer = QTimer()
    every = notifier.ping_every_s
    if every is not None:
        timer.timeout.connect(notifier.ping)
        timer.start(int(every * 1000))
    try:
        yield
    finally:
        timer.stop()
        notifier.stopping()


@contextmanager
def quit_on_signals() -> Iterator[list[int]]:
    """SIGTERM/SIGINT end the Qt loop normally, so every `finally` (relay off) runs. Yields
    the list the signals received are appended to."""
    from PySide6.QtCore import QCoreApplication, QTimer

    received: list[int] = []

    def quit_now(signum: int, _frame: object) -> None:
        received.append(signum)
        QCoreApplication.quit()

    previous = {s: signal.signal(s, quit_now) for s in (signal.SIGTERM, signal.SIGINT)}
    # Python runs signal handlers only between bytecodes: wake the interpreter now and then.
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(500)
    try:
        yield received
    finally:
        wake.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def card_from_keyboard(loaded: LoadedConfig, raw: str) -> CardRead:
    """A typed read (demo keyboard) through the same parser and patterns as a real reader."""
    from drivers.cardparse import compile_patterns, parse_card

    patterns = [p for r in loaded.config.readers.values() for p in r.card_patterns]
    return parse_card(raw, "keyboard", compile_patterns(patterns) if patterns else ())


__all__ = ["Kiosk", "assemble", "run", "start_background_work", "sync_once"]

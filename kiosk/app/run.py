"""`kiosk run`: the assembled kiosk full screen, with signals and the systemd watchdog.

The relay comes from the verb's RelaySession (kiosk/cli/relay_session.py): it was switched
off before the config was validated, its owner lock is held, and SIGTERM/SIGINT/SIGHUP switch
it off from a watcher thread the moment they arrive. Here a signal also ends the Qt loop, and
every way out switches the relay off *before* anything is joined (the background jobs, the
door worker and the readers may take seconds to stop). Qt is imported inside functions, so
importing this module does not load it.
"""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Callable

from drivers.relays import BaseRelay
from kiosk.app.assemble import Kiosk, assemble
from kiosk.app.display import show_full_screen
from kiosk.app.loop import quit_on_signals, systemd_watchdog
from kiosk.app.startup import services_or_wait
from kiosk.cache.integrity import Verdict
from kiosk.cli.relay_session import RelaySession
from kiosk.clock import Clock, SystemClock
from kiosk.config import LoadedConfig
from kiosk.privacy.audit import record_audit
from kiosk.services import Services, build_services, readers_from_config, relay_from_config
from kiosk.system.heap import freeze_startup_heap

log = logging.getLogger(__name__)


def run(
    loaded: LoadedConfig,
    session: RelaySession | None = None,
    clock: Clock | None = None,
    background: bool = True,
    on_started: Callable[[Kiosk], None] | None = None,
    checked: Verdict | None = None,
) -> int:
    """`kiosk run`: full screen, no decorations, readers and relay from the config.

    `session`: the verb's hold on the relay (kiosk/cli/main.py); without one (the benchmark)
    the relay is built here and a guard installed for the loop. `clock`, `background` and
    `on_started` are for the benchmark (bench/kiosk_child.py). `checked`: the cache's
    start-up check, begun before this module was imported (kiosk/cache/integrity.py).
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QWidget

    # Off before anything else (with a session: already before the config was validated).
    relay: BaseRelay = (session.configured(loaded) if session is not None
                        else relay_from_config(loaded.config.relay))
    guard = session.guard if session is not None else None
    app = QApplication.instance() or QApplication(sys.argv[:1])
    try:
        # A cache or key it cannot use: out of order on screen until it can (never a loop).
        early = [checked] if checked is not None else []

        def build() -> Services:  # the early verdict serves the first try only
            return build_services(loaded, clock or SystemClock(),
                                  checked=early.pop() if early else None)

        started = services_or_wait(build, guard)
    except BaseException:
        relay.close()
        raise
    if isinstance(started, int):
        relay.close()
        return started  # stopped by a signal while out of order
    services = started
    off = "off" if relay.fault is None else f"OFF not taken ({relay.fault})"
    _audit(services, "kiosk_start", f"relay {loaded.config.relay.driver}: {off}")
    try:
        kiosk = assemble(loaded, services, relay, services.clock,
                         readers_from_config(loaded.config.readers), background=background)
    except BaseException:
        relay.close()
        services.close()
        raise
    how = "error"  # replaced when the loop ends normally or by a signal
    try:
        shown: list[QWidget] = [kiosk.window] if loaded.config.kiosk.mode != "checkout" else []
        if kiosk.checkout is not None:
            shown.append(kiosk.checkout)  # "both": a second screen beside the door's
        show_full_screen(shown or [kiosk.window])  # also without a window manager
        if loaded.config.kiosk.hide_pointer:
            QApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
        kiosk.start()
        freeze_startup_heap()  # full GC passes over it stalled the door during a sync
        if on_started is not None:
            on_started(kiosk)
        with quit_on_signals(guard) as received, systemd_watchdog():
            code = int(app.exec())
        # Stopped by a signal: say so in the exit status (128 + signal, as a shell would), so a
        # supervisor tells a requested stop from a clean exit (reliability.md #3).
        how = f"signal {signal.Signals(received[0]).name}" if received else f"exit {code}"
        return 128 + received[0] if received else code
    finally:
        relay.close()  # OFF first: the joins in kiosk.close() take up to 5 + 2 + 5 s
        state = "off" if relay.fault is None else f"OFF not taken ({relay.fault})"
        # STOP after the joins, so it is the trail's last entry of this run (a technician card
        # read just before the signal is audited by the door worker, which may finish later).
        kiosk.close(stopped=lambda: _audit(services, "kiosk_stop", f"{how}; relay {state}"))


def _audit(services: Services, action: str, detail: str) -> None:
    """START/STOP in the technician audit trail (reliability.md #1); never stops the kiosk."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        record_audit(services.sessions, services.clock.now(), action, "system", detail)
    except SQLAlchemyError as err:
        log.error("audit %s not written: %s", action, type(err).__name__)  # noqa: TRY400

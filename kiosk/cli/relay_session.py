"""A command-line verb's hold on the door relay: the owner lock, OFF first, signals, release.

`kiosk run`, `kiosk attempt` and `kiosk relay-test` take a RelaySession before the config is
even validated (kiosk/cli/main.py): the lock in data_dir (a second process switches nothing
and says who owns the relay), the signal guard (SIGTERM/SIGINT/SIGHUP switch OFF at once,
then leave through every `finally`), and for `kiosk run` an OFF with the last relay settings
that worked, so a refused config after a SIGKILL mid-pulse still leaves the door locked.
Light imports only (drivers/, kiosk.system.relay_owner): this runs before the rest loads.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from drivers.relays import BaseRelay
from drivers.relays.shutdown import SignalGuard, exit_by
from kiosk.system.relay_owner import (
    LOCK_NAME,
    RelayLock,
    build_relay,
    find_data_dir,
    recall_relay,
    remember_relay,
)

if TYPE_CHECKING:
    from kiosk.config import LoadedConfig

log = logging.getLogger(__name__)


class _NoRelay:
    """Guarded until a relay exists: nothing to switch off yet."""

    def close(self) -> None:
        return None


class RelaySession:
    """Owns the relay for one verb; `close()` switches off, uninstalls, releases the lock."""

    def __init__(self, data_dir: Path, lock: RelayLock, guard: SignalGuard) -> None:
        self.data_dir = data_dir
        self.lock = lock
        self.guard = guard
        self.relay: BaseRelay | None = None
        self._settings: dict[str, Any] | None = None

    @classmethod
    def take(cls, config_path: Path, overrides: Sequence[str], verb: str) -> Self:
        """Lock (RelayBusy if another process owns the relay), then guard the signals."""
        data_dir = find_data_dir(config_path, overrides)
        lock = RelayLock(data_dir / LOCK_NAME)
        lock.acquire(verb)
        try:
            guard = SignalGuard(_NoRelay(), then=exit_by)
        except BaseException:
            lock.release()
            raise
        return cls(data_dir, lock, guard)

    def switch_off_remembered(self) -> None:
        """OFF with the last relay settings that worked, before the config is validated."""
        settings = recall_relay(self.data_dir)
        if settings is None:
            log.info("no relay settings kept in %s yet; OFF follows with the config's",
                     self.data_dir)
            return
        try:
            relay = build_relay(settings)
        except ValueError as err:
            log.warning("kept relay settings unusable: %s", err)
            return
        self._use(relay, settings)
        if relay.fault is not None:
            log.error("start-up OFF with the last relay settings not taken: %s", relay.fault)

    def configured(self, loaded: LoadedConfig) -> BaseRelay:
        """The relay of the validated config (the start-up one if the settings are the same)."""
        settings = loaded.config.relay.model_dump(mode="json")
        if self.relay is None or settings != self._settings:
            if self.relay is not None:
                self.relay.close()
            self._use(build_relay(settings), settings)
        assert self.relay is not None
        if self.relay.fault is None:  # the board took the OFF: these settings work
            remember_relay(loaded.data_dir, settings)
        return self.relay

    def close(self) -> None:
        try:
            if self.relay is not None:
                self.relay.close()
        finally:
            self.guard.uninstall()
            self.lock.release()

    def _use(self, relay: BaseRelay, settings: dict[str, Any]) -> None:
        self.relay, self._settings = relay, settings
        self.guard.watch(relay)

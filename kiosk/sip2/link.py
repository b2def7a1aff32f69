"""SIP2 clients built from `[central.sip2]`, and a live link that fails fast and stays quiet.

`LiveLink` wraps a Sip2Client for the patron-facing paths (door, checkout screen): after a
failure it answers "offline" at once for `retry_after_s` instead of making every patron wait
for a timeout, and it logs the failure once and the recovery once (STYLE.md E13). No Qt.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Final, TypeVar, cast

from kiosk.clock import Clock
from kiosk.config import LoadedConfig
from sync.sip2 import Sip2Client, Sip2Error, Sip2LinkError

log = logging.getLogger(__name__)
T = TypeVar("T")

DOOR_TIMEOUT_S: Final = 2.0
"""The door never waits longer than this for one SIP2 answer; then the cache decides."""


def sip2_password(loaded: LoadedConfig) -> str:
    section = loaded.config.central.sip2
    if section.password_file is None:
        return ""
    return loaded.resolve(section.password_file).read_text(encoding="utf-8").strip()


def sip2_client(
    loaded: LoadedConfig, *, timeout_s: float | None = None, retries: int | None = None,
    clock: Clock | None = None,
) -> Sip2Client:
    """A client for `[central.sip2]`; `timeout_s` caps the configured per-answer timeout."""
    section = loaded.config.central.sip2
    configured = section.timeout.total_seconds()
    return Sip2Client(
        section.host, section.port, section.user, sip2_password(loaded), section.institution,
        location=section.location, encoding=section.encoding,
        error_detection=section.error_detection,
        timeout_s=min(configured, timeout_s) if timeout_s else configured,
        retries=3 if retries is None else retries, use_tls=section.tls,
        ca_file=str(loaded.resolve(loaded.config.central.ca_file))
        if loaded.config.central.ca_file else None,
        reconnect_delay_s=0.0 if retries == 0 else 0.5,
        clock=clock.now if clock is not None else None,
    )


class LiveLink:
    """Runs calls on a Sip2Client; None instead of an exception when the ACS is unreachable."""

    def __init__(
        self, client: Sip2Client, clock: Clock, retry_after: timedelta = timedelta(seconds=30),
        name: str = "SIP2", deadline_s: float | None = None,
    ) -> None:
        self.client = client
        self.deadline_s = deadline_s
        """Hard limit for a whole call (reconnect and login included); None = the client's."""
        self._clock = clock
        self._retry_after = retry_after.total_seconds()
        self._down_until: float | None = None
        self._name = name
        self.last_error: str | None = None

    @property
    def online(self) -> bool:
        return self.last_error is None

    def call(self, work: Callable[[Sip2Client], T]) -> T | None:
        now = self._clock.monotonic()
        if self._down_until is not None and now < self._down_until:
            return None
        try:
            result = self._run(work)
        except Sip2Error as err:
            if self.last_error is None:
                log.warning("%s: library system unreachable (%s); using the cache",
                            self._name, type(err).__name__)
            self.last_error = type(err).__name__
            self._down_until = self._clock.monotonic() + self._retry_after
            return None
        if self.last_error is not None:
            log.info("%s: library system reachable again", self._name)
        self.last_error = None
        self._down_until = None
        return result

    def _run(self, work: Callable[[Sip2Client], T]) -> T:
        if self.deadline_s is None:
            return work(self.client)
        box: list[tuple[bool, object]] = []

        def run() -> None:
            try:
                box.append((True, work(self.client)))
            except Exception as err:  # noqa: BLE001 - handed over to the caller's thread
                box.append((False, err))

        worker = threading.Thread(target=run, name="sip2-live-call", daemon=True)
        worker.start()
        worker.join(self.deadline_s)
        if not box:  # still waiting: the patron does not (the client's timeout ends it)
            raise Sip2LinkError(f"no answer within {self.deadline_s:g} s")
        ok, value = box[0]
        if not ok:
            assert isinstance(value, Exception)
            raise value
        return cast(T, value)

    def reset(self) -> None:
        """Try the ACS again at the next call (after a technician fixed something)."""
        self._down_until = None

    def close(self) -> None:
        self.client.close()

"""Gathers the `Ambient` picture (mode, hours, next opening, cache age, faults). No Qt.

The cache age is a database read, so it is refreshed at most every `refresh_s` seconds of
monotonic time and whenever `invalidate()` is called (after a sync, back at idle).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta

from kiosk.access import AccessService
from kiosk.clock import Clock
from kiosk.schedule import Mode
from kiosk.ui.view import Ambient


class AmbientSource:
    refresh_s: float = 30.0

    def __init__(
        self,
        access: Callable[[], AccessService],
        clock: Clock,
        faults: Callable[[], Mapping[str, str]],
    ) -> None:
        self._access = access
        self._clock = clock
        self._faults = faults
        self._age: timedelta | None = None
        self._age_read_at: float | None = None

    def invalidate(self) -> None:
        self._age_read_at = None

    def snapshot(self) -> Ambient:
        access = self._access()
        config = access.config
        now = self._clock.now()
        mono = self._clock.monotonic()
        if self._age_read_at is None or mono - self._age_read_at >= self.refresh_s:
            with access.sessions() as session:
                self._age = access.cache_age(session, now)
            self._age_read_at = mono
        age = self._age
        central = config.central
        online_expected = central.kind != "none"
        overdue = age is None or age > central.sync_interval * 2
        # Same test as AccessService._stale: the screen says so before anybody tries.
        stale_deny = (
            online_expected
            and central.stale_policy == "deny_all"
            and (age is None or age > central.max_cache_age)
        )
        mode = access.mode_at(now)
        local_day = now.astimezone(access.calendar.tz).date()
        return Ambient(
            branch=config.kiosk.branch,
            now=now,
            mode=mode,
            today=access.calendar.rules_for(local_day),
            next_opening=access.calendar.next_opening(now) if mode is Mode.CLOSED else None,
            cache_age=age,
            offline=online_expected and overdue,
            stale_deny=stale_deny,
            faults=dict(self._faults()),
        )

"""A relay with no hardware: remembers its state and logs, for the demo and a screen-only site."""

from __future__ import annotations

import logging

from drivers.relays.base import BaseRelay

log = logging.getLogger(__name__)


class NullRelay(BaseRelay):
    def __init__(self, name: str = "null", probe_s: float | None = None) -> None:
        super().__init__(name, probe_s)
        self._start()

    def _send(self, on: bool) -> None:
        log.debug("null relay %s %s", self.name, "on" if on else "off")

"""A relay on a GPIO line through libgpiod v2 (reference/protocols.md §F).

The line request stays open for the life of the object (output state is only guaranteed
while it is), and the line is set INACTIVE before release. `gpiod` is imported only when the
relay is built; tests pass a fake module with the same names. Nothing from kiosk/ or sync/.
"""

from __future__ import annotations

import logging
from typing import Any

from drivers.relays.base import DEFAULT_PROBE_S, BaseRelay
from drivers.types import RelayFault

log = logging.getLogger(__name__)


def import_gpiod() -> Any:
    try:
        import gpiod
    except ImportError as err:
        raise RelayFault("GPIO relay needs the libgpiod v2 Python binding (package gpiod)") from err
    return gpiod


def line_key(line: int | str) -> int | str:
    """Offsets may arrive as text from a config file; names stay names."""
    if isinstance(line, str) and line.strip().isdigit():
        return int(line)
    return line


class GpioRelay(BaseRelay):
    """`line` is an offset or a line name on `chip`; `active_low` for boards that switch on 0."""

    def __init__(
        self,
        line: int | str,
        chip: str = "/dev/gpiochip0",
        active_low: bool = False,
        consumer: str = "kiosk-door",
        name: str = "gpio",
        gpiod_module: Any = None,
        probe_s: float | None = DEFAULT_PROBE_S,
    ) -> None:
        super().__init__(name, probe_s)
        self.chip = chip
        self.line = line_key(line)
        gpiod = gpiod_module if gpiod_module is not None else import_gpiod()
        self._value = gpiod.line.Value
        settings = gpiod.LineSettings(
            direction=gpiod.line.Direction.OUTPUT,
            output_value=self._value.INACTIVE,
            active_low=active_low,
        )
        try:
            self._request: Any = gpiod.request_lines(
                chip, consumer=consumer, config={self.line: settings}
            )
        except (OSError, ValueError) as err:
            raise RelayFault(f"cannot request GPIO line {self.line!r} on {chip}: {err}") from err
        self._start()

    def _send(self, on: bool) -> None:
        value = self._value.ACTIVE if on else self._value.INACTIVE
        try:
            self._request.set_value(self.line, value)
        except (OSError, ValueError, RuntimeError) as err:
            raise RelayFault(f"GPIO {self.chip} line {self.line!r}: {err}") from err

    def _release(self) -> None:
        try:
            self._request.release()
        except (OSError, ValueError, RuntimeError) as err:
            log.debug("releasing GPIO line %r: %s", self.line, err)

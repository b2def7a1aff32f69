"""Door relays: one module per board, chosen by the config's `driver` string.

`make_relay("lcus", port="/dev/serial/by-id/...", channel=1)`; the parameters are each
driver's constructor arguments. Nothing from kiosk/ or sync/.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final

from drivers.relays.base import BaseRelay
from drivers.relays.command import CommandRelay
from drivers.relays.gpio import GpioRelay
from drivers.relays.kmtronic import KmtronicRelay
from drivers.relays.lcus import LcusRelay
from drivers.relays.null import NullRelay
from drivers.relays.numato import NumatoRelay
from drivers.relays.shutdown import switch_off_on_exit

RELAYS: Final[Mapping[str, Callable[..., BaseRelay]]] = MappingProxyType(
    {
        "lcus": LcusRelay,
        "kmtronic": KmtronicRelay,
        "numato": NumatoRelay,
        "gpio": GpioRelay,
        "command": CommandRelay,
        "null": NullRelay,
    }
)


def make_relay(driver: str, **params: Any) -> BaseRelay:
    """Build the relay for `driver`; ValueError names an unknown driver or a bad parameter.

    The relay is switched off before this returns (or shows why not in `.fault`).
    """
    try:
        factory = RELAYS[driver]
    except KeyError:
        raise ValueError(f"unknown relay driver {driver!r}; known: {sorted(RELAYS)}") from None
    try:
        return factory(**params)
    except TypeError as err:
        raise ValueError(f"relay driver {driver!r}: {err}") from err


__all__ = [
    "RELAYS",
    "BaseRelay",
    "CommandRelay",
    "GpioRelay",
    "KmtronicRelay",
    "LcusRelay",
    "NullRelay",
    "NumatoRelay",
    "make_relay",
    "switch_off_on_exit",
]

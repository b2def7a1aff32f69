"""The named outputs ([outputs.<name>]) on the door relay's own classes (drivers/relays), so
each has the relay's safety: off when built (a board keeps its last state through a crash),
off when closed and on every exit path, a fault when a command is not taken.

An output's *logical* value goes through its wiring: "normally_closed" means on while the
relay is released, so lights wired that way stay on when the kiosk is stopped. Several
outputs may share a board with the door relay: drivers/relays/serialboard.py opens its port
once for all of them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping

from drivers.relays import BaseRelay, make_relay
from drivers.types import RelayFault
from kiosk.config.building import OutputSection

log = logging.getLogger(__name__)


def output_part(name: str) -> str:
    """The fault owner's part for an output: "output lights"."""
    return f"output {name}"


class Output:
    """One named output: `set(on)` switches through the wiring; `close()` releases (off)."""

    def __init__(self, name: str, relay: BaseRelay | None, normally_closed: bool = False,
                 broken: str | None = None) -> None:
        self.name = name
        self.relay = relay
        self.normally_closed = normally_closed
        self._broken = broken
        """Why the relay could not even be built (a GPIO line taken by another program)."""

    @property
    def is_on(self) -> bool | None:
        """The logical value the board last took; None when there is no board."""
        if self.relay is None:
            return None
        return self.relay.is_on != self.normally_closed

    @property
    def fault(self) -> str | None:
        if self.relay is None:
            return self._broken
        return self.relay.fault

    def set(self, on: bool) -> None:
        """Switch; RelayFault when the board did not take it (or there is none)."""
        if self.relay is None:
            raise RelayFault(self._broken or f"output {self.name} has no relay")
        energise = on != self.normally_closed
        if energise:
            self.relay.on()
        else:
            self.relay.off()

    def close(self) -> None:
        if self.relay is not None:
            self.relay.close()


def build_output(name: str, section: OutputSection) -> Output:
    """The output, its relay switched off (released) already; a relay that cannot be built is
    an output with a fault, not a kiosk that will not start."""
    nc = section.wiring == "normally_closed"
    try:
        relay = _relay(name, section)
    except (RelayFault, ValueError) as err:
        log.error("output %s: %s", name, err)  # noqa: TRY400 - one line, no traceback
        return Output(name, None, nc, broken=str(err))
    return Output(name, relay, nc)


def _relay(name: str, s: OutputSection) -> BaseRelay:
    label = f"output:{name}"
    match s.driver:
        case "lcus" | "kmtronic":
            return make_relay(s.driver, port=s.port, channel=s.channel, name=label)
        case "numato":
            # 1-based for technicians, as relay.channel; Numato numbers its relays from 0.
            return make_relay("numato", port=s.port, channel=s.channel - 1, name=label)
        case "gpio":
            return make_relay("gpio", line=s.gpio_line, chip=s.gpio_chip,
                              active_low=s.active_low, consumer=f"kiosk-{name}", name=label)
        case "command":
            return make_relay("command", argv=list(s.command), name=label)
        case _:
            return make_relay("null", name=label)


class Outputs(Mapping[str, Output]):
    """All outputs by name, built in config order and closed together."""

    def __init__(self, outputs: Mapping[str, Output]) -> None:
        self._outputs = dict(outputs)

    @classmethod
    def from_config(cls, sections: Mapping[str, OutputSection]) -> Outputs:
        built: dict[str, Output] = {}
        try:
            for name, section in sections.items():
                built[name] = build_output(name, section)
        except BaseException:
            for output in built.values():
                output.close()
            raise
        return cls(built)

    def __getitem__(self, name: str) -> Output:
        return self._outputs[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._outputs)

    def __len__(self) -> int:
        return len(self._outputs)

    def close(self) -> None:
        """Every output off (released); never raises for a board that does not answer."""
        for output in self._outputs.values():
            try:
                output.close()
            except Exception:
                log.exception("closing output %s", output.name)

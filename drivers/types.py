"""Value types and roles shared by every driver: CardRead, ReaderState, DoorEvent, Relay.

No I/O here; nothing from kiosk/ or sync/.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol


class CardKind(StrEnum):
    """What a raw read turned out to be (CONTRACT.md `kiosk devices --watch`)."""

    CPR = "cpr"
    CARD = "card"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class CardRead:
    """One complete read from a reader.

    `value` is the normalised credential (10-digit CPR or card number); it is kept out of
    repr() so a CardRead that ends up in a log line or a traceback never shows it.
    """

    reader: str
    kind: CardKind
    value: str = field(repr=False)
    masked: str
    count: int = 1
    """Reads this one stands for: unreadable reads in a burst arrive as one, with their count
    (drivers/delivery.py); log it as one `unreadable_card` row with the count."""


class ReaderState(StrEnum):
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class ReaderStatus:
    reader: str
    state: ReaderState
    detail: str = ""


class DoorEventKind(StrEnum):
    OPENED = "opened"
    CLOSED = "closed"
    HELD_OPEN = "held_open"
    HELD_OPEN_CLEARED = "held_open_cleared"
    FORCED_OPEN = "forced_open"
    FIRE_ALARM_ON = "fire_alarm_on"
    FIRE_ALARM_OFF = "fire_alarm_off"
    EXIT_REQUESTED = "exit_requested"
    """The request-to-exit button (or PIR) inside was pressed."""
    PERSON_IN = "person_in"
    """A people counter's pulse: one person in."""
    PERSON_OUT = "person_out"


@dataclass(frozen=True, slots=True)
class DoorEvent:
    kind: DoorEventKind
    at: float
    """Monotonic seconds."""


OnRead = Callable[[CardRead], None]
OnStatus = Callable[[ReaderStatus], None]


class CardReader(Protocol):
    """A reader runs on its own thread and calls back for every read and state change."""

    name: str

    def start(self, on_read: OnRead, on_status: OnStatus) -> None: ...

    def stop(self) -> None: ...


class RelayFault(Exception):
    """The relay did not take a command (unplugged, no answer, wrong reply)."""


@dataclass(frozen=True, slots=True)
class DeviceFault:
    """A device that does not do what it is told, for the fault list (CONTRACT.md `faults`)."""

    part: str
    """What is faulty: "relay"."""
    message: str
    """The latest reason, one line, for a technician."""
    since: float
    """Monotonic seconds when the fault began (the kiosk turns it into wall time)."""


OnFault = Callable[[DeviceFault | None], None]
"""Told of a fault when it starts (the fault) and when it clears (None)."""


class Relay(Protocol):
    """A door strike relay. `off()` must be safe to call at any time, any number of times."""

    def on(self) -> None: ...

    def off(self) -> None: ...

    def pulse(self, seconds: float) -> None:
        """Switch on now and off after `seconds`; a pulse while one runs extends it."""
        ...

    def close(self) -> None:
        """Switch off and release the device."""
        ...


class MonitoredRelay(Relay, Protocol):
    """A relay that also tells what it believes: the status screen and `kiosk relay-test`."""

    @property
    def is_on(self) -> bool:
        """The last state the board accepted."""
        ...

    @property
    def fault(self) -> str | None:
        """Why the last command failed, or None once a command succeeds again."""
        ...

    @property
    def fault_state(self) -> DeviceFault | None:
        """The same as a typed fault with its start, or None."""
        ...

    def add_fault_listener(self, listener: OnFault) -> Callable[[], None]:
        """Hear of each fault start (the fault) and end (None); returns the remover."""
        ...

"""What the verbs share in reading their arguments: times, the card, the PIN."""

from __future__ import annotations

from datetime import datetime

from drivers.cardparse import compile_patterns, parse_card
from drivers.types import CardRead
from kiosk.access.credentials import pin_well_formed
from kiosk.cli.errors import UsageError
from kiosk.clock import FixedClock, SystemClock, parse_instant
from kiosk.config import LoadedConfig


def instant(text: str | None, option: str) -> datetime | None:
    if text is None:
        return None
    try:
        return parse_instant(text)
    except ValueError:
        raise UsageError(f"{option}: not an ISO 8601 time: {text!r}") from None


def clock_at(at: datetime | None) -> FixedClock | SystemClock:
    return FixedClock(at) if at is not None else SystemClock()


def card_read(loaded: LoadedConfig, raw: str, reader: str = "cli") -> CardRead:
    patterns = [p for r in loaded.config.readers.values() for p in r.card_patterns]
    return parse_card(raw, reader, compile_patterns(patterns) if patterns else ())


def checked_pin(pin: str | None, loaded: LoadedConfig) -> str | None:
    """The --pin as given, if it is exactly access.pin_length ASCII digits (what the PIN pad
    can send); anything else is a usage error, never a guess at what was meant."""
    length = loaded.config.access.pin_length
    if pin is None or pin_well_formed(pin, length):
        return pin
    raise UsageError(f"--pin: expected exactly {length} digits 0-9 (access.pin_length)")

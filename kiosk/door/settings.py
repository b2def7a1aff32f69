"""The door's settings from the config: PIN length, pulse, language, the technician PIN file."""

from __future__ import annotations

from kiosk.config import ConfigError, LoadedConfig
from kiosk.door.flow import DoorSettings


def technician_pin(loaded: LoadedConfig) -> str | None:
    """The technician PIN from `secrets.technician_pin_file`, or None when not configured."""
    configured = loaded.config.secrets.technician_pin_file
    if configured is None:
        return None
    path = loaded.resolve(configured)
    try:
        pin = path.read_text(encoding="utf-8").strip()
    except OSError as err:
        raise ConfigError([f"{loaded.path.name}: secrets.technician_pin_file: cannot read "
                           f"{str(path)!r}: {err.strerror}"]) from None
    if not (4 <= len(pin) <= 12 and pin.isdigit()):
        raise ConfigError([f"{loaded.path.name}: secrets.technician_pin_file: the file must "
                           "hold 4-12 digits"])
    return pin


def door_settings(loaded: LoadedConfig) -> DoorSettings:
    c = loaded.config
    return DoorSettings(
        pin_length=c.access.pin_length,
        pin_timeout_s=c.timeouts.pin.total_seconds(),
        result_s=c.timeouts.door_denied.total_seconds(),
        pulse_s=c.relay.pulse_seconds,
        default_language=c.kiosk.language,
        technician_s=c.timeouts.technician.total_seconds(),
        technician_pin=technician_pin(loaded),
    )

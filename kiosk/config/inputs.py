"""The door's inputs in config.toml ([inputs]): door contact, fire alarm, request to exit and a
people counter, each a serial port's modem line or a GPIO line (docs/hardware.md)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class InputSection(_Section):
    source: Literal["serial_modem", "gpio"]
    port: str | None = None
    line: Literal["cts", "dsr", "cd", "ri"] | int | str = "cts"
    """Modem status line (serial_modem) or GPIO line offset/name (gpio)."""
    gpio_chip: str = "/dev/gpiochip0"
    active_low: bool = False


class InputsSection(_Section):
    door_contact: InputSection | None = None
    fire_alarm: InputSection | None = None
    held_open_seconds: float = Field(15.0, gt=0, le=600)
    """Door open this long after the unlock window raises the held-open alarm."""
    fire_action: Literal["release", "ignore"] = "release"
    """On fire alarm: hold the door unlocked until the alarm clears, or only log it."""
    exit_button: InputSection | None = None
    """Request to exit (a button or PIR inside): opens the door without a card, counts one out."""
    people_in: InputSection | None = None
    """A people counter's "in" contact: one pulse per person (occupancy.entries = "counter")."""
    people_out: InputSection | None = None
    """A people counter's "out" contact (occupancy.exits = "counter")."""

"""config.toml sections for the building after hours: [outputs.<name>], [[calendar.actions]],
[alarms], [announcements.<name>], [sound] and [occupancy]; and the checks across sections
(an action naming an output that does not exist, two outputs on one relay channel). Only
pydantic and the standard library.
"""

from __future__ import annotations

import re
from datetime import time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Final, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    field_validator,
    model_validator,
)

from kiosk.config.types import MAX_DURATION, Duration, parse_duration

if TYPE_CHECKING:
    from kiosk.config.models import KioskConfig

ModeName = Literal["staffed", "self_service", "closed"]
Switch = Literal["on", "off"]
NAME: Final = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
_OFFSET: Final = re.compile(r"^\s*([+-])?\s*(.+)$")
_CLOCK: Final = re.compile(r"^(\d{1,2}):(\d{2})$")


def parse_offset(value: object) -> timedelta:
    """"-15m", "+5m", "0m", "-1h" (or seconds as a number) -> a signed timedelta."""
    if isinstance(value, timedelta):
        return value
    magnitude: object
    if isinstance(value, int | float) and not isinstance(value, bool):
        sign, magnitude = (-1 if value < 0 else 1), abs(value)
    elif isinstance(value, str) and (m := _OFFSET.match(value)):
        sign, magnitude = (-1 if m.group(1) == "-" else 1), m.group(2)
    else:
        raise ValueError('expected an offset like "-15m" (before the change) or "+5m" (after)')
    try:
        return sign * parse_duration(magnitude)
    except ValueError:
        raise ValueError('expected an offset like "-15m" (before the change) or "+5m" '
                         "(after)") from None


def _show_offset(value: timedelta) -> str:
    seconds = int(value.total_seconds())
    return f"{'-' if seconds < 0 else '+'}{abs(seconds)}s"


Offset = Annotated[
    timedelta, BeforeValidator(parse_offset), PlainSerializer(_show_offset, return_type=str)
]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class OutputSection(_Section):
    """One named output besides the door strike: a relay channel, a GPIO line or a command."""

    driver: Literal["lcus", "kmtronic", "numato", "gpio", "command", "null"] = "null"
    port: str | None = None
    """Serial relay board (lcus, kmtronic, numato). The door relay's board may be shared:
    give the same port and another channel."""
    channel: int = Field(1, ge=1, le=32)
    """Relay channel on the board, 1-based."""
    gpio_chip: str = "/dev/gpiochip0"
    gpio_line: int | str = 17
    active_low: bool = False
    command: tuple[str, ...] = ()
    """Command hook: program and arguments; "on" or "off" is appended."""
    wiring: Literal["normally_open", "normally_closed"] = "normally_open"
    """"normally_closed": the output is on while the relay is released, so it stays on when
    the kiosk is stopped or the PC is off (lights wired through the NC contact)."""
    staffed: Switch = "off"
    """The output's value while the calendar says staffed."""
    self_service: Switch = "off"
    """The output's value in self-service hours."""
    closed: Switch = "off"
    """The output's value while the branch is closed."""
    fire: Literal["on", "off", "keep"] = "keep"
    """While the fire alarm is on: "on" (lights for the way out), "off", or "keep"."""

    @model_validator(mode="after")
    def _needs_its_device(self) -> OutputSection:
        if self.driver in ("lcus", "kmtronic", "numato") and not self.port:
            raise ValueError(f"output driver {self.driver!r} needs `port`")
        if self.driver == "command" and not self.command:
            raise ValueError("output driver 'command' needs `command`")
        return self

    def value(self, mode: str) -> bool:
        return bool(getattr(self, mode) == "on")


class CalendarAction(_Section):
    """A change at an offset from a change of the calendar's mode: switch an output, or say
    an announcement. An output's action moves that output's own change (its value for the new
    mode) to the offset: "lights off 5 minutes after closing"."""

    into: ModeName
    """The change this action hangs on: the calendar changing into this mode."""
    from_: ModeName | None = Field(None, alias="from")
    """Only the change from this mode (default: from any mode)."""
    at: Offset = timedelta(0)
    """Minutes before ("-15m") or after ("+5m") the change."""
    output: str | None = None
    """The output to switch (a name from [outputs])."""
    set: Switch | None = None
    """The output's value from the offset on."""
    announce: str | None = None
    """An announcement to say (a name from [announcements])."""
    when: Literal["always", "empty", "occupied"] = "always"
    """"empty": only while nobody is inside by the estimate (an output waits for it);
    "occupied": only while somebody is (an announcement to those still inside)."""

    model_config = ConfigDict(extra="forbid", frozen=True,
                              populate_by_name=True)

    @field_validator("at")
    @classmethod
    def _within_a_day(cls, value: timedelta) -> timedelta:
        if abs(value) > timedelta(hours=24):
            raise ValueError("an action is at most 24h before or after its change")
        return value

    @model_validator(mode="after")
    def _one_thing(self) -> CalendarAction:
        if (self.output is None) == (self.announce is None):
            raise ValueError("an action has either `output` and `set`, or `announce`")
        if self.output is not None and self.set is None:
            raise ValueError('an output action needs `set = "on"` or `set = "off"`')
        if self.from_ == self.into:
            raise ValueError("`from` and `into` name the same mode: that is no change")
        return self


class AnnouncementSection(_Section):
    """What is said: a WAV file the library supplies, or text spoken by espeak-ng. `{minutes}`
    in a text or file name is the minutes left (closing announcements)."""

    file: str = ""
    """A WAV file (PCM); relative paths are from config.toml's folder. Other formats:
    convert first, e.g. `ffmpeg -i closing.mp3 closing.wav`."""
    text: dict[Literal["da", "en"], str] = Field(default_factory=dict)
    """Text per language, spoken Danish first, then English."""

    @model_validator(mode="after")
    def _something_to_say(self) -> AnnouncementSection:
        if bool(self.file) == bool(self.text):
            raise ValueError("an announcement has either `file` or `text`")
        return self


DEFAULT_CLOSING: Final = AnnouncementSection(text={
    "da": "Biblioteket lukker om {minutes} minutter.",
    "en": "The library closes in {minutes} minutes.",
})


def parse_volumes(value: object) -> dict[time, int]:
    """{"07:00" = 80, "22:00" = 40} -> {time(7): 80, time(22): 40}."""
    if not isinstance(value, dict):
        raise ValueError('expected a table like { "07:00" = 80, "20:00" = 50 }')  # noqa: TRY004
    out: dict[time, int] = {}
    for key, percent in value.items():
        m = _CLOCK.match(str(key)) if not isinstance(key, time) else None
        at = key if isinstance(key, time) else (
            time(int(m.group(1)), int(m.group(2))) if m and int(m.group(1)) < 24
            and int(m.group(2)) < 60 else None)
        if at is None:
            raise ValueError(f'volume times are "HH:MM", got {key!r}')
        if isinstance(percent, bool) or not isinstance(percent, int) or not 0 <= percent <= 100:
            raise ValueError(f"volume at {key} is a percentage 0-100, got {percent!r}")
        out[at] = percent
    return dict(sorted(out.items()))


def _show_volumes(value: dict[time, int]) -> dict[str, int]:
    return {f"{t:%H:%M}": p for t, p in value.items()}


Volumes = Annotated[dict[time, int], BeforeValidator(parse_volumes),
                    PlainSerializer(_show_volumes, return_type=dict[str, int])]


class SoundSection(_Section):
    """How announcements are made audible: [speech]'s program speaks a text, kiosk.sound_command
    plays the WAV file."""

    volume: Volumes = Field(default_factory=lambda: {time(0): 60, time(7): 100, time(21): 80})
    """Percent of full scale from each time of day (the samples are scaled before playing,
    whatever the player)."""
    late_by: Duration = timedelta(seconds=60)
    """An announcement that could not be made on time (the kiosk was restarting) is still made
    this long after its moment; later it is skipped ("closing in 10 minutes" at 21:58 is worse
    than nothing)."""


class AlarmsSection(_Section):
    """What a held-open or forced door does besides the log line."""

    siren: str = ""
    """The output (a name from [outputs]) switched on by an alarm; empty: no siren."""
    siren_seconds: float = Field(60.0, gt=0, le=900)
    """How long the siren sounds; a held-open alarm stops it when the door closes."""
    sound_on: tuple[Literal["forced_open", "held_open"], ...] = ("forced_open", "held_open")
    """Which alarms switch the siren on."""
    modes: tuple[ModeName, ...] = ("self_service", "closed")
    """The calendar modes in which door alarms act (in staffed hours the door is busy)."""
    notify_command: tuple[str, ...] = ()
    """Run on an alarm with the kind, the time (ISO 8601), the branch and the kiosk id as
    arguments, e.g. a script that sends an e-mail or an SMS through the library's gateway."""
    notify_on: tuple[Literal["forced_open", "held_open", "fire_alarm",
                             "tailgating_suspected"], ...] = (
        "forced_open", "held_open", "fire_alarm")
    notify_timeout: Duration = timedelta(seconds=30)
    """A notification command still running after this is stopped (and the fault shown)."""
    tailgating_announcement: str = ""
    """An announcement (from [announcements]) when more than one entry follows one grant,
    e.g. "one_per_card"; empty: none."""


class OccupancySection(_Section):
    """The estimate of how many people are inside: entries minus exits."""

    entries: Literal["grants", "counter"] = "grants"
    """"grants": each door grant (and any extra entry of a suspected tailgate) is one person
    in; "counter": pulses of inputs.people_in (a people counter's contact output)."""
    exits: Literal["exit_button", "counter"] = "exit_button"
    """"exit_button": each press of inputs.exit_button is one person out; "counter": pulses
    of inputs.people_out."""
    reset_after: Duration = timedelta(minutes=60)
    """After the branch closes, the estimate is set to 0 this much later (nobody stays the
    night; a wrong count must not keep the lights on until morning)."""

    @field_validator("reset_after")
    @classmethod
    def _within_a_day(cls, value: timedelta) -> timedelta:
        if value > timedelta(hours=24) or value > MAX_DURATION:
            raise ValueError("expected at most 24h")
        return value


def cross_check(config: KioskConfig, base: Path) -> list[str]:
    """Problems across sections, one line each ("outputs.lights: ..."); empty when fine."""
    problems: list[str] = []
    outputs = config.outputs
    for name in outputs:
        if not NAME.match(name):
            problems.append(f"outputs.{name}: output names are lower-case letters, digits and "
                            '"_", e.g. "lights"')
    problems += _action_problems(config)
    problems += _alarm_problems(config)
    problems += _announcement_problems(config, base)
    problems += board_problems(config)
    problems += _input_problems(config)
    return problems


def _action_problems(config: KioskConfig) -> list[str]:
    out = []
    for index, action in enumerate(config.calendar.actions):
        key = f"calendar.actions[{index}]"
        if action.output is not None and action.output not in config.outputs:
            out.append(f"{key}.output: no output {action.output!r} in [outputs]; known: "
                       f"{sorted(config.outputs) or 'none'}")
        if action.announce is not None and action.announce not in known_announcements(config):
            out.append(f"{key}.announce: no announcement {action.announce!r} in "
                       f"[announcements]; known: {sorted(known_announcements(config))}")
    return out


def _alarm_problems(config: KioskConfig) -> list[str]:
    alarms, out = config.alarms, []
    if alarms.siren and alarms.siren not in config.outputs:
        out.append(f"alarms.siren: no output {alarms.siren!r} in [outputs]")
    wanted = alarms.tailgating_announcement
    if wanted and wanted not in known_announcements(config):
        out.append(f"alarms.tailgating_announcement: no announcement {wanted!r} in "
                   "[announcements]")
    return out


def known_announcements(config: KioskConfig) -> set[str]:
    """The configured announcements, and "closing" (built in, said at
    calendar.announce_closing_minutes)."""
    return {*config.announcements, "closing"}


def _announcement_problems(config: KioskConfig, base: Path) -> list[str]:
    out = []
    for name, section in config.announcements.items():
        if not NAME.match(name):
            out.append(f"announcements.{name}: names are lower-case letters, digits and \"_\"")
        if section.file:
            minutes = config.calendar.announce_closing_minutes if name == "closing" else (0,)
            for m in minutes:
                path = Path(section.file.replace("{minutes}", str(m)))
                path = path if path.is_absolute() else base / path
                if not path.is_file():
                    out.append(f"announcements.{name}.file: {str(path)!r} does not exist")
    return out


def _port_key(port: str) -> str:
    return str(Path(port).resolve()) if port.startswith("/") else port


def board_problems(config: KioskConfig) -> list[str]:
    """Several outputs (and the door relay) may share one serial board, one channel each, all
    with the same driver: the kiosk opens the port once and sends every channel's commands
    through it. Anything else on one port or one GPIO line is refused."""
    users: dict[tuple[str, ...], str] = {}
    drivers: dict[str, tuple[str, str]] = {}
    out = []
    relay = config.relay
    parts: list[tuple[str, OutputSection | object]] = [("relay", relay)]
    parts += [(f"outputs.{n}", o) for n, o in config.outputs.items()]
    for key, part in parts:
        driver = getattr(part, "driver", "null")
        if driver in ("lcus", "kmtronic", "numato"):
            port = _port_key(str(getattr(part, "port", "")))
            first = drivers.setdefault(port, (driver, key))
            if first[0] != driver:
                out.append(f"{key}: port {getattr(part, 'port', '')} is {first[1]}'s "
                           f"{first[0]} board; one board speaks one protocol: use driver "
                           f"{first[0]!r} and another channel, or another port")
            ident: tuple[str, ...] = ("port", port, str(getattr(part, "channel", 1)))
        elif driver == "gpio":
            ident = ("gpio", str(getattr(part, "gpio_chip", "")),
                     str(getattr(part, "gpio_line", "")))
        else:
            continue
        owner = users.setdefault(ident, key)
        if owner != key:
            out.append(f"{key}: {' '.join(ident[1:])} is already {owner}'s; one channel or "
                       "line switches one thing")
    return out


def _input_problems(config: KioskConfig) -> list[str]:
    inputs, occupancy, out = config.inputs, config.occupancy, []
    if occupancy.entries == "counter" and inputs.people_in is None:
        out.append('occupancy.entries: "counter" needs inputs.people_in')
    if occupancy.exits == "counter" and inputs.people_out is None:
        out.append('occupancy.exits: "counter" needs inputs.people_out')
    return out

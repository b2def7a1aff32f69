"""The building rules the tests share: the shipped calendar with a library's usual outputs and
actions (lights, alarm arming, public PCs, a siren; PCs off 15 minutes before closing, lights
off 5 minutes after closing once empty, the alarm armed 10 minutes after closing and disarmed a
minute before opening, an announcement to anyone still inside)."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta
from pathlib import Path
from types import MappingProxyType

from kiosk.building.settings import Action, BuildingSettings, OutputRule
from kiosk.building.timeline import Timeline
from kiosk.clock import COPENHAGEN
from kiosk.config import load, load_data
from kiosk.config.models import CalendarSection
from kiosk.schedule import Calendar, Mode

REPO = Path(__file__).resolve().parents[3]
S, T, C = Mode.SELF_SERVICE, Mode.STAFFED, Mode.CLOSED


def values(staffed: bool, self_service: bool, closed: bool) -> MappingProxyType[Mode, bool]:
    return MappingProxyType({T: staffed, S: self_service, C: closed})


OUTPUTS = (
    OutputRule("lights", values(True, True, False), fire=True),
    OutputRule("alarm", values(False, False, True), fire=None),
    OutputRule("pcs", values(True, True, False), fire=False),
    OutputRule("siren", values(False, False, False)),
)
ACTIONS = (
    Action(C, timedelta(minutes=-15), output="pcs", on=False),
    Action(C, timedelta(minutes=5), output="lights", on=False, when="empty"),
    Action(C, timedelta(minutes=10), output="alarm", on=True),
    Action(S, timedelta(minutes=-1), from_=C, output="alarm", on=False),
    Action(C, timedelta(0), announce="still_inside", when="occupied"),
)


def settings(**changes: object) -> BuildingSettings:
    base: dict[str, object] = {
        "outputs": OUTPUTS, "actions": ACTIONS, "closing_minutes": (15, 10, 5),
        "siren": "siren", "siren_s": 60.0, "exit_release_s": 4.0,
        "notify_on": frozenset({"forced_open", "held_open", "fire_alarm"}),
    }
    base.update(changes)
    return BuildingSettings(**base)  # type: ignore[arg-type]


def shipped_calendar(*overrides: str) -> Calendar:
    return Calendar(load(REPO / "config.toml", list(overrides)).config.calendar)


def calendar_section(extra_toml: str) -> CalendarSection:
    """The shipped calendar with `extra_toml` (e.g. [[calendar.exceptions]]) appended."""
    raw = tomllib.loads((REPO / "config.toml").read_text(encoding="utf-8") + extra_toml)
    return load_data(raw, REPO / "config.toml").config.calendar


def timeline(**changes: object) -> Timeline:
    return Timeline(shipped_calendar(), settings(**changes))


def local(day: str, hhmm: str) -> datetime:
    """"2026-11-24", "21:45" -> aware Copenhagen time."""
    return datetime.fromisoformat(f"{day}T{hhmm}").replace(tzinfo=COPENHAGEN)


TUESDAY = "2026-11-24"
"""A weekday of the shipped calendar: self-service 07-22, staffed 10-17."""

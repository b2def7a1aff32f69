"""Load config.toml: TOML -> `--set` overrides -> validation -> resolved paths.

Every problem becomes one line naming the file, the key, the value and what is allowed, e.g.
`config.toml: access.min_age: expected a whole number 0-18, got "fifteen"`.
"""

from __future__ import annotations

import socket
import stat
import tomllib
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from kiosk.config.building import cross_check
from kiosk.config.models import CalendarSection, KioskConfig
from kiosk.config_file import DEFAULT_PATHS, find_config

if TYPE_CHECKING:
    from kiosk.calendar_feed.feed_status import FeedStatus

SECRET_KEYS = ("password", "token", "key")
__all__ = ["DEFAULT_PATHS", "ConfigError", "LoadedConfig", "find_config", "load", "load_data"]


class ConfigError(Exception):
    """The configuration cannot be used; `lines` holds one message per problem."""

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)


@dataclass(frozen=True, slots=True)
class LoadedConfig:
    config: KioskConfig
    path: Path
    """The file it came from (for messages)."""
    calendar_feed: FeedStatus | None = None
    """`calendar.feed`'s state when one is configured; its events are in config.calendar."""
    calendar_base: CalendarSection | None = None
    """The calendar as config.toml has it, before the feed was laid over it."""

    @property
    def base_dir(self) -> Path:
        return self.path.parent

    def resolve(self, p: Path) -> Path:
        """A path from the config, relative ones taken from the config file's folder."""
        return p if p.is_absolute() else (self.base_dir / p)

    @property
    def kiosk_id(self) -> str:
        """`kiosk.id`, or the PC's host name when it is not set."""
        return self.config.kiosk.id or socket.gethostname()

    @property
    def data_dir(self) -> Path:
        return self.resolve(self.config.kiosk.data_dir)

    @property
    def database_url(self) -> str:
        return self.config.database.url or f"sqlite:///{self.data_dir / 'kiosk.db'}"

    @property
    def key_file(self) -> Path:
        configured = self.config.secrets.installation_key_file
        return self.resolve(configured) if configured else self.data_dir / "installation.key"


def load(path: Path, overrides: Sequence[str] = ()) -> LoadedConfig:
    """Read, override, validate. Raises ConfigError with one line per problem."""
    name = path.name
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        hint = "use --config PATH or $KIOSK_CONFIG"
        raise ConfigError([f"{path}: file not found ({hint})"]) from None
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError([f"{path}: cannot read: {err}"]) from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError([f"{name}: not valid TOML: {err}"]) from None
    return load_data(raw, path, overrides)


def load_data(raw: dict[str, Any], path: Path, overrides: Sequence[str] = ()) -> LoadedConfig:
    name = path.name
    problems = [line for item in overrides for line in _apply_override(raw, item)]
    if problems:
        raise ConfigError(problems)
    try:
        config = KioskConfig.model_validate(raw)
    except ValidationError as err:
        raise ConfigError([format_error(name, e) for e in err.errors()]) from None
    loaded = LoadedConfig(config, path.absolute())
    across = cross_check(config, loaded.base_dir)
    if across:
        raise ConfigError([f"{name}: {line}" for line in across])
    missing = _missing_files(loaded)
    if missing:
        raise ConfigError([f"{name}: {line}" for line in missing])
    return with_calendar_feed(loaded) if config.calendar.feed else loaded


def with_calendar_feed(loaded: LoadedConfig) -> LoadedConfig:
    """The calendar with the library's feed laid over it (offline: a file feed's file, a URL
    feed's cached copy). A bad feed never stops the kiosk: the last good copy is used."""
    from kiosk.calendar_feed.overlay import overlay
    from kiosk.calendar_feed.store import current

    section = loaded.calendar_base or loaded.config.calendar
    events, status = current(section, loaded.base_dir, loaded.data_dir)
    calendar = overlay(section, events)
    config = loaded.config.model_copy(update={"calendar": calendar})
    return LoadedConfig(config, loaded.path, status, section)


def _apply_override(raw: dict[str, Any], item: str) -> list[str]:
    key, sep, text = item.partition("=")
    if not sep or not key.strip():
        return [f"--set {item!r}: expected KEY=VALUE, e.g. access.min_age=18"]
    try:
        value = tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        value = text  # the shell ate the quotes around a string: take it as the string
    parts = key.strip().split(".")
    node = raw
    for part in parts[:-1]:
        child = node.setdefault(part, {})
        if not isinstance(child, dict):
            return [f"--set {key}: {part} is not a table"]
        node = child
    node[parts[-1]] = value
    return []


def _missing_files(loaded: LoadedConfig) -> list[str]:
    central = loaded.config.central
    wanted: list[tuple[str, Path | None]] = []
    if central.kind == "http":
        wanted += [("central.token_file", central.token_file), ("central.ca_file", central.ca_file)]
    if central.kind == "sip2":
        wanted.append(("central.sip2.password_file", central.sip2.password_file))
    wanted.append(("secrets.technician_pin_file", loaded.config.secrets.technician_pin_file))
    problems = []
    for key, p in wanted:
        if p is None:
            continue
        path = loaded.resolve(p)
        if not path.is_file():
            problems.append(f"{key}: file {str(path)!r} does not exist; create it or fix the path")
        elif key != "central.ca_file" and path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            mode = stat.filemode(path.stat().st_mode)
            problems.append(
                f"{key}: {str(path)!r} is readable by group or others ({mode}); "
                f"run: chmod 600 {path}"
            )
    return problems


def format_error(name: str, err: ErrorDetails) -> str:
    loc = [str(p) for p in err["loc"]]
    key = ".".join(loc) or "(top level)"
    kind = err["type"]
    if kind == "extra_forbidden":
        allowed = ", ".join(sorted(_allowed_keys(loc[:-1])))
        return f"{name}: {key}: unknown key (a typo?); allowed here: {allowed}"
    if kind == "missing":
        return f"{name}: {key}: required key is missing"
    shown = _shown(key, err.get("input"))
    if kind == "value_error":
        message = err["msg"].removeprefix("Value error, ")
        if isinstance(err.get("input"), dict):  # a rule across keys of one table
            return f"{name}: {key}: {message}"
        return f"{name}: {key}: {message}, got {shown}"
    return f"{name}: {key}: expected {_expected(loc) or err['msg'].lower()}, got {shown}"


def _shown(key: str, value: object) -> str:
    if any(word in key for word in SECRET_KEYS) and "file" not in key:
        return "'***'"
    if isinstance(value, str):
        return '"' + value.replace('"', '\\"') + '"'
    if isinstance(value, dict):
        return "a table"
    return repr(value)


def _model_at(loc: Sequence[str]) -> tuple[Any, Any]:
    """(model class, FieldInfo) at a location, following nested models and dict values."""
    model: Any = KioskConfig
    field = None
    parts = list(loc)
    while parts:
        part = parts.pop(0)
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None, None
        field = model.model_fields.get(part)
        if field is None:
            return None, None
        if typing.get_origin(field.annotation) is dict:
            if not parts:
                return None, field
            parts.pop(0)  # the table's own name, e.g. "door" in readers.door
            model = typing.get_args(field.annotation)[1]
        else:
            model = _inner_model(field.annotation)
    return model, field


def _inner_model(annotation: Any) -> Any:
    for arg in (annotation, *typing.get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None


def _allowed_keys(loc: Sequence[str]) -> list[str]:
    model, _ = _model_at(loc)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return list(model.model_fields)
    return []


def _expected(loc: Sequence[str]) -> str | None:
    _, field = _model_at(loc)
    if field is None:
        return None
    annotation = field.annotation
    bounds = {type(m).__name__: m for m in field.metadata}
    low = getattr(bounds.get("Ge") or bounds.get("Gt"), "ge", None)
    low = low if low is not None else getattr(bounds.get("Gt"), "gt", None)
    high = getattr(bounds.get("Le"), "le", None)
    rng = f" {low}-{high}" if low is not None and high is not None else ""
    if typing.get_origin(annotation) is typing.Literal:
        return "one of " + ", ".join(f'"{a}"' for a in typing.get_args(annotation))
    names = {int: "a whole number", float: "a number", bool: "true or false", str: "a string"}
    base = names.get(annotation)
    if base is None and getattr(annotation, "__name__", "") == "Decimal":
        base = "a number"
    return f"{base}{rng}" if base else None

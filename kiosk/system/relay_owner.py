"""One owner for the door relay, and OFF before anything that can fail.

- `RelayLock`: an exclusive `flock` on `data_dir/relay.lock`, held by `kiosk run`, `kiosk
  attempt` and `kiosk relay-test` for as long as they may switch the relay. A second process
  is told who holds it and switches nothing, so it never claims a grant it could not open.
  The kernel drops the lock when its holder dies, even by SIGKILL: it is never stale.
- `remember_relay` / `recall_relay`: the last relay settings the board took a command with,
  in `data_dir/relay-last.json`, so a start-up can send OFF even when the new config is
  refused (SIGKILL during a pulse, then an edit that does not validate). `build_relay` turns
  settings (the [relay] table as a dict) into the driver: the one mapping, also behind
  kiosk.services.relay_from_config.
- `find_data_dir`: where data_dir is when the config does not validate. The config file is
  read as TOML without validation and `kiosk.data_dir` taken from it (after `--set`); if the
  file is not even TOML, the `data_dir = "..."` line of its [kiosk] table; otherwise the
  default, `data` next to the config file. Relative paths are from the config's folder, as
  for a valid config. docs/hardware.md says the same for technicians.
Light on purpose (no pydantic, no database, no Qt): `kiosk run` switches the relay off with
only this and drivers/ imported; the rest of the kiosk takes seconds to import on a busy Pi.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import re
import threading
import time
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from drivers.relays import RELAYS, BaseRelay, make_relay

log = logging.getLogger(__name__)

LOCK_NAME: Final = "relay.lock"
MEMORY_NAME: Final = "relay-last.json"
ACQUIRE_PATIENCE_S: Final = 0.5
DEFAULT_DATA_DIR: Final = Path("data")
_DATA_DIR_LINE: Final = re.compile(r"""^\s*data_dir\s*=\s*(["'])(?P<path>[^"'\n]+)\1""", re.M)


class RelayBusy(Exception):
    """Another process owns the relay; the message names it."""


@dataclass
class RelayLock:
    """`acquire()` takes the lock or raises RelayBusy; `release()` (or exit) lets it go."""

    path: Path
    _fd: int | None = None

    def acquire(self, verb: str, patience_s: float = ACQUIRE_PATIENCE_S) -> None:
        """Take the lock, waiting up to `patience_s` (a `kiosk status` peeks at it for a few
        microseconds: that must not make a starting `kiosk run` give up)."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        give_up = time.monotonic() + patience_s
        while not _try_lock(fd):
            if time.monotonic() >= give_up:
                holder = _read_holder(fd)
                os.close(fd)
                raise RelayBusy(f"the door relay is in use by {holder}; this command switched "
                                "nothing (stop that one first, e.g. systemctl stop kiosk)")
            threading.Event().wait(0.02)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"kiosk {verb} (pid {os.getpid()})\n".encode(), 0)
        self._fd = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _read_holder(fd: int) -> str:
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", errors="replace").strip()
    except OSError:
        text = ""
    return text or "another kiosk process"


def lock_holder(data_dir: Path) -> str | None:
    """Who holds the relay lock now (e.g. "kiosk run (pid 812)"), or None if nobody does."""
    try:
        fd = os.open(data_dir / LOCK_NAME, os.O_RDONLY)
    except OSError:
        return None
    try:
        if _try_lock(fd):
            return None  # closing fd below lets go of the peek at once
        return _read_holder(fd)
    finally:
        os.close(fd)


def held_by_other(data_dir: Path) -> str | None:
    """`lock_holder`, unless the holder is this process."""
    holder = lock_holder(data_dir)
    if holder is None or holder.endswith(f"(pid {os.getpid()})"):
        return None
    return holder


# -- the last relay settings that worked ------------------------------------------------------


def remember_relay(data_dir: Path, settings: Mapping[str, Any]) -> None:
    """Keep `settings` as the ones that worked; atomically, 0600, best effort."""
    path = data_dir / MEMORY_NAME
    tmp = path.with_name(f".{MEMORY_NAME}.{os.getpid()}.tmp")
    data = json.dumps(dict(settings), sort_keys=True).encode()
    try:
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        tmp.replace(path)
    except OSError as err:
        log.warning("could not keep the relay settings in %s: %s", path, err.strerror or err)
        tmp.unlink(missing_ok=True)


def recall_relay(data_dir: Path) -> dict[str, Any] | None:
    """The last relay settings that worked, or None (first start, or an unusable file)."""
    path = data_dir / MEMORY_NAME
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as err:
        log.warning("ignoring %s: %s", path, err)
        return None
    if not isinstance(raw, dict) or raw.get("driver") not in RELAYS:
        log.warning("ignoring %s: not relay settings", path)
        return None
    return raw


def build_relay(settings: Mapping[str, Any]) -> BaseRelay:
    """The relay for a [relay] table (as validated by kiosk.config, or as remembered), already
    switched off. ValueError for settings that name no usable relay."""
    driver = settings.get("driver", "null")
    channel = int(settings.get("channel", 1))
    match driver:
        case "lcus" | "kmtronic":
            return make_relay(driver, port=_required(settings, "port"), channel=channel)
        case "numato":
            # relay.channel is 1-based for technicians; Numato numbers its relays from 0.
            return make_relay("numato", port=_required(settings, "port"), channel=channel - 1)
        case "gpio":
            return make_relay("gpio", line=settings.get("gpio_line", 17),
                              chip=settings.get("gpio_chip", "/dev/gpiochip0"),
                              active_low=bool(settings.get("active_low", False)))
        case "command":
            return make_relay("command", argv=list(settings.get("command") or ()))
        case _:
            return make_relay("null")


def _required(settings: Mapping[str, Any], key: str) -> str:
    value = settings.get(key)
    if not isinstance(value, str) or not value:
        raise ValueError(f"relay driver {settings.get('driver')!r} needs `{key}`")
    return value


# -- data_dir without a valid config ----------------------------------------------------------


def find_data_dir(config_path: Path, overrides: Sequence[str] = ()) -> Path:
    """data_dir as a valid config would give it, found without validating (module docstring)."""
    base = config_path.absolute().parent
    configured = _from_overrides(overrides) or _from_file(config_path) or DEFAULT_DATA_DIR
    return configured if configured.is_absolute() else base / configured


def _from_overrides(overrides: Sequence[str]) -> Path | None:
    found = None
    for item in overrides:
        key, sep, text = item.partition("=")
        if sep and key.strip() == "kiosk.data_dir":
            found = _as_path(_toml_value(text))
    return found


def _toml_value(text: str) -> Any:
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text


def _from_file(config_path: Path) -> Path | None:
    try:
        text = config_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return _from_kiosk_table(text)
    kiosk = raw.get("kiosk")
    return _as_path(kiosk.get("data_dir")) if isinstance(kiosk, dict) else None


def _from_kiosk_table(text: str) -> Path | None:
    """The data_dir line inside [kiosk] of a file that is not valid TOML."""
    start = re.search(r"^\s*\[kiosk\]\s*$", text, re.M)
    if start is None:
        return None
    rest = text[start.end():]
    end = re.search(r"^\s*\[", rest, re.M)
    match = _DATA_DIR_LINE.search(rest[: end.start()] if end else rest)
    return Path(match.group("path")) if match else None


def _as_path(value: object) -> Path | None:
    return Path(value) if isinstance(value, str) and value.strip() else None

"""What is plugged in: serial ports and input devices, for `kiosk devices` and the technician.

Prefers the stable names (/dev/serial/by-id, /dev/input/by-id and by-path) a config should
use. Returns [] where evdev or /dev/input does not exist. Nothing from kiosk/ or sync/.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Protocol

from serial.tools import list_ports

from drivers.hid_keymap import EV_KEY, KEY_ENTER

log = logging.getLogger(__name__)

SERIAL_BY_ID: Final = Path("/dev/serial/by-id")
INPUT_DIR: Final = Path("/dev/input")
_DIGIT_KEYS: Final = frozenset(range(2, 12))  # KEY_1 .. KEY_0


@dataclass(frozen=True, slots=True)
class SerialPortInfo:
    device: str
    by_id: str | None
    vid_pid: str | None
    serial_number: str | None
    description: str


@dataclass(frozen=True, slots=True)
class InputDeviceInfo:
    path: str
    name: str
    phys: str
    vid_pid: str
    links: tuple[str, ...]
    """by-id and by-path links pointing at this device."""
    looks_like_wedge: bool
    """Has digit keys and Enter: a keyboard or a keyboard-wedge card reader."""


def _links_by_target(*directories: Path) -> dict[str, list[str]]:
    """Resolved device path -> the symlinks in `directories` that point at it."""
    found: dict[str, list[str]] = {}
    for directory in directories:
        try:
            entries = sorted(directory.iterdir())
        except OSError:
            continue  # no such directory: nothing with a serial number plugged in
        for link in entries:
            if link.is_symlink():
                found.setdefault(str(link.resolve()), []).append(str(link))
    return found


def _vid_pid(vid: int | None, pid: int | None) -> str | None:
    return None if vid is None or pid is None else f"{vid:04x}:{pid:04x}"


def list_serial_ports(by_id_dir: Path = SERIAL_BY_ID) -> list[SerialPortInfo]:
    links = _links_by_target(by_id_dir)
    ports: list[SerialPortInfo] = []
    for port in sorted(list_ports.comports(), key=lambda p: p.device):
        by_id = links.get(str(Path(port.device).resolve()), [None])[0]
        ports.append(
            SerialPortInfo(
                device=port.device,
                by_id=by_id,
                vid_pid=_vid_pid(port.vid, port.pid),
                serial_number=port.serial_number,
                description=port.description,
            )
        )
    return ports


class _Info(Protocol):
    @property
    def vendor(self) -> int: ...

    @property
    def product(self) -> int: ...


class ProbedDevice(Protocol):
    """The part of `evdev.InputDevice` discovery reads."""

    @property
    def name(self) -> str: ...

    @property
    def phys(self) -> str: ...

    @property
    def info(self) -> _Info: ...

    def capabilities(self) -> Mapping[int, Sequence[Any]]: ...

    def close(self) -> None: ...


def looks_like_wedge(capabilities: Mapping[int, Iterable[Any]]) -> bool:
    keys = set(capabilities.get(EV_KEY, ()))
    return KEY_ENTER in keys and keys >= _DIGIT_KEYS


def _evdev_functions() -> tuple[Callable[[], Sequence[str]], Callable[[str], ProbedDevice]] | None:
    try:
        import evdev
    except ImportError:
        return None

    def open_device(path: str) -> ProbedDevice:
        device: Any = evdev.InputDevice(path)
        return device  # type: ignore[no-any-return]

    return (lambda: list(evdev.list_devices()), open_device)


def list_input_devices(
    list_devices: Callable[[], Sequence[str]] | None = None,
    open_device: Callable[[str], ProbedDevice] | None = None,
    input_dir: Path = INPUT_DIR,
) -> list[InputDeviceInfo]:
    """Every input device we may open; devices we may not open are skipped with a debug line."""
    if list_devices is None or open_device is None:
        functions = _evdev_functions()
        if functions is None or not input_dir.is_dir():
            return []
        list_devices, open_device = list_devices or functions[0], open_device or functions[1]
    links = _links_by_target(input_dir / "by-id", input_dir / "by-path")
    found: list[InputDeviceInfo] = []
    try:
        paths = sorted(list_devices())
    except OSError as err:
        log.debug("cannot list input devices: %s", err)
        return []
    for path in paths:
        info = _probe(path, open_device, links)
        if info is not None:
            found.append(info)
    return found


def _probe(
    path: str, open_device: Callable[[str], ProbedDevice], links: Mapping[str, list[str]]
) -> InputDeviceInfo | None:
    try:
        device = open_device(path)
    except OSError as err:
        log.debug("cannot open %s: %s", path, err)
        return None
    try:
        return InputDeviceInfo(
            path=path,
            name=device.name,
            phys=device.phys or "",
            vid_pid=f"{device.info.vendor:04x}:{device.info.product:04x}",
            links=tuple(links.get(str(Path(path).resolve()), ())),
            looks_like_wedge=looks_like_wedge(device.capabilities()),
        )
    except OSError as err:
        log.debug("cannot probe %s: %s", path, err)
        return None
    finally:
        device.close()

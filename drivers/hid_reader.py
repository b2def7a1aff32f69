"""USB-HID keyboard-wedge readers through evdev (reference/protocols.md §E.4).

The device is grabbed exclusively so card data never reaches the UI or a console, and let go
in `finally`. Events go through the same `HidDecoder` the tests drive. evdev is Linux-only and
imported only when a real device is opened. Nothing from kiosk/ or sync/.
"""

from __future__ import annotations

import errno
import logging
import re
import select
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Final, Protocol

from drivers.hid_keymap import LAYOUTS, HidDecoder, KeyEventLike, Layout
from drivers.reconnect import DEFAULT_MAX_BACKOFF_S, ReconnectingReader

log = logging.getLogger(__name__)

_POLL_S: Final = 0.1
_VID_PID: Final = re.compile(r"^([0-9a-fA-F]{4}):([0-9a-fA-F]{4})$")


class DeviceInfo(Protocol):
    @property
    def vendor(self) -> int: ...

    @property
    def product(self) -> int: ...


class InputDeviceLike(Protocol):
    """The part of `evdev.InputDevice` a reader uses; tests pass a fake with the same shape."""

    @property
    def path(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def phys(self) -> str: ...

    @property
    def info(self) -> DeviceInfo: ...

    def fileno(self) -> int: ...

    def read_one(self) -> KeyEventLike | None: ...

    def grab(self) -> None: ...

    def ungrab(self) -> None: ...

    def close(self) -> None: ...


OpenDevice = Callable[[str], InputDeviceLike]
ListDevices = Callable[[], Sequence[str]]


def evdev_open(path: str) -> InputDeviceLike:
    import evdev  # Linux-only; imported here so the module loads everywhere

    device: Any = evdev.InputDevice(path)
    return device  # type: ignore[no-any-return]


def evdev_list() -> Sequence[str]:
    import evdev

    return list(evdev.list_devices())


@contextmanager
def grabbed(device: InputDeviceLike) -> Iterator[InputDeviceLike]:
    """Exclusive access for the block; always let go, even if the device is already gone."""
    device.grab()
    try:
        yield device
    finally:
        with suppress(OSError):
            device.ungrab()


def parse_vid_pid(spec: str) -> tuple[int, int] | None:
    """`"0c2e:0b61"` -> (0x0C2E, 0x0B61); None if `spec` is not a vendor:product pair."""
    match = _VID_PID.match(spec)
    if match is None:
        return None
    return int(match.group(1), 16), int(match.group(2), 16)


class HidCardReader(ReconnectingReader):
    """A `CardReader` on an input device.

    `device` is an event node, a /dev/input/by-id or by-path link (re-resolved on every
    reconnect, the event number changes on replug), or `"vvvv:pppp"` with optional `phys` to
    tell identical readers apart.
    """

    def __init__(
        self,
        name: str,
        device: str,
        idle_gap_s: float = 0.1,
        card_patterns: Sequence[str] = (),
        phys: str | None = None,
        layout: str | Layout = "us",
        reconnect_s: float = 0.5,
        grab: bool = True,
        open_device: OpenDevice = evdev_open,
        list_devices: ListDevices = evdev_list,
        max_backoff_s: float = DEFAULT_MAX_BACKOFF_S,
    ) -> None:
        super().__init__(name, card_patterns, reconnect_s, max_backoff_s)
        if isinstance(layout, str):
            if layout not in LAYOUTS:
                raise ValueError(f"unknown keyboard layout {layout!r}; known: {sorted(LAYOUTS)}")
            layout = LAYOUTS[layout]
        self.device = device
        self.phys = phys
        self.grab = grab
        self._ids = parse_vid_pid(device)
        self._open_device = open_device
        self._list_devices = list_devices
        self.decoder = HidDecoder(layout, idle_gap_s)

    def _session(self) -> None:
        self.decoder.reset()
        device = self._find()
        try:
            if self.grab:
                with grabbed(device):
                    self._connected()
                    self._pump(device)
            else:
                self._connected()
                self._pump(device)
        finally:
            with suppress(OSError):
                device.close()

    def _find(self) -> InputDeviceLike:
        if self._ids is None:
            return self._open_device(str(Path(self.device).resolve()))
        for path in self._list_devices():
            try:
                candidate = self._open_device(path)
            except OSError:
                continue  # no permission on an unrelated device, or it just went away
            if self._matches(candidate):
                return candidate
            with suppress(OSError):
                candidate.close()
        raise OSError(errno.ENODEV, f"no input device {self.device} phys={self.phys}")

    def _matches(self, device: InputDeviceLike) -> bool:
        if self._ids != (device.info.vendor, device.info.product):
            return False
        return self.phys is None or device.phys == self.phys

    def _pump(self, device: InputDeviceLike) -> None:
        fd = device.fileno()
        while not self._stop.is_set():
            deadline = self.decoder.deadline()
            wait = _POLL_S if deadline is None else max(0.0, deadline - time.monotonic())
            readable, _, _ = select.select([fd], [], [], min(wait, _POLL_S))
            if readable:
                self._drain(device)
            idle = self.decoder.flush_idle(time.monotonic())
            if idle is not None:
                self._deliver(idle)

    def _drain(self, device: InputDeviceLike) -> None:
        # Unplugged -> OSError(ENODEV) from read_one; the session ends and we reconnect.
        while (event := device.read_one()) is not None:
            text = self.decoder.feed(event, time.monotonic())
            if text is not None:
                self._deliver(text)

"""Helpers for the driver tests: pty I/O with deadlines, recorders, a fake evdev device."""

from __future__ import annotations

import contextlib
import errno
import os
import queue
import select
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from evdev import InputEvent, ecodes
from ptykit import PtyPair, read_available, relink  # noqa: F401 - re-exported for the driver tests

from drivers.hid_keymap import US, Layout
from drivers.types import CardRead, ReaderState, ReaderStatus

TEST_CPR = "1705901234"  # 17 May 1990, serial 1234: a valid CPR that must never be logged
TIMEOUT = 20.0  # a deadline for a hung test, not a measurement: loaded machines are slow


def wait_until(predicate: Callable[[], bool], timeout: float = TIMEOUT) -> bool:
    """Poll `predicate` until it holds or `timeout` passes (never a bare sleep)."""
    deadline = time.monotonic() + timeout
    tick = threading.Event()
    while not predicate():
        if time.monotonic() >= deadline:
            return False
        tick.wait(0.01)
    return True


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def read_exact(fd: int, n: int, timeout: float = TIMEOUT) -> bytes:
    """Read `n` bytes from `fd`, failing the test if they do not come in time."""
    deadline = time.monotonic() + timeout
    data = b""
    while len(data) < n:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"timed out after {data!r}, wanted {n} bytes")
        readable, _, _ = select.select([fd], [], [], left)
        if readable:
            data += os.read(fd, n - len(data))
    return data


@dataclass
class Recorder:
    """Collects reads and statuses from a reader thread."""

    reads: queue.Queue[CardRead] = field(default_factory=queue.Queue)
    statuses: list[ReaderStatus] = field(default_factory=list)
    _changed: threading.Condition = field(default_factory=threading.Condition)

    def on_read(self, read: CardRead) -> None:
        self.reads.put(read)

    def on_status(self, status: ReaderStatus) -> None:
        with self._changed:
            self.statuses.append(status)
            self._changed.notify_all()

    def next_read(self, timeout: float = TIMEOUT) -> CardRead:
        return self.reads.get(timeout=timeout)

    def no_read(self, within: float) -> bool:
        try:
            self.reads.get(timeout=within)
        except queue.Empty:
            return True
        return False

    def wait_state(self, state: ReaderState, count: int = 1, timeout: float = TIMEOUT) -> bool:
        """Wait until `state` has been reported `count` times in all."""
        with self._changed:
            return self._changed.wait_for(
                lambda: sum(s.state is state for s in self.statuses) >= count, timeout
            )

    @property
    def states(self) -> list[ReaderState]:
        with self._changed:
            return [s.state for s in self.statuses]


def key(code: int, value: int = 1, at: float = 0.0) -> InputEvent:
    sec = int(at)
    return InputEvent(sec, int((at - sec) * 1_000_000), ecodes.EV_KEY, code, value)


def keystrokes(text: str, layout: Layout = US, enter: bool = True) -> list[InputEvent]:
    """The events a wedge sends for `text`: shift pressed around shifted characters,
    a SYN after each key, key-down and key-up for every key."""
    plain = {char: code for code, char in layout.plain.items() if code not in _KEYPAD_CODES}
    shifted = {char: code for code, char in layout.shifted.items() if code not in _KEYPAD_CODES}
    events: list[InputEvent] = []
    for char in text:
        if char in plain:
            events += _press(plain[char])
        else:
            events.append(key(ecodes.KEY_LEFTSHIFT, 1))
            events += _press(shifted[char])
            events.append(key(ecodes.KEY_LEFTSHIFT, 0))
    if enter:
        events += _press(ecodes.KEY_ENTER)
    return events


_KEYPAD_CODES = frozenset({71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 55, 98})


def _press(code: int) -> list[InputEvent]:
    syn = InputEvent(0, 0, ecodes.EV_SYN, ecodes.SYN_REPORT, 0)
    return [key(code, 1), syn, key(code, 0), syn]


@dataclass(frozen=True)
class FakeInfo:
    bustype: int = 3
    vendor: int = 0x0C2E
    product: int = 0x0B61
    version: int = 1


class FakeInputDevice:
    """A kernel input device: queued events behind a real fd to select on, one grabber at a
    time (EVIOCGRAB: a second grab -> EBUSY), ENODEV once unplugged. `open()` gives a handle
    following evdev.InputDevice's interface. Stricter than the kernel: closing a handle does
    not release its grab, so a driver that forgets ungrab() fails the tests."""

    def __init__(
        self,
        path: str,
        name: str = "Fake Wedge",
        phys: str = "usb-0000:00:14.0-1/input0",
        info: FakeInfo | None = None,
        keys: Sequence[int] = tuple(range(1, 60)),
    ) -> None:
        self.path, self.name, self.phys = path, name, phys
        self.info = info or FakeInfo()
        self.keys = list(keys)
        self.gone = False
        self.grabbed_by: FakeInputHandle | None = None
        self.handles: list[FakeInputHandle] = []
        self._events: deque[InputEvent] = deque()
        self._lock = threading.Lock()
        self._r, self._w = os.pipe()

    @property
    def grabbed(self) -> bool:
        return self.grabbed_by is not None

    @property
    def closed(self) -> bool:
        """Every handle anyone opened has been closed."""
        return all(handle.closed for handle in self.handles)

    def open(self) -> FakeInputHandle:
        if self.gone:
            raise OSError(errno.ENODEV, "No such device")
        handle = FakeInputHandle(self)
        self.handles.append(handle)
        return handle

    def push(self, events: Iterable[InputEvent]) -> None:
        with self._lock:
            for event in events:
                self._events.append(event)
                os.write(self._w, b"e")

    def unplug(self) -> None:
        with self._lock:
            self.gone = True
            os.write(self._w, b"u")

    def read_one(self) -> InputEvent | None:
        with self._lock:
            if self.gone:
                raise OSError(errno.ENODEV, "No such device")
            if not self._events:
                return None
            os.read(self._r, 1)
            return self._events.popleft()

    def dispose(self) -> None:
        for fd in (self._r, self._w):
            with contextlib.suppress(OSError):
                os.close(fd)


class FakeInputHandle:
    """One open of a FakeInputDevice, shaped like evdev.InputDevice."""

    def __init__(self, device: FakeInputDevice) -> None:
        self.device = device
        self.path, self.name, self.phys = device.path, device.name, device.phys
        self.info, self.uniq = device.info, ""
        self.closed = False

    def _check(self) -> None:
        if self.closed:
            raise OSError(errno.EBADF, "Bad file descriptor")
        if self.device.gone:
            raise OSError(errno.ENODEV, "No such device")

    def fileno(self) -> int:
        if self.closed:
            raise OSError(errno.EBADF, "Bad file descriptor")
        return self.device._r

    def read_one(self) -> InputEvent | None:
        self._check()
        return self.device.read_one()

    def read_loop(self) -> Iterable[InputEvent]:
        while True:
            select.select([self.fileno()], [], [])
            event = self.read_one()
            if event is not None:
                yield event

    def grab(self) -> None:
        self._check()
        if self.device.grabbed_by is not None:
            raise OSError(errno.EBUSY, "Device or resource busy")
        self.device.grabbed_by = self

    def ungrab(self) -> None:
        self._check()
        if self.device.grabbed_by is not self:
            raise OSError(errno.EINVAL, "Invalid argument")
        self.device.grabbed_by = None

    def capabilities(self) -> dict[int, list[int]]:
        self._check()
        return {ecodes.EV_SYN: [0], ecodes.EV_KEY: self.device.keys}

    def close(self) -> None:
        self.closed = True


class FakeInputSystem:
    """/dev/input as the reader sees it: devices come and go at paths."""

    def __init__(self) -> None:
        self.devices: dict[str, FakeInputDevice] = {}
        self.all: list[FakeInputDevice] = []
        self._lock = threading.Lock()

    def plug(self, device: FakeInputDevice) -> FakeInputDevice:
        with self._lock:
            self.devices[device.path] = device
            self.all.append(device)
        return device

    def unplug(self, path: str) -> FakeInputDevice:
        with self._lock:
            device = self.devices.pop(path)
        device.unplug()
        return device

    def list_devices(self) -> list[str]:
        with self._lock:
            return list(self.devices)

    def open_device(self, path: str) -> Any:
        with self._lock:
            device = self.devices.get(path)
        if device is None:
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", path)
        return device.open()

    def close_all(self) -> None:
        for device in self.all:
            device.dispose()

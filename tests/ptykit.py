"""Pseudo-terminals for serial tests (drivers, faults, scenarios): a pty pair, the udev-style
relink of a by-id path, and reading what a driver wrote until the line goes quiet."""

from __future__ import annotations

import contextlib
import os
import select
from dataclasses import dataclass
from pathlib import Path


@dataclass
class PtyPair:
    """A pseudo-terminal: drivers open `path`, the test plays the device on `master`."""

    master: int
    slave: int
    path: str

    @classmethod
    def open(cls) -> PtyPair:
        master, slave = os.openpty()
        return cls(master, slave, os.ttyname(slave))

    def close(self) -> None:
        for fd in (self.master, self.slave):
            with contextlib.suppress(OSError):
                os.close(fd)


def relink(link: Path, target: str) -> None:
    """Point `link` at `target` atomically, as udev does for /dev/serial/by-id on replug."""
    tmp = link.with_name(link.name + ".tmp")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(target)
    tmp.replace(link)


def read_available(fd: int, quiet: float = 0.2) -> bytes:
    """Everything `fd` delivers until it has been silent for `quiet` seconds."""
    data = b""
    while select.select([fd], [], [], quiet)[0]:
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        data += chunk
    return data

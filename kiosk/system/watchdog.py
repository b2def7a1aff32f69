"""systemd readiness and watchdog pings (sd_notify), with no dependency on libsystemd.

`kiosk run` sends READY=1 once the screen is up and WATCHDOG=1 from a timer on the GUI event
loop, so a frozen loop stops the pings and systemd restarts the kiosk (reliability.md #4:
WatchdogSec=10, a ping every half of it). Outside systemd ($NOTIFY_SOCKET unset) it does
nothing.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger(__name__)


class Notifier:
    def __init__(self, env: Mapping[str, str] = os.environ) -> None:
        address = env.get("NOTIFY_SOCKET", "")
        # An abstract socket is written with a leading "@" and means a leading NUL byte.
        self.address = "\0" + address[1:] if address.startswith("@") else address
        usec = env.get("WATCHDOG_USEC", "")
        self.watchdog_s = int(usec) / 1_000_000 if usec.isdigit() and int(usec) > 0 else None
        pid = env.get("WATCHDOG_PID", "")
        # Under cage (deploy/systemd/kiosk.service) the unit's main process is the compositor,
        # our parent, and systemd names it here; the pings must come from us all the same
        # (the unit has NotifyAccess=all). Any other process's watchdog is not ours to feed.
        if pid.isdigit() and int(pid) not in (os.getpid(), os.getppid()):
            self.watchdog_s = None

    @property
    def enabled(self) -> bool:
        return bool(self.address)

    @property
    def ping_every_s(self) -> float | None:
        """Half the watchdog period, as sd_watchdog_enabled(3) advises; None when off."""
        return self.watchdog_s / 2 if self.enabled and self.watchdog_s else None

    def notify(self, message: str) -> bool:
        if not self.enabled:
            return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                # Never block the GUI loop on a listener that is not reading: drop the ping.
                sock.setblocking(False)
                sock.sendto(message.encode(), self.address)
        except OSError as err:
            log.warning("sd_notify %s failed: %s", message.split("=")[0], err)
            return False
        return True

    def ready(self) -> bool:
        return self.notify("READY=1")

    def ping(self) -> bool:
        return self.notify("WATCHDOG=1")

    def stopping(self) -> bool:
        return self.notify("STOPPING=1")

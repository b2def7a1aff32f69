"""The library's notification command for door and fire alarms (an e-mail or SMS gateway
script): run with the alarm's kind, its time, the branch and the kiosk id, never waited for
by the building, stopped after its timeout. What it did is reported to `on_done`.
"""

from __future__ import annotations

import logging
import subprocess
import threading
from collections.abc import Callable, Sequence
from datetime import datetime

log = logging.getLogger(__name__)

OnDone = Callable[[str, str | None], None]
"""(kind, None) when the command succeeded, (kind, why) when it did not."""


class NotifyCommand:
    def __init__(self, argv: Sequence[str], timeout_s: float, branch: str, kiosk_id: str,
                 on_done: OnDone | None = None) -> None:
        self.argv = list(argv)
        self.timeout_s = timeout_s
        self.branch = branch
        self.kiosk_id = kiosk_id
        self.on_done = on_done
        self._threads: list[threading.Thread] = []

    def notify(self, kind: str, at: datetime) -> None:
        """Start the command on its own thread; returns at once."""
        argv = [*self.argv, kind, at.isoformat(timespec="seconds"), self.branch, self.kiosk_id]
        self._threads = [t for t in self._threads if t.is_alive()]
        thread = threading.Thread(target=self._run, args=(kind, argv), daemon=True,
                                  name=f"kiosk-notify:{kind}")
        self._threads.append(thread)
        thread.start()

    def wait(self, timeout: float) -> None:
        """Let running notifications finish (shutdown, tests)."""
        for thread in self._threads:
            thread.join(timeout)

    def _run(self, kind: str, argv: list[str]) -> None:
        why: str | None = None
        try:
            result = subprocess.run(argv, capture_output=True, timeout=self.timeout_s,
                                    check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            why = f"{argv[0]} did not finish in {self.timeout_s:.0f} s"
        except OSError as err:
            why = f"cannot run {argv[0]}: {err.strerror}"
        else:
            if result.returncode != 0:
                tail = result.stderr.decode("utf-8", "replace").strip()[-200:]
                why = f"{argv[0]} exited {result.returncode}: {tail}"
        if why is None:
            log.info("alarm %s notified through %s", kind, argv[0])
        else:
            log.error("alarm %s: notification failed: %s", kind, why)
        if self.on_done is not None:
            self.on_done(kind, why)

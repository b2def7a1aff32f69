"""A relay switched by a site's own program: `argv + ["on"]` / `argv + ["off"]`.

For hardware no driver here knows (a PLC, a door controller's CLI). Exit status 0 means the
command was taken; anything else, a timeout or a missing program is a RelayFault.
Nothing from kiosk/ or sync/.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence

from drivers.relays.base import BaseRelay
from drivers.types import RelayFault


class CommandRelay(BaseRelay):
    def __init__(
        self,
        argv: Sequence[str],
        timeout_s: float = 5.0,
        name: str = "command",
        probe_s: float | None = None,
    ) -> None:
        # No idle probe by default: each would start the site's program; a fault is still
        # retried until the program succeeds again.
        super().__init__(name, probe_s)
        if isinstance(argv, str) or not argv:
            raise ValueError(f"argv must be a non-empty list of strings, got {argv!r}")
        if timeout_s <= 0:
            raise ValueError(f"timeout_s must be > 0, got {timeout_s!r}")
        self.argv = tuple(argv)
        self.timeout_s = timeout_s
        self._start()

    def _send(self, on: bool) -> None:
        argv = [*self.argv, "on" if on else "off"]
        try:
            result = subprocess.run(argv, capture_output=True, timeout=self.timeout_s, check=False)
        except subprocess.TimeoutExpired as err:
            raise RelayFault(f"{self.argv[0]} did not finish in {self.timeout_s} s") from err
        except OSError as err:
            raise RelayFault(f"cannot run {self.argv[0]}: {err}") from err
        if result.returncode != 0:
            tail = result.stderr.decode("utf-8", errors="replace").strip()[-200:]
            raise RelayFault(f"{self.argv[0]} exited with {result.returncode}: {tail}")

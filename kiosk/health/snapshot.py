"""The running kiosk's health, written to `data_dir/health.json` for `kiosk status`.

`kiosk status` is another process: it cannot ask `kiosk run` how its jobs are doing, and the
database may be the very thing that is failing (locked, full, damaged). So `kiosk run` keeps
this small file: background jobs and clock trust (faults have their own file, kiosk/health/
faults.py), replaced atomically
(write to a temporary file, fsync, rename; mode 0600). A write that fails (full disk) is
logged once and tried again with the next change. No Qt, no database.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from kiosk.clock import Clock

log = logging.getLogger(__name__)

FILE_NAME: Final = "health.json"


class HealthFile:
    """Holds the latest health sections and rewrites the file whenever one changes."""

    def __init__(self, path: Path, clock: Clock) -> None:
        self.path = path
        self.clock = clock
        self._lock = threading.Lock()
        self._sections: dict[str, Any] = {}
        self._failing = False

    def set_jobs(self, jobs: Mapping[str, Mapping[str, object]]) -> None:
        self._set("jobs", {name: dict(report) for name, report in jobs.items()})

    def set_clock(self, clock_section: Mapping[str, object]) -> None:
        self._set("clock", dict(clock_section))

    def _set(self, key: str, value: object) -> None:
        with self._lock:
            self._sections[key] = value
            self._write_locked()

    def _document(self) -> dict[str, object]:
        doc: dict[str, object] = {
            "written_at": self.clock.now().isoformat(timespec="seconds"),
            "pid": os.getpid(),
        }
        doc.update(self._sections)
        return doc

    def _write_locked(self) -> None:
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            data = json.dumps(self._document(), ensure_ascii=False, sort_keys=True).encode()
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                os.write(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
            tmp.replace(self.path)
        except OSError as err:
            if not self._failing:
                # one line, no traceback: a full disk is expected trouble, not a bug
                log.error("health file %s not written: %s",  # noqa: TRY400
                          self.path, err.strerror or err)
            self._failing = True
            tmp.unlink(missing_ok=True)
            return
        if self._failing:
            log.warning("health file %s written again", self.path)
        self._failing = False


def read_health(path: Path) -> dict[str, Any] | None:
    """The last health document, or None if there is none (or it cannot be read)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as err:
        log.warning("health file %s unreadable: %s", path, err)
        return None
    return data if isinstance(data, dict) else None

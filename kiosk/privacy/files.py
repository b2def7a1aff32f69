"""Files that hold personal data or secrets: readable by the kiosk's user only (mode 0600).

The installation key, the database and its WAL and shared-memory files. A file that group or
others may read is refused with the `chmod` to run, never silently accepted or changed: the
technician should learn that it happened (a restore from a backup, a careless copy)."""

from __future__ import annotations

import stat
from pathlib import Path


class PrivateFileError(Exception):
    """A file with personal data or a secret is missing, unreadable or too widely readable."""


def require_private(path: Path) -> None:
    """Raise PrivateFileError when `path` exists and group or others have any access to it."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise PrivateFileError(
            f"{path}: readable by group or others (mode {stat.filemode(mode)}); "
            f"run: chmod 600 {path}"
        )

"""Start-up integrity of the SQLite cache: a bounded `PRAGMA quick_check`, and quarantine.

A truncated or corrupted `kiosk.db` made every verb print a traceback and `kiosk run` exit 1
in a systemd restart loop; random bytes went unnoticed and the kiosk kept granting from them.
Now, before the engine opens it: `quick_check`, stopped after START_CHECK_BUDGET_S (a small
cache is checked whole; a million patrons take 5 s warm and 18 s after a reboot, which kept the
door and every `kiosk status` waiting: issue 18). A check cut short is not damage: the running
kiosk checks the whole file in the background (`whole_file_check`, the `integrity` job) and,
if it is damaged, leaves a marker (`kiosk.db.damaged`) that the next start quarantines by
without checking again. A file that fails a check, or that SQLite cannot read at all, is moved
with its -wal and -shm into
`quarantine/` next to it (0700 folder, 0600 files, timestamped; the kiosk never deletes them:
they may hold the entry log a library must answer for), and a new, empty cache is built in its
place: a full sync refills it (`http`), the learned cache starts empty (`sip2`), and the stale
policy applies meanwhile. A -shm without its -wal means the write-ahead log was deleted: the
main file is the last checkpoint, consistent but older; that is logged.
Limits: quick_check sees broken pages and b-trees, not a flipped byte inside a record's
payload (that would need page checksums, SQLite's cksumvfs, which Python does not ship).
No Qt.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from kiosk.privacy.files import PrivateFileError, require_private

log = logging.getLogger(__name__)

START_CHECK_BUDGET_S: Final = 0.5
"""How long start-up checks before the door opens; the rest is the background job's."""
MARKER_SUFFIX: Final = ".damaged"
_STEP_INSTRUCTIONS: Final = 10_000
ALWAYS_WHOLE_BYTES: Final = 16 * 1024 * 1024
"""A cache file up to this size (some 25,000 patrons; 20-40 ms to check warm) is checked whole
however loaded the machine is: a verdict on a small cache must not depend on load."""
_WATCH_S: Final = 0.02
QUARANTINE: Final = "quarantine"
_SUFFIXES: Final = ("", "-wal", "-shm", "-journal")
_MAX_PROBLEMS: Final = 3


class CacheDamaged(Exception):
    """The cache file is damaged and cannot be moved aside now (another kiosk process has it
    open); the message is one line for the technician."""


@dataclass(frozen=True, slots=True)
class Repair:
    """What start-up did about a damaged cache file."""

    damaged: Path
    problem: str
    """What quick_check (or SQLite opening the file) said, shortened."""
    moved_to: Path

    def line(self) -> str:
        return (f"{self.damaged}: damaged ({self.problem}); moved to {self.moved_to}; "
                "a new, empty cache was built (it refills with the next sync)")


class NotChecked(Exception):
    """The check could not finish now (out of time, stopped, the file locked): no verdict."""


def check(
    path: Path, budget_s: float = START_CHECK_BUDGET_S,
    stop: Callable[[], bool] = lambda: False,
) -> str | None:
    """None if `path` passes quick_check (or is absent, or could not be checked now: out of
    time, stopped, locked by another process), else what is wrong, in SQLite's words."""
    try:
        return whole_file_check(path, budget_s, stop)
    except NotChecked as err:
        log.info("%s: not checked whole now (%s); a running kiosk checks it in the background",
                 path, err)
        return None


def whole_file_check(
    path: Path, budget_s: float, stop: Callable[[], bool] = lambda: False
) -> str | None:
    """What is wrong with `path` in SQLite's words, or None if it is sound (or absent).
    NotChecked if it could not finish within `budget_s`, or `stop()` said so."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    wal = path.with_name(path.name + "-wal")
    if not wal.exists() and path.with_name(path.name + "-shm").exists():
        log.warning("%s: its write-ahead log %s is missing: changes since the last checkpoint "
                    "are lost; the file itself is checked now", path, wal.name)
    # The budget is wall time, but a small file is checked whole (ALWAYS_WHOLE_BYTES).
    small = path.stat().st_size <= ALWAYS_WHOLE_BYTES
    deadline = None if small else time.monotonic() + budget_s
    try:
        con = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=min(5.0, budget_s))
    except sqlite3.DatabaseError as err:
        return str(err)

    def over() -> bool:
        return (deadline is not None and time.monotonic() > deadline) or stop()

    done = threading.Event()

    def watch() -> None:
        # quick_check walks every page of the file in one SQLite instruction before the
        # progress handler first runs: a 0.5 s budget took 16.6 s on a cold 6 M-patron cache
        # (python -m bench.start_check). sqlite3_interrupt from this thread stops that walk.
        while not done.wait(_WATCH_S):
            if over():
                con.interrupt()

    watcher = threading.Thread(target=watch, name="integrity-deadline", daemon=True)
    watcher.start()
    try:
        con.set_progress_handler(lambda: int(over()), _STEP_INSTRUCTIONS)
        rows = [str(r[0]) for r in con.execute(f"PRAGMA quick_check({_MAX_PROBLEMS})")]
    except sqlite3.OperationalError as err:
        # Interrupted (the budget), locked or busy (another process writes), unable to open:
        # the file could not be checked now, which says nothing about damage.
        raise NotChecked(str(err)) from err
    except sqlite3.DatabaseError as err:  # SQLITE_CORRUPT, SQLITE_NOTADB
        return str(err)
    finally:
        done.set()
        watcher.join()
        con.close()
    return None if rows == ["ok"] else "; ".join(rows)[:300]


def marker(path: Path) -> Path:
    """Where the background check leaves what it found, for the next start."""
    return path.with_name(path.name + MARKER_SUFFIX)


def mark_damaged(path: Path, problem: str) -> None:
    """Leave `problem` for the next start, which quarantines `path` by it (kiosk run cannot
    move the file it has open from under its own connections)."""
    target = marker(path)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(problem + "\n")


def _marked(path: Path) -> str | None:
    try:
        text = marker(path).read_text(encoding="utf-8", errors="replace").strip()
    except FileNotFoundError:
        return None
    return f"found by the last whole-file check: {text or 'damaged'}"[:300]


def quarantine(path: Path, problem: str) -> Repair:
    """Move `path` and its companion files into `quarantine/`; they are never deleted here."""
    folder = path.parent / QUARANTINE
    folder.mkdir(mode=0o700, exist_ok=True)
    folder.chmod(0o700)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    base = folder / f"{path.name}.{stamp}"
    n = 1
    while base.exists():
        n += 1
        base = folder / f"{path.name}.{stamp}.{n}"
    for suffix in _SUFFIXES:
        source = path.with_name(path.name + suffix)
        if source.exists():
            target = base.with_name(base.name + suffix)
            source.replace(target)
            target.chmod(0o600)
    repair = Repair(path, problem, base)
    log.error("%s", repair.line())
    return repair


Verdict = Callable[[], "str | None"]
"""A check begun earlier (begin_check): calling it waits for what check() said."""


def require_private_files(database: Path) -> None:
    """PrivateFileError unless the cache file and its companions are the kiosk's alone. Asked
    before anything opens them: SQLite removes an empty -wal when the last connection closes,
    so a check after the start-up integrity check would miss one readable by others."""
    for suffix in _SUFFIXES:
        require_private(database.with_name(database.name + suffix))


def private_cache_file(url: str) -> Path | None:
    """The SQLite file behind `url` (None: not one), once it and its companions are found
    private (PrivateFileError otherwise)."""
    path = sqlite_path(url)
    if path is not None:
        require_private_files(path)
    return path


def begin_cache_check(url: str) -> Verdict | None:
    """The start-up check of the cache behind `url` begun now (begin_check); None when there
    is nothing to check, or its files are not private (refused, with its one line, when the
    cache is opened). Only this module and the standard library are imported for it, so
    `kiosk run` begins it before the kiosk's own imports."""
    try:
        path = private_cache_file(url)
    except PrivateFileError:
        return None
    return begin_check(path) if path is not None else None


def begin_check(path: Path, budget_s: float = START_CHECK_BUDGET_S) -> Verdict:
    """check(path, budget_s) begun now on a thread of its own. `kiosk run` begins it before
    importing Qt and the kiosk: SQLite walks the file with the GIL released, so the start-up
    check and the imports share the wall clock instead of adding up (issue 18: cold start)."""
    verdict: list[str | None] = []
    thread = threading.Thread(target=lambda: verdict.append(check(path, budget_s)),
                              name="integrity-start", daemon=True)
    thread.start()

    def wait() -> str | None:
        thread.join()
        if not verdict:  # the thread died: no verdict, as for a check cut short
            return None
        return verdict[0]

    return wait


def ensure_sound(
    path: Path, in_use_by: str | None = None, budget_s: float = START_CHECK_BUDGET_S,
    checked: Verdict | None = None,
) -> Repair | None:
    """Check `path` (or take the background check's marker); quarantine it if damaged.
    Returns what was done, or None.

    `in_use_by`: another process that has the file open (e.g. "kiosk run (pid 812)"): moving
    the file from under it would split the cache in two, so CacheDamaged is raised instead.
    `checked`: the check already begun (begin_check), instead of checking now.
    """
    problem = _marked(path) if path.exists() else None
    if problem is None:
        problem = checked() if checked is not None else check(path, budget_s)
    if problem is None:
        marker(path).unlink(missing_ok=True)  # a marker without its file: nothing to move
        return None
    if in_use_by is not None:
        raise CacheDamaged(f"{path}: damaged ({problem}); in use by {in_use_by}, which moves it "
                           "aside when it starts next (restart it: systemctl restart kiosk)")
    repair = quarantine(path, problem)
    marker(path).unlink(missing_ok=True)
    return repair


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or None (another database, or in memory)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database)

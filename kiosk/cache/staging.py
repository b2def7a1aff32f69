"""Where a full sync builds the new patron set: a file of its own beside the cache, attached to
the one connection that runs the sync, and removed when the sync ends.

In the cache itself, every staged page went through the WAL (written twice, checkpointed),
held the write lock the door's entry row needs, and left the cache file a third larger with
free pages. Here it is written once, without a journal or fsync, and nothing else waits for
it. The guarantee of reliability.md #6 is unchanged: only the swap writes the cache, in one
transaction, and a sync killed before it leaves a staging file that the next one deletes.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Final, cast

from sqlalchemy import Engine, Table
from sqlalchemy.orm import Session, sessionmaker

from kiosk.cache.models import STAGING_SCHEMA, StagingCredential, StagingPatron

log = logging.getLogger(__name__)
SUFFIX: Final = ".staging-"
"""`kiosk.db.staging-<pid>`: one per process that syncs, so two cannot share one."""


CACHE_KIB: Final = 2 * 1024
"""The staging file's page cache: SQLite's default. Every staged row is appended (lever 34), so
a larger one would only hold pages already written; lever 27's 32 MiB were for credentials
then inserted in the hash's random order (bench/RESULTS.md, levers 27, 29, 34)."""


SORT_THREADS: Final = 1
"""Helper threads SQLite may start for one sort (PRAGMA threads): the swap sorts the staged
credentials and builds their patron index after the last page, when the snapshot workers have
ended and their core is free (bench/RESULTS.md, lever 35)."""


def staging_path(database: Path, pid: int) -> Path:
    return database.with_name(f"{database.name}{SUFFIX}{pid}")


@contextlib.contextmanager
def staging(cache: sessionmaker[Session]) -> Iterator[sessionmaker[Session]]:
    """Sessions on one connection to the cache with an empty staging schema attached; the file
    goes at exit. Every staged page and the swap must use them.

    A cache in memory (tests) gets the connection's own temporary database, which SQLite drops
    when the connection closes."""
    engine: Engine = cache.kw["bind"]
    database = engine.url.database
    path = None
    if database and database != ":memory:":
        path = staging_path(Path(database), os.getpid())
        remove_left_over(Path(database))
        _create_private(path)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(f"ATTACH DATABASE ? AS {STAGING_SCHEMA}",
                                       (str(path) if path else "",))
            # No journal, no fsync: the file is thrown away on any failure, never repaired.
            connection.exec_driver_sql(f"PRAGMA {STAGING_SCHEMA}.journal_mode=OFF")
            connection.exec_driver_sql(f"PRAGMA {STAGING_SCHEMA}.synchronous=OFF")
            # The swap keeps the references itself (swap_staging). Enforced, they made SQLite
            # delete the live credentials row by row instead of at once, and look up each new
            # credential's patron: 7 of the 13.5 s swap at 1 M patrons (bench/RESULTS.md).
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.exec_driver_sql(f"PRAGMA {STAGING_SCHEMA}.cache_size=-{CACHE_KIB}")
            connection.exec_driver_sql(f"PRAGMA threads={SORT_THREADS}")
            connection.commit()
            for model in (StagingPatron, StagingCredential):
                cast(Table, model.__table__).create(connection)
            connection.commit()
            try:
                yield sessionmaker(connection, expire_on_commit=False)
            finally:
                connection.rollback()
                connection.exec_driver_sql(f"DETACH DATABASE {STAGING_SCHEMA}")
                # The connection goes back to the pool: the next user expects enforcement,
                # and no helper threads.
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.exec_driver_sql("PRAGMA threads=0")
    finally:
        if path is not None:
            path.unlink(missing_ok=True)


def remove_left_over(database: Path) -> None:
    """Delete the staging files of syncs that were killed: their process is gone."""
    for path in database.parent.glob(f"{database.name}{SUFFIX}*"):
        pid = path.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            log.info("removing %s, left by a full sync that did not finish", path.name)
            path.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # ours from an earlier sync of this process that could not clean up
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _create_private(path: Path) -> None:
    path.unlink(missing_ok=True)
    # Patron ids, first names and keyed hashes: 0600 like the cache (SQLite would use 0644).
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))

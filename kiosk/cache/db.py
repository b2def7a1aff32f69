"""Engine and sessions: SQLite pragmas (WAL, foreign keys, secure_delete), 0600 file, migrations."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.cache.integrity import require_private_files

MIGRATIONS = Path(__file__).parent / "migrations"
HEAD_REVISION = "0010"
"""The newest migration. A cache already at it opens without loading alembic: 0.3 s of
imports for every verb and every start (issue 18). tests/kiosk/cache/test_migrations_head.py
holds it to the scripts in migrations/versions."""
BUSY_TIMEOUT_MS = 5000
log = logging.getLogger(__name__)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL: readers (the door) never wait for a sync writer. secure_delete: deleted rows are
    # overwritten, so purged personal data is gone from the file (DESIGN.md privacy table).
    # synchronous=FULL: an entry-log row that was committed survives a power cut.
    for pragma in (
        "journal_mode=WAL",
        "foreign_keys=ON",
        "secure_delete=ON",
        "synchronous=FULL",
        f"busy_timeout={BUSY_TIMEOUT_MS}",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for any SQLAlchemy URL; SQLite files are created 0600 with our pragmas."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    database = parsed.database or ""
    if database and database != ":memory:":
        _create_private(Path(database))
        require_private_files(Path(database))
    engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _create_private(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        # SQLite gives the -wal and -shm files the main file's mode, so 0600 here covers them.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


def migrate(engine: Engine) -> None:
    """Create or upgrade the schema to the newest Alembic revision."""
    if schema_revision(engine) == HEAD_REVISION:
        return
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


def schema_revision(engine: Engine) -> str | None:
    """The cache's Alembic revision; None for a new database (no alembic_version table)."""
    try:
        with engine.connect() as connection:
            found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError:
        return None
    return str(found) if found is not None else None


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


CHECKPOINT_TRIES = 3
CHECKPOINT_WAIT_MS = 1000
"""Per try, how long the checkpoint waits for readers on an older snapshot (busy handler)."""


def checkpoint(engine: Engine, tries: int = CHECKPOINT_TRIES) -> bool:
    """Fold the WAL into the main file and truncate it, so deleted rows leave no copy there.

    False when it could not complete: another connection's read transaction still needs the
    old pages (the purged rows are then still in kiosk.db and its WAL). Tried `tries` times."""
    if engine.dialect.name != "sqlite":
        return True
    for attempt in range(tries):
        with engine.connect() as connection:
            connection.exec_driver_sql(f"PRAGMA busy_timeout={CHECKPOINT_WAIT_MS}")
            try:
                busy, frames, moved = connection.execute(
                    text("PRAGMA wal_checkpoint(TRUNCATE)")).one()
            finally:
                connection.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if busy == 0 and frames == moved:
            return True
        log.info("checkpoint try %d of %d: a reader holds an older snapshot", attempt + 1, tries)
    return False


def open_database(url: str) -> tuple[Engine, sessionmaker[Session]]:
    engine = make_engine(url)
    migrate(engine)
    return engine, session_factory(engine)

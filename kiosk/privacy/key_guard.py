"""The installation key and the cache belong together: the key's fingerprint is kept in the
cache, and a cache made with one key is never used with another.

A deleted key file used to be replaced silently by a new key; every card was then
`unknown_card`, with no word of why. Now a missing or different key, with anything keyed in the
cache, stops every verb (exit 2) naming the key file; `kiosk key-reset` is the technician's
explicit way out: it erases what the old key made and adopts the key file as it is now.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.cache import queries
from kiosk.cache.models import Credential, Lockout, OutboxItem, Patron
from kiosk.cache.patrons import erase_patron_traces
from kiosk.privacy.keyed_hash import KeyFileError, fingerprint, load_or_create_key

log = logging.getLogger(__name__)
FINGERPRINT_KEY: Final = "key_fingerprint"
KEYED_TABLES: Final[tuple[Any, ...]] = (Patron, Credential, Lockout)
"""Rows made with (or found through) the key: useless, and misleading, under another key. (The
staging tables are a file that lives only while a full sync runs: kiosk/cache/staging.py.)"""
SYNC_FACTS: Final = ("sync_cursor", "last_sync_success")
"""kiosk/jobs/sync.py's cursor and last success: without them the next sync is a full one and
the empty cache is not taken for a fresh one."""
RESET_HINT: Final = ("restore the key file from the kiosk's backup, or run `kiosk key-reset` "
                     "(erases the cached patrons; the next sync or visit brings them back)")


def _any_keyed(session: Session) -> bool:
    """Whether any keyed row exists: one row is enough. Counting them read every page of the
    patrons and credentials indexes on every start and every verb, 1.3 s with a cold page
    cache at 1 M patrons (issue 18)."""
    return any(session.scalar(select(exists().select_from(t))) for t in KEYED_TABLES)


def guarded_key(path: Path, sessions: sessionmaker[Session]) -> bytes:
    """The installation key, if it is the one the cache was made with (or the cache is empty).

    Creates the key on first start. Raises KeyFileError, naming `path`, when the file is
    missing or holds another key while the cache holds keyed rows."""
    with sessions() as session:
        stored = queries.get_state(session, FINGERPRINT_KEY)
        keyed = _any_keyed(session)
    if stored is not None and keyed and not path.exists():
        raise KeyFileError(f"{path}: the installation key is missing, but the cache was made "
                           f"with key {stored}; {RESET_HINT}")
    key = load_or_create_key(path)
    now = fingerprint(key)
    if stored is not None and stored != now and keyed:
        raise KeyFileError(f"{path}: another key (fingerprint {now}) than the one the cache "
                           f"was made with ({stored}); {RESET_HINT}")
    if stored != now:
        with sessions.begin() as session:
            queries.set_state(session, FINGERPRINT_KEY, now)
    return key


@dataclass(frozen=True, slots=True)
class ResetReport:
    erased: dict[str, int]
    fingerprint: str


def reset_key(path: Path, sessions: sessionmaker[Session]) -> ResetReport:
    """Erase every keyed row (and the sync cursor, so the next sync is a full one), then adopt
    the key file as it is, creating it if it is missing. The caller checkpoints the WAL."""
    key = load_or_create_key(path)
    erased: dict[str, int] = {}
    with sessions.begin() as session:
        ids = list(session.scalars(select(Patron.patron_id)))
        erase_patron_traces(session, ids)
        for table in (*KEYED_TABLES, OutboxItem):
            where = _sealed_outbox() if table is OutboxItem else None
            count = select(func.count()).select_from(table)
            erased[table.__tablename__] = session.scalar(
                count.where(where) if where is not None else count) or 0
            session.execute(delete(table).where(where) if where is not None else delete(table))
        for name in SYNC_FACTS:
            queries.delete_state(session, name)
        queries.set_state(session, FINGERPRINT_KEY, fingerprint(key))
    log.warning("installation key reset: %s", ", ".join(f"{t}={n}" for t, n in erased.items()))
    return ResetReport(erased, fingerprint(key))


def _sealed_outbox() -> Any:
    """Outbox rows whose payload only the old key could open (offline loans)."""
    return OutboxItem.payload.like('%"patron_sealed"%')

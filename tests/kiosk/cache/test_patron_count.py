"""The patron count the triggers keep (kiosk/cache/counting.py) is the table's, whoever writes.

`kiosk status`, the metrics and the technician screen read it instead of counting a table of
millions (issue 18); a wrong number there would mislead a technician, so every writer is here.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from kioskkit import patron
from sqlalchemy import delete, text
from sqlalchemy.orm import Session, sessionmaker

from kiosk.cache import queries
from kiosk.cache.counting import (
    COUNT_VERIFIERS,
    FAST_KEY,
    MEMORY_HARD_KEY,
    PATRON_COUNT_KEY,
    TRIGGERS,
)
from kiosk.cache.db import MIGRATIONS, make_engine, migrate, session_factory
from kiosk.cache.models import Patron
from kiosk.cache.patrons import apply_records
from kiosk.cache.staging import staging
from kiosk.cache.swap import swap_staging
from kiosk.privacy.keyed_hash import KeyedHasher
from kiosk.privacy.verifiers import verifier_counts
from sync.records import PatronRecord

HASHER = KeyedHasher(bytes(range(32)))
TODAY = date(2026, 11, 21)


@pytest.fixture
def sessions(tmp_path: Path) -> sessionmaker[Session]:
    engine = make_engine(f"sqlite:///{tmp_path / 'kiosk.db'}")
    migrate(engine)
    return session_factory(engine)


def _people(first: int, count: int) -> list[PatronRecord]:
    return [patron(patron_id=str(first + n), cards=[{"number": f"33{first + n:08d}"}],
                   cpr=None) for n in range(count)]


def _agrees(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        counted = session.scalar(text("SELECT count(*) FROM patrons"))
        kept = queries.get_state(session, PATRON_COUNT_KEY)  # what status reads, not a count
        assert queries.patron_count(session) == counted
        by_kind = {str(k): int(n) for k, n in session.execute(text(COUNT_VERIFIERS))}
        for key in (FAST_KEY, MEMORY_HARD_KEY):
            assert queries.get_state(session, key) == str(by_kind.get(key, 0)), key
        assert verifier_counts(session) == {"fast": by_kind.get(FAST_KEY, 0),
                                            "memory_hard": by_kind.get(MEMORY_HARD_KEY, 0)}
    assert kept == str(counted)
    return int(kept)


def _upgrade_two(sessions: sessionmaker[Session]) -> None:
    """As the background upgrade does: hk1 -> argon2id, one UPDATE per patron."""
    with sessions.begin() as session:
        ids = session.scalars(text("SELECT patron_id FROM patrons WHERE pin_verifier LIKE "
                                   "'hk1$%' ORDER BY patron_id LIMIT 2")).all()
        for patron_id in ids:
            session.execute(text("UPDATE patrons SET pin_verifier = 'a2k1$x' "
                                 "WHERE patron_id = :id"), {"id": patron_id})
        session.execute(text("UPDATE patrons SET pin_verifier = NULL WHERE patron_id = :id"),
                        {"id": ids[0]})  # and one loses its PIN


def test_the_count_follows_deltas_full_syncs_and_deletes(sessions: sessionmaker[Session]) -> None:
    assert _agrees(sessions) == 0
    with sessions.begin() as session:  # an import or a delta: new patrons
        apply_records(session, _people(1000, 30), HASHER, today=TODAY)
    assert _agrees(sessions) == 30
    with sessions.begin() as session:  # changed, deleted and new in one page
        changed = _people(1000, 5)
        gone = [patron(patron_id=str(1010 + n), deleted=True) for n in range(4)]
        apply_records(session, [*changed, *gone, *_people(5000, 2)], HASHER, today=TODAY)
    assert _agrees(sessions) == 28
    _upgrade_two(sessions)
    assert _agrees(sessions) == 28
    with staging(sessions) as staged:  # a full sync: staged, then swapped in
        with staged.begin() as session:
            apply_records(session, _people(2000, 12), HASHER, staging=True, today=TODAY)
        with staged.begin() as session:
            swap_staging(session)
    assert _agrees(sessions) == 12
    with sessions.begin() as session:  # the purge, the learned cache (ORM and core deletes)
        session.execute(delete(Patron).where(Patron.patron_id.in_(["2000", "2001"])))
        session.delete(session.get(Patron, "2002"))
        session.add(Patron(patron_id="learned", opt_in=True, patron_group=""))
    assert _agrees(sessions) == 10
    with sessions() as session:  # the swap made its triggers again
        names = session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        assert set(TRIGGERS) <= set(names)


def test_a_failed_swap_keeps_the_triggers_and_the_count(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        apply_records(session, _people(1000, 3), HASHER, today=TODAY)
    with staging(sessions) as staged:
        with staged.begin() as session:
            apply_records(session, _people(2000, 5), HASHER, staging=True, today=TODAY)

        def swap_then_fail() -> None:
            with staged.begin() as session:
                swap_staging(session)
                raise RuntimeError("killed after the swap, before the commit")

        with pytest.raises(RuntimeError):
            swap_then_fail()
    assert _agrees(sessions) == 3
    with sessions.begin() as session:
        apply_records(session, _people(3000, 1), HASHER, today=TODAY)
    assert _agrees(sessions) == 4


def test_the_migration_counts_an_existing_cache_and_writes_the_module_triggers(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    engine = make_engine(f"sqlite:///{path}")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0006")
    sessions = session_factory(engine)
    with sessions.begin() as session:
        apply_records(session, _people(1000, 7), HASHER, today=TODAY)
        session.execute(text("UPDATE patrons SET pin_verifier = 'a2k1$x' WHERE patron_id = '1003'"))
    migrate(engine)

    assert _agrees(sessions) == 7
    with sqlite3.connect(path) as db:
        written = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    assert written == TRIGGERS

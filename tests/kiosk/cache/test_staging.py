"""A full sync's staging file (kiosk/cache/staging.py): private, gone afterwards, and never in
the way of the door's writes to the cache."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from kioskkit import patron
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.cache.db import make_engine, migrate, session_factory
from kiosk.cache.models import Credential, EntryLog, Patron, StagingPatron
from kiosk.cache.patrons import apply_records
from kiosk.cache.staging import SORT_THREADS, staging, staging_path
from kiosk.cache.swap import swap_staging
from kiosk.privacy.keyed_hash import KeyedHasher

HASHER = KeyedHasher(bytes(range(32)))
TODAY = date(2026, 11, 21)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "kiosk.db"


@pytest.fixture
def sessions(db: Path) -> sessionmaker[Session]:
    engine = make_engine(f"sqlite:///{db}")
    migrate(engine)
    return session_factory(engine)


def _files(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.iterdir())


def test_the_staging_file_is_private_while_it_lives_and_gone_after(
    db: Path, sessions: sessionmaker[Session],
) -> None:
    before = _files(db)
    with staging(sessions) as staged:
        with staged.begin() as session:
            apply_records(session, [patron()], HASHER, staging=True, today=TODAY)
        [path] = [db.parent / n for n in set(_files(db)) - set(before)]
        assert path.name.startswith("kiosk.db.staging-")
        assert path.stat().st_mode & 0o777 == 0o600
        assert path.stat().st_size > 0
        with staged.begin() as session:
            swap_staging(session)
    assert _files(db) == before
    # The cache itself holds no staging table any more (migration 0010).
    tables = {r[0] for r in sqlite3.connect(db).execute("SELECT name FROM sqlite_master")}
    assert not {t for t in tables if t.startswith("staging")}


def test_a_failed_full_sync_removes_its_staging_file(
    db: Path, sessions: sessionmaker[Session],
) -> None:
    before = _files(db)

    def fail_after_a_page() -> None:
        with staging(sessions) as staged:
            with staged.begin() as session:
                apply_records(session, [patron()], HASHER, staging=True, today=TODAY)
            raise RuntimeError("the central went away")

    with pytest.raises(RuntimeError):
        fail_after_a_page()
    assert _files(db) == before


def test_a_staging_file_left_by_a_killed_sync_goes_at_the_next(
    db: Path, sessions: sessionmaker[Session],
) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    left = staging_path(db, int(dead.stdout))
    left.write_bytes(b"half a sync")
    live = staging_path(db, 1)  # init never exits: another sync that still runs
    live.write_bytes(b"busy")
    with staging(sessions) as staged, staged() as session:
        # A fresh file, not the left-over one: the staging tables start empty.
        assert session.scalar(select(func.count()).select_from(StagingPatron)) == 0
    assert not left.exists()
    assert live.exists()


def test_a_card_staged_twice_belongs_to_the_later_record_after_the_swap(
    sessions: sessionmaker[Session],
) -> None:
    """A snapshot may give a card to one patron on a page and to another later (the card
    moved while the central paged), and may name a patron on two pages: the later wins."""
    card = [{"number": "3300000777"}]
    with staging(sessions) as staged:
        with staged.begin() as session:
            apply_records(session, [patron(patron_id="1", cpr=None, cards=card),
                                    patron(patron_id="2", cpr=None, name="Old Bo", cards=[])],
                          HASHER, staging=True, today=TODAY)
        with staged.begin() as session:
            apply_records(session, [patron(patron_id="2", cpr=None, name="New Bo", cards=card)],
                          HASHER, staging=True, today=TODAY)
        with staged.begin() as session:
            counts = swap_staging(session)
    assert counts.upserted == 2
    cid = HASHER.credential_id("card", "3300000777")
    with sessions() as session:
        owners = session.execute(select(Credential.patron_id).where(Credential.id == cid))
        assert owners.scalars().all() == ["2"]
        assert session.scalar(select(Patron.name).where(Patron.patron_id == "2")) == "New"
        assert session.scalar(select(func.count()).select_from(Credential)) == 1


def test_a_card_moved_to_a_lower_patron_id_belongs_to_the_later_page(
    sessions: sessionmaker[Session],
) -> None:
    # The swap sorts the staged credentials by hash: the page order, not the patron ids,
    # must decide between two rows of one card.
    card = [{"number": "3300000778"}]
    with staging(sessions) as staged:
        for owner in ("9", "8"):
            with staged.begin() as session:
                apply_records(session, [patron(patron_id=owner, cpr=None, cards=card)],
                              HASHER, staging=True, today=TODAY)
        with staged.begin() as session:
            swap_staging(session)
    with sessions() as session:
        owners = session.scalars(select(Credential.patron_id)).all()
    assert owners == ["8"]


def test_a_patrons_other_cards_are_staged_apart_and_all_swapped_in(
    sessions: sessionmaker[Session],
) -> None:
    # A staged patron row holds the CPR and first card (lever 36); more cards go to their own
    # staging rows, and a card moving between the two places keeps the later record's owner.
    cards = [{"number": "3300000801"}, {"number": "3300000802", "status": "lost"},
             {"number": "3300000803"}]
    with staging(sessions) as staged:
        with staged.begin() as session:
            apply_records(session, [patron(patron_id="5", cards=cards),
                                    patron(patron_id="6", cpr=None, cards=[cards[2]])],
                          HASHER, staging=True, today=TODAY)
        # A later page: patron 7's second card was patron 5's first, patron 4's first card
        # was patron 5's second.
        with staged.begin() as session:
            apply_records(session, [patron(patron_id="7", cpr=None,
                                           cards=[{"number": "3300000899"}, cards[0]]),
                                    patron(patron_id="4", cpr=None, cards=[cards[1]])],
                          HASHER, staging=True, today=TODAY)
        with staged.begin() as session:
            swap_staging(session)
    with sessions() as session:
        live = {(row.id, row.patron_id, row.kind, row.status)
                for row in session.scalars(select(Credential))}
    card = lambda number: HASHER.credential_id("card", number)  # noqa: E731
    cpr = HASHER.credential_id("cpr", patron().cpr or "")
    assert live == {
        (cpr, "5", "cpr", "active"),
        (card("3300000801"), "7", "card", "active"),  # moved to a second card, later
        (card("3300000802"), "4", "card", "lost"),    # moved from a second card, later
        (card("3300000803"), "6", "card", "active"),  # 5's third card, then 6's first
        (card("3300000899"), "7", "card", "active"),
    }


def test_an_unchanged_pin_is_not_hashed_cheaply_into_the_staging_file(
    db: Path, sessions: sessionmaker[Session],
) -> None:
    # The staging file is unlinked after the sync, but its blocks stay on the disk: a fresh
    # hk1 of a PIN whose cached verifier is memory-hard would undo the upgrade there. (A swap
    # that chose the kept verifier itself, with every page hashed afresh, did: lever 33.)
    record = patron(patron_id="1", pin="1234", pin_version="7", pin_verifier=None)
    with sessions.begin() as session:
        apply_records(session, [record], HASHER, today=TODAY)
        live = session.get(Patron, "1")
        assert live is not None
        assert live.pin_verifier is not None
        live.pin_verifier = HASHER.upgrade(live.pin_verifier)
        upgraded = live.pin_verifier
    cheap = HASHER.fast_verifier("1", "1234")[len("hk1$"):].encode()
    with staging(sessions) as staged:
        with staged.begin() as session:
            apply_records(session, [record], HASHER, staging=True, today=TODAY)
        assert cheap not in staging_path(db, os.getpid()).read_bytes()
        with staged.begin() as session:
            swap_staging(session)
    with sessions() as session:
        assert session.scalar(select(Patron.pin_verifier)) == upgraded


def test_the_door_writes_to_the_cache_while_a_page_is_being_staged(
    db: Path, sessions: sessionmaker[Session],
) -> None:
    """A staged page used to hold the cache's write lock until it committed: the door's entry
    row waited for it (busy_timeout). Staging now writes another file."""
    with staging(sessions) as staged, staged.begin() as session:
        apply_records(session, [patron()], HASHER, staging=True, today=TODAY)
        door = sqlite3.connect(db, timeout=0)  # no waiting: a held lock fails at once
        door.execute("INSERT INTO entry_log (at, mode, reason, granted, credential_kind,"
                     " rule_set_version, technician, repeats) VALUES (?, 'x', 'ok', 1, 'cpr',"
                     " '', 0, 1)", (datetime(2026, 11, 21, tzinfo=UTC).isoformat(),))
        door.commit()
        door.close()
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(EntryLog)) == 1


def test_the_swap_keeps_every_reference_whole_though_nothing_enforces_them(
    db: Path, sessions: sessionmaker[Session],
) -> None:
    """The staging connection runs without foreign-key enforcement (7 s of a 1 M swap): the
    swap itself must leave no row without its patron. Here a card moves to another patron, one
    patron is named on two pages and one with a CPR is left out of the snapshot (removed). A
    removed patron's loans, debts, messages and reservations: tests/kiosk/access/test_access.py
    (the swap's cascade test)."""
    card = [{"number": "3300000777"}]
    with staging(sessions) as staged, staged.begin() as session:
        apply_records(session, [patron(patron_id="1", cpr=None, cards=card),
                                patron(patron_id="3", cpr="0101901234", cards=[])],
                      HASHER, staging=True, today=TODAY)
        swap_staging(session)
    with staging(sessions) as staged:
        with staged.begin() as session:
            apply_records(session, [patron(patron_id="1", cpr=None, cards=card),
                                    patron(patron_id="2", cpr=None, cards=[])],
                          HASHER, staging=True, today=TODAY)
        with staged.begin() as session:
            apply_records(session, [patron(patron_id="2", cpr=None, cards=card)],
                          HASHER, staging=True, today=TODAY)
        with staged.begin() as session:
            counts = swap_staging(session)
    assert (counts.upserted, counts.deleted) == (2, 1)
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA foreign_key_check").fetchall() == []
        owners = check.execute("SELECT patron_id FROM credentials ORDER BY patron_id")
        assert [r[0] for r in owners] == ["2"]  # the card moved; patron 3's CPR went with 3


def test_the_cache_enforces_references_again_after_a_full_sync(
    sessions: sessionmaker[Session],
) -> None:
    with staging(sessions) as staged, staged.begin() as session:
        used = session.connection().connection.dbapi_connection
        # The swap's sorts may use a helper thread (lever 35); the door's queries may not.
        assert session.connection().exec_driver_sql("PRAGMA threads").scalar() == SORT_THREADS
        apply_records(session, [patron()], HASHER, staging=True, today=TODAY)
        swap_staging(session)
    with sessions() as session:
        connection = session.connection()
        assert connection.connection.dbapi_connection is used  # the pool gave it back
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA threads").scalar() == 0


def _row(sessions: sessionmaker[Session], patron_id: str) -> dict[str, object]:
    with sessions() as session:
        found = session.get(Patron, patron_id)
        assert found is not None
        return {c.name: getattr(found, c.name) for c in Patron.__table__.columns}


@pytest.mark.parametrize("blocked", [None, {"reason": "debt", "since": "2026-10-01"}])
def test_a_full_sync_makes_every_column_as_a_delta_does_over_a_learned_row(
    tmp_path: Path, blocked: dict[str, str] | None,
) -> None:
    """A full sync stages only the columns that vary (lever 28) and its swap writes the rest:
    a row the SIP2 learned cache made becomes a synced one, column for column the row a delta
    of the same record makes."""
    record = patron(patron_id="7", name="Bo Ek", debt_dkk="12.50", blocked=blocked,
                    last_activity="2026-11-01", updated_at="2026-11-20T08:30:00.123456+01:00")
    caches = []
    for name in ("full", "delta"):
        engine = make_engine(f"sqlite:///{tmp_path / name}.db")
        migrate(engine)
        sessions = session_factory(engine)
        with sessions.begin() as session:
            session.add(Patron(
                patron_id="7", name="Bo", learned=True, sip2_ref="sealed-ref",
                verified_at=datetime(2026, 11, 19, 12, tzinfo=UTC), reservations_ready=2,
                home_branch="Vest", municipality="0101", blocked_since=date(2026, 1, 1),
                pin_verifier="hk1$learned", opt_in=True, patron_group="adult"))
        caches.append(sessions)
    full, delta = caches
    with staging(full) as staged:
        with staged.begin() as session:
            apply_records(session, [record], HASHER, staging=True, today=TODAY)
        with staged.begin() as session:
            swap_staging(session)
    with delta.begin() as session:
        apply_records(session, [record], HASHER, today=TODAY)
    synced = _row(full, "7")
    assert synced == _row(delta, "7")
    assert (synced["learned"], synced["sip2_ref"], synced["verified_at"],
            synced["reservations_ready"], synced["home_branch"], synced["blocked_since"]) == (
        False, None, None, None, "", None)
    assert (synced["name"], synced["debt_ore"], synced["last_activity"]) == (
        "Bo", 1250, date(2026, 11, 1))
    assert synced["blocked_reason"] == (None if blocked is None else "debt")
    assert synced["updated_at"] == datetime(2026, 11, 20, 7, 30, 0, 123456, tzinfo=UTC)

"""A full sync's swap: the staged patron set replaces the live one in one transaction
(reliability.md #6). The rows are staged by kiosk/cache/patrons.py (stage_rows, write_staged)
in the staging file (kiosk/cache/staging.py)."""

from __future__ import annotations

from typing import Final, cast

from sqlalchemy import Connection, Table, delete, false, func, select
from sqlalchemy.orm import Session

from drivers.types import CardKind
from kiosk.cache import counting
from kiosk.cache.bulk import converted, upsert_clause
from kiosk.cache.models import Credential, Lockout, Patron, StagingPatron
from kiosk.cache.patrons import (
    ACTIVE,
    CREDENTIAL_COLUMNS,
    STAGED_PATRON_COLUMNS,
    STAGING_CREDENTIALS,
    STAGING_PATRONS,
    SYNCED,
    ApplyCounts,
    chunks,
    erase_patron_traces,
)

_DEPENDENTS: Final = tuple(
    table for table in Patron.metadata.sorted_tables
    for fk in table.foreign_keys
    if fk.column is Patron.__table__.c.patron_id and fk.ondelete == "CASCADE"
)
"""The tables whose rows a patron's delete cascades to (credentials, loans, debts, messages,
reservations): the swap deletes them itself (kiosk/cache/staging.py)."""
_SWAP_CREDENTIALS: Final = (
    f"INSERT OR REPLACE INTO {Credential.__tablename__} ({', '.join(CREDENTIAL_COLUMNS)})"  # noqa: S608
    " SELECT id, patron_id, kind, status FROM ("
    f"SELECT cpr_id AS id, patron_id, ?1 AS kind, ?2 AS status, rowid AS position"
    f" FROM {STAGING_PATRONS} WHERE cpr_id IS NOT NULL"
    f" UNION ALL SELECT card_id, patron_id, ?3, card_status, rowid"
    f" FROM {STAGING_PATRONS} WHERE card_id IS NOT NULL"
    f" UNION ALL SELECT id, patron_id, kind, status, position FROM {STAGING_CREDENTIALS}"
    ") ORDER BY id, position")


def swap_staging(session: Session) -> ApplyCounts:
    """Replace the live patrons with the staged set in the caller's one transaction.

    The staging connection runs without foreign-key enforcement (kiosk/cache/staging.py): the
    swap keeps the references itself. It deletes a removed patron's dependent rows as ON
    DELETE CASCADE would, and every staged credential's patron is a staged patron
    (`write_staged` replaces a patron's rows together)."""
    # Only the (few) removed ids come into Python: two sets of a million ids were 180 MB of
    # the full sync's peak RSS (bench, 1M patrons).
    removed = list(session.scalars(
        select(Patron.patron_id)
        .where(Patron.patron_id.not_in(select(StagingPatron.patron_id)))
        .order_by(Patron.patron_id)
    ))
    staged = session.scalar(select(func.count()).select_from(StagingPatron)) or 0
    # Building the credentials' secondary index once, sorted, is ~10x faster than updating it
    # row by row in random (HMAC) order: swap of 1M patrons 53 s -> 14 s (bench). Readers
    # (WAL) keep the old table and index until this transaction commits.
    connection = session.connection()
    # pysqlite begins its transaction at the first INSERT/UPDATE/DELETE and runs DDL before
    # that in autocommit: a kill -9 then left the index dropped (tests/faults). Begin it with a
    # statement that changes nothing, so the drop is undone with everything else.
    session.execute(delete(Lockout).where(false()))
    indexes = list(Credential.metadata.tables[Credential.__tablename__].indexes)
    for index in indexes:
        index.drop(connection)
    session.execute(delete(Credential))
    with counting.suspended(connection) as count:  # 2 M trigger runs at 1 M patrons: none
        erase_patron_traces(session, removed)
        for chunk in chunks(removed, 500):
            for table in _DEPENDENTS:  # the cascade, done here: no foreign-key enforcement
                session.execute(delete(table).where(table.c.patron_id.in_(chunk)))
            session.execute(delete(Patron).where(Patron.patron_id.in_(chunk)))
        # Who stays is updated in place, not deleted and inserted again: a delete cascades to
        # the patron's loans, debts, messages and reservations (it wiped them all at every full
        # sync), and checking those four tables per deleted row took 0.66 s per 100,000.
        _upsert_staged_patrons(connection)
        count.append(staged)
    # In key order (a B-tree filled in order); a number staged twice comes out twice, the
    # later record's row last, and replaces the earlier: the newest record owns it.
    connection.exec_driver_sql(_SWAP_CREDENTIALS, (CardKind.CPR, ACTIVE, CardKind.CARD))
    for index in indexes:
        index.create(connection)
    return ApplyCounts(upserted=staged, deleted=len(removed))


def _upsert_staged_patrons(connection: Connection) -> None:
    staged = ", ".join(STAGED_PATRON_COLUMNS)
    constant = list(SYNCED)
    (values,) = converted(cast(Table, Patron.__table__), constant, [tuple(SYNCED.values())],
                          connection.dialect)
    columns = [*STAGED_PATRON_COLUMNS, *constant]
    # "WHERE true": SQLite's documented way to tell an upsert's ON from a join's. In key
    # order: a central that pages in another order than patron_id's would otherwise make
    # every row a random insert into the patrons' key (bench/RESULTS.md, stop 29).
    connection.exec_driver_sql(
        f"INSERT INTO {Patron.__tablename__} ({', '.join(columns)}) "  # noqa: S608 - model names
        f"SELECT {staged}, {', '.join('?' * len(constant))} FROM {STAGING_PATRONS}"
        " WHERE true ORDER BY patron_id"
        + upsert_clause(columns, "patron_id"), values)

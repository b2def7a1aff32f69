"""Patron records -> cache rows: keyed hashes for CPR and cards, PIN verifiers, erasure.

Shared by `kiosk import-patrons` and every sync. Works page by page with bulk statements, so
a million records stream through in bounded memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from operator import itemgetter
from typing import Any

from sqlalchemy import delete, false, func, insert, select, update
from sqlalchemy.orm import Session

from drivers.cpr import cpr_birth_date, normalise_cpr
from kiosk.cache.models import (
    Credential,
    EntryLog,
    Lockout,
    Patron,
    StagingCredential,
    StagingPatron,
)
from kiosk.credentials import normalise_card
from kiosk.keyed_hash import KeyedHasher
from sync.records import PatronRecord, RecordError


@dataclass(slots=True)
class ApplyCounts:
    upserted: int = 0
    deleted: int = 0

    def add(self, other: ApplyCounts) -> None:
        self.upserted += other.upserted
        self.deleted += other.deleted


def patron_row(record: PatronRecord, hasher: KeyedHasher) -> dict[str, Any]:
    verifier = None
    if record.pin is not None:
        verifier = hasher.fast_verifier(record.patron_id, record.pin)
    elif record.pin_verifier is not None:
        try:
            verifier = hasher.wrap_upstream(record.pin_verifier)
        except ValueError as err:
            raise RecordError(record.patron_id, "pin_verifier", str(err)) from None
    blocked = record.blocked
    return {
        "patron_id": record.patron_id,
        "name": record.name,
        # issue 2: minimum age "from CPR or birth date"; the CPR itself is not kept.
        "birth_date": record.birth_date or (cpr_birth_date(record.cpr) if record.cpr else None),
        "patron_group": record.patron_group,
        "blocked_reason": (blocked.reason or "?") if blocked is not None else None,
        "blocked_since": blocked.since if blocked is not None else None,
        "debt_ore": int(record.debt_dkk * 100),
        "opt_in": record.self_service_opt_in,
        "home_branch": record.home_branch,
        "municipality": record.municipality,
        "last_activity": record.last_activity,
        "updated_at": record.updated_at,
        "pin_verifier": verifier,
        "verified_at": None,
        "reservations_ready": None,
    }


def credential_rows(record: PatronRecord, hasher: KeyedHasher) -> list[dict[str, Any]]:
    rows: dict[bytes, dict[str, Any]] = {}
    if record.cpr is not None:
        cpr = normalise_cpr(record.cpr)
        if cpr is None:
            raise RecordError(record.patron_id, "cpr", "not a valid CPR date")
        cid = hasher.credential_id("cpr", cpr)
        rows[cid] = {"id": cid, "patron_id": record.patron_id, "kind": "cpr", "status": "active"}
    for card in record.cards:
        cid = hasher.credential_id("card", normalise_card(card.number))
        rows[cid] = {
            "id": cid, "patron_id": record.patron_id, "kind": "card", "status": card.status,
        }
    return list(rows.values())


def apply_records(
    session: Session, records: Sequence[PatronRecord], hasher: KeyedHasher, staging: bool = False
) -> ApplyCounts:
    """Upsert and delete one page of records; the caller owns the transaction."""
    patron_table: Any = StagingPatron if staging else Patron
    cred_table: Any = StagingCredential if staging else Credential
    latest = {r.patron_id: r for r in records}  # a page may name a patron twice: last wins
    gone = [pid for pid, r in latest.items() if r.deleted]
    keep = [r for r in latest.values() if not r.deleted]
    patrons = [patron_row(r, hasher) for r in keep]
    creds = [row for r in keep for row in credential_rows(r, hasher)]
    ids = list(latest)
    if staging:
        ids = _already_staged(session, ids)
    if gone and not staging:
        erase_patron_traces(session, gone)  # needs their credentials, so before deleting
    for chunk in _chunks(ids, 500):
        session.execute(delete(cred_table).where(cred_table.patron_id.in_(chunk)))
        session.execute(delete(patron_table).where(patron_table.patron_id.in_(chunk)))
    if creds and not staging:
        # A card moved from another patron: the newest record owns it. (Staging is
        # append-only; swap_staging keeps the newest row per card.)
        for chunk in _chunks([c["id"] for c in creds], 500):
            session.execute(delete(cred_table).where(cred_table.id.in_(chunk)))
    _insert_all(session, patron_table.__table__, patrons)
    _insert_all(session, cred_table.__table__, creds)
    return ApplyCounts(upserted=len(patrons), deleted=len(gone))


def _already_staged(session: Session, ids: list[str]) -> list[str]:
    """The ids an earlier page of this full sync staged. A snapshot names each patron once, so
    this is nearly always empty, and one key probe per id is far cheaper than the deletes it
    spares (16 s of a 1M-patron full sync, bench)."""
    found: list[str] = []
    for chunk in _chunks(ids, 500):
        found += session.scalars(
            select(StagingPatron.patron_id).where(StagingPatron.patron_id.in_(chunk)))
    return found


def _insert_all(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """One executemany straight to the driver, values converted by the columns' own bind
    processors. The ORM's bulk insert spent two thirds of a full sync building parameters
    (bench: 1M patrons 120 s -> see bench/RESULTS.md); the rows already hold every column."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    columns = list(rows[0])
    pick = itemgetter(*columns)
    params = [list(pick(row)) for row in rows]
    for i, column in enumerate(columns):
        process = table.c[column].type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:  # dates, booleans; strings and ints pass as they are
            for values in params:
                values[i] = process(values[i])
    names = ", ".join(columns)
    marks = ", ".join("?" * len(columns))
    sql = f"INSERT INTO {table.name} ({names}) VALUES ({marks})"  # noqa: S608 - model names
    connection.exec_driver_sql(sql, [tuple(values) for values in params])


def erase_patron_traces(session: Session, patron_ids: Sequence[str]) -> None:
    """Erasure beyond the rows that cascade: the entry log keeps its counts but loses the
    person, and lockouts keyed by the patron's credential hashes go. Call it before the
    patron's credentials are deleted."""
    for chunk in _chunks(list(patron_ids), 500):
        session.execute(
            update(EntryLog).where(EntryLog.patron_id.in_(chunk)).values(patron_id=None)
        )
        their_credentials = select(Credential.id).where(Credential.patron_id.in_(chunk))
        session.execute(delete(Lockout).where(Lockout.credential_id.in_(their_credentials)))


def begin_staging(session: Session) -> None:
    session.execute(delete(StagingCredential))
    session.execute(delete(StagingPatron))


def swap_staging(session: Session) -> ApplyCounts:
    """Replace the live patrons with the staged set in the caller's one transaction."""
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
    session.execute(delete(Patron))
    patron_cols = [c.name for c in Patron.__table__.columns]
    cred_cols = [c.name for c in Credential.__table__.columns]
    session.execute(
        insert(Patron).from_select(
            patron_cols, select(*[StagingPatron.__table__.c[c] for c in patron_cols])
        )
    )
    staged_creds = StagingCredential.__table__.c
    newest = select(func.max(staged_creds.seq)).group_by(staged_creds.id)
    session.execute(
        insert(Credential).from_select(
            cred_cols,
            select(*[staged_creds[c] for c in cred_cols])
            .where(staged_creds.seq.in_(newest))
            .order_by(staged_creds.id),
        )
    )
    for index in indexes:
        index.create(connection)
    erase_patron_traces(session, removed)
    begin_staging(session)
    # Lockouts of credentials that no longer exist are meaningless; keep the rest.
    session.execute(delete(Lockout).where(Lockout.credential_id.not_in(select(Credential.id))))
    return ApplyCounts(upserted=staged, deleted=len(removed))


def debt_dkk(patron: Patron) -> Decimal:
    return Decimal(patron.debt_ore) / 100


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def upgrade_some_verifiers(session: Session, hasher: KeyedHasher, limit: int) -> int:
    """Turn up to `limit` fast hk1 PIN verifiers into argon2id ones (a2k1), without the PINs.

    Run a few at a time in the background: each costs one argon2id hash (~20 ms, the GIL
    released), so the door never waits. A row a sync rewrote meanwhile is left for the sync's
    value (the UPDATE matches the old verifier only). Returns how many were upgraded."""
    rows = session.execute(
        select(Patron.patron_id, Patron.pin_verifier)
        .where(Patron.pin_verifier.like("hk1$%"))
        .limit(limit)
    ).all()
    for patron_id, old in rows:
        if old is None:  # the LIKE above never matches NULL; this tells mypy so
            continue
        session.execute(
            update(Patron)
            .where(Patron.patron_id == patron_id, Patron.pin_verifier == old)
            .values(pin_verifier=hasher.upgrade(old))
        )
    return len(rows)

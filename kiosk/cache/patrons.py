"""Patron records -> cache rows: keyed hashes for CPR and cards, PIN verifiers, erasure.

Shared by `kiosk import-patrons` and every sync. Works page by page with bulk statements, so
a million records stream through in bounded memory.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final, TypeVar, cast

from sqlalchemy import Dialect, Table, delete, select, text, update
from sqlalchemy.orm import Session

from drivers.cardparse import normalise_card
from drivers.cpr import cpr_birth_date, normalise_cpr
from drivers.types import CardKind
from kiosk.cache.bulk import converted, insert_params, insert_rows
from kiosk.cache.models import (
    STAGING_SCHEMA,
    Credential,
    EntryLog,
    Lockout,
    Patron,
    StagingCredential,
    StagingPatron,
)
from kiosk.privacy.keyed_hash import KeyedHasher
from kiosk.privacy.minimise import first_name, needed_birth_date
from sync.records import PatronRecord, RecordError

log = logging.getLogger(__name__)
P = TypeVar("P")
C = TypeVar("C")


class RowError(RecordError):
    """A record that passed sync.records but cannot become a cache row; `index` is its place
    in the page given to apply_records. sync.records checks all of this first, so this is the
    last line of defence: the caller still refuses the page with a clear message."""

    def __init__(self, index: int, patron_id: str, field: str, problem: str) -> None:
        super().__init__(f"record {index} (patron_id {patron_id})", field, problem)
        self.index = index
        self.patron_id = patron_id


@dataclass(slots=True)
class ApplyCounts:
    upserted: int = 0
    deleted: int = 0

    def add(self, other: ApplyCounts) -> None:
        self.upserted += other.upserted
        self.deleted += other.deleted


Kept = Mapping[str, tuple[str | None, str | None]]
"""patron_id -> (pin_version, pin_verifier) in the cache now."""

# A page's ids go in as one JSON array: one statement per page, built once, instead of an
# ORM query per 500 ids whose row loading cost 7 % of a full sync (py-spy, issue 18).
_KEPT: Final = text(
    "SELECT patron_id, pin_version, pin_verifier FROM patrons"
    " WHERE patron_id IN (SELECT value FROM json_each(:ids))")
_STAGED_PATRONS: Final = cast(Table, StagingPatron.__table__)
_STAGED_CREDENTIALS: Final = cast(Table, StagingCredential.__table__)
CREDENTIAL_COLUMNS: Final = tuple(c.name for c in Credential.__table__.columns)
"""The order of credential_values (a staged patron's other cards too)."""
STAGING_PATRONS: Final = f"{STAGING_SCHEMA}.{StagingPatron.__tablename__}"
ACTIVE: Final = "active"
"""The status of every CPR credential (a card has its own)."""
STAGING_CREDENTIALS: Final = f"{STAGING_SCHEMA}.{StagingCredential.__tablename__}"
# A patron's other cards, each with its owner's staging rowid (?2 is the patron_id again).
_STAGE_MORE_CARDS: Final = (
    f"INSERT INTO {STAGING_CREDENTIALS} ({', '.join(CREDENTIAL_COLUMNS)}, position)"  # noqa: S608
    f" SELECT ?1, ?2, ?3, ?4, rowid FROM {STAGING_PATRONS} WHERE patron_id = ?2")
_STAGED: Final = text(
    f"SELECT patron_id FROM {STAGING_PATRONS}"  # noqa: S608 - model names
    " WHERE patron_id IN (SELECT value FROM json_each(:ids))")


def verifier_of(
    record: PatronRecord, hasher: KeyedHasher, kept: Kept
) -> tuple[str | None, str | None]:
    """(pin_verifier, pin_version) for the row. A PIN whose pin_version is the one the cached
    verifier was made for keeps that verifier, memory-hard if it was upgraded: a full sync of
    unchanged data weakens nothing. Another or no pin_version: a fresh hk1 (upgraded later)."""
    if record.pin is not None:
        version = record.pin_version
        cached_version, cached = kept.get(record.patron_id, (None, None))
        if version is not None and version == cached_version and cached is not None:
            return cached, version
        return hasher.fast_verifier(record.patron_id, record.pin), version
    if record.pin_verifier is not None:
        try:
            return hasher.wrap_upstream(record.pin_verifier), None
        except ValueError as err:
            raise RecordError(record.patron_id, "pin_verifier", str(err)) from None
    return None, None


SYNCED: Final[Mapping[str, Any]] = {
    "blocked_since": None,  # no rule or screen uses it (issue 13: minimisation)
    "home_branch": "",  # informational only: not kept (issue 13: minimisation)
    "municipality": "",
    "verified_at": None,
    "reservations_ready": None,
    # Every column: an upsert over a row the SIP2 learned cache made turns it into a synced
    # one, as the delete and insert it replaced did.
    "learned": False,
    "sip2_ref": None,
}
"""The patron columns every synced row has the same: a full sync stages only the others
(STAGED_PATRON_COLUMNS), and its swap writes these."""
STAGED_PATRON_COLUMNS: Final = tuple(
    c.name for c in StagingPatron.__table__.columns if c.name in Patron.__table__.c)
"""The order of patron_values."""
INLINE_CREDENTIALS: Final = ("cpr_id", "card_id", "card_status")
"""The columns after STAGED_PATRON_COLUMNS in a staged patron row: its CPR and first card."""


def patron_values(
    record: PatronRecord, hasher: KeyedHasher, today: date, kept: Kept
) -> tuple[Any, ...]:
    """The columns of a record's cache row that differ from patron to patron (the rest is
    SYNCED): only what a rule or a screen uses (kiosk/privacy/minimise.py), the PIN as a keyed
    verifier, the CPR not at all (credential_rows). In STAGED_PATRON_COLUMNS order."""
    verifier, version = verifier_of(record, hasher, kept)
    blocked = record.blocked
    return (
        record.patron_id,
        first_name(record.name),  # the greeting; the full name is not kept
        # issue 2: minimum age "from CPR or birth date"; the CPR itself is not kept, and the
        # birth date only while the age rule can still refuse the patron (issue 13).
        needed_birth_date(
            record.birth_date or (cpr_birth_date(record.cpr) if record.cpr else None), today),
        record.patron_group,
        (blocked.reason or "?") if blocked is not None else None,
        int(record.debt_dkk * 100),
        record.self_service_opt_in,
        record.last_activity,
        record.updated_at,
        verifier,
        version,
    )


def patron_row(
    record: PatronRecord, hasher: KeyedHasher, today: date, kept: Kept | None = None
) -> dict[str, Any]:
    """The cache row of a record, every column."""
    values = patron_values(record, hasher, today, kept or {})
    return {**dict(zip(STAGED_PATRON_COLUMNS, values, strict=True)), **SYNCED}


def credential_keys(record: PatronRecord, hasher: KeyedHasher) -> dict[bytes, tuple[str, str]]:
    """keyed hash -> (kind, status) of the record's CPR and cards; a number named twice is
    one credential."""
    keys: dict[bytes, tuple[str, str]] = {}
    if record.cpr is not None:
        cpr = normalise_cpr(record.cpr)
        if cpr is None:
            raise RecordError(record.patron_id, "cpr", "not a valid CPR date")
        keys[hasher.credential_id(CardKind.CPR, cpr)] = (CardKind.CPR, ACTIVE)
    for card in record.cards:
        keys[hasher.credential_id(CardKind.CARD, normalise_card(card.number))] = (
            CardKind.CARD, card.status)
    return keys


def credential_values(record: PatronRecord, hasher: KeyedHasher) -> list[tuple[Any, ...]]:
    """The record's credential rows in CREDENTIAL_COLUMNS order."""
    return [(cid, record.patron_id, kind, status)
            for cid, (kind, status) in credential_keys(record, hasher).items()]


def credential_rows(record: PatronRecord, hasher: KeyedHasher) -> list[dict[str, Any]]:
    return [dict(zip(CREDENTIAL_COLUMNS, values, strict=True))
            for values in credential_values(record, hasher)]


def apply_records(
    session: Session, records: Sequence[PatronRecord], hasher: KeyedHasher,
    staging: bool = False, *, today: date,
) -> ApplyCounts:
    """Upsert and delete one page of records; the caller owns the transaction. `today` (the
    kiosk's local date) decides which birth dates are still needed. `staging`: into a full
    sync's staging tables (kiosk/cache/staging.py), as stage_rows then write_staged."""
    if staging:
        kept = kept_verifiers(session, records)
        return write_staged(session, stage_rows(records, hasher, today, kept,
                                                session.get_bind().dialect))
    latest = {r.patron_id: r for r in records}  # a page may name a patron twice: last wins
    gone = [pid for pid, r in latest.items() if r.deleted]
    kept = kept_verifiers(session, records)
    patrons, creds = _rows(records, latest, lambda r: (patron_row(r, hasher, today, kept),
                                                       credential_rows(r, hasher)))
    if gone:
        erase_patron_traces(session, gone)  # needs their credentials, so before deleting
    for chunk in chunks(list(latest), 500):
        session.execute(delete(Credential).where(Credential.patron_id.in_(chunk)))
    # Live patrons who stay are updated in place (upsert below): deleting one cascades to
    # their loans, debts, messages and reservations.
    for chunk in chunks(gone, 500):
        session.execute(delete(Patron).where(Patron.patron_id.in_(chunk)))
    if creds:
        # A card moved from another patron: the newest record owns it (docs/central-api.md
        # "Card numbers"). In staging, the row staged later replaces the earlier (write_staged).
        _move_cards(session, creds)
    insert_rows(session, cast(Table, Patron.__table__), patrons, on_conflict="patron_id")
    insert_rows(session, cast(Table, Credential.__table__), creds)
    return ApplyCounts(upserted=len(patrons), deleted=len(gone))


@dataclass(frozen=True, slots=True)
class StagedRows:
    """One page of a full snapshot as the driver's parameters for the staging tables: all a
    writer needs, so another process can make it (kiosk/jobs/snapshot_worker.py)."""

    ids: list[str]
    """Every patron the page names, deleted ones too: an earlier page's row of theirs goes."""
    patron_columns: list[str]
    patrons: list[tuple[Any, ...]]
    credentials: list[tuple[Any, ...]]
    """The patrons' cards after the first (staged_values), in CREDENTIAL_COLUMNS order."""


def staged_values(
    record: PatronRecord, hasher: KeyedHasher, today: date, kept: Kept
) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    """The record's staged patron row (patron_values, then INLINE_CREDENTIALS) and its other
    cards as credential rows (CREDENTIAL_COLUMNS order; most patrons have none)."""
    cpr = card = status = None
    more = []
    for cid, (kind, card_status) in credential_keys(record, hasher).items():
        if kind is CardKind.CPR:  # one at most
            cpr = cid
        elif card is None:
            card, status = cid, card_status
        else:
            more.append((cid, record.patron_id, kind, card_status))
    return (*patron_values(record, hasher, today, kept), cpr, card, status), more


def stage_rows(
    records: Sequence[PatronRecord], hasher: KeyedHasher, today: date, kept: Kept,
    dialect: Dialect,
) -> StagedRows:
    """The staging rows of a page; RowError names a record that cannot become one. Made as
    tuples, the varying columns only: the dicts of every column that bulk_params takes were a
    third of the worker's CPU at 1 M patrons (bench/RESULTS.md, lever 28)."""
    latest = {r.patron_id: r for r in records}
    patrons, creds = _rows(records, latest, lambda r: staged_values(r, hasher, today, kept))
    patron_columns = [*STAGED_PATRON_COLUMNS, *INLINE_CREDENTIALS]
    return StagedRows(list(latest), patron_columns,
                      converted(_STAGED_PATRONS, patron_columns, patrons, dialect),
                      converted(_STAGED_CREDENTIALS, list(CREDENTIAL_COLUMNS), creds, dialect))


def write_staged(session: Session, staged: StagedRows) -> ApplyCounts:
    """Append a page's rows to the staging tables, replacing an earlier page's of the same
    patrons (a snapshot names each patron once, so that is nearly never)."""
    again = _already_staged(session, staged.ids)
    for table in (StagingCredential, StagingPatron):
        for chunk in chunks(again, 500):
            session.execute(delete(table).where(table.patron_id.in_(chunk)))
    insert_params(session, _STAGED_PATRONS, staged.patron_columns, staged.patrons)
    if staged.credentials:
        session.connection().exec_driver_sql(_STAGE_MORE_CARDS, staged.credentials)
    return ApplyCounts(upserted=len(staged.patrons))


def kept_verifiers(session: Session, records: Sequence[PatronRecord]) -> Kept:
    """The live cache's verifiers of the records that carry a PIN and its version (a full sync
    stages a new set, but compares with the one in use)."""
    ids = [r.patron_id for r in records if r.pin is not None and r.pin_version is not None]
    if not ids:
        return {}
    rows = session.connection().execute(_KEPT, {"ids": json.dumps(ids)})
    return {pid: (version, verifier) for pid, version, verifier in rows}


def _rows(
    records: Sequence[PatronRecord], latest: dict[str, PatronRecord],
    rows: Callable[[PatronRecord], tuple[P, list[C]]],
) -> tuple[list[P], list[C]]:
    """Patron and credential rows of the records that stay; RowError names the bad one."""
    patrons: list[P] = []
    creds: list[C] = []
    for index, record in enumerate(records):
        if record.deleted or latest[record.patron_id] is not record:
            continue
        try:
            patron, credentials = rows(record)
            patrons.append(patron)
            creds += credentials
        except RecordError as err:
            raise RowError(index, record.patron_id, err.field, err.problem) from None
    return patrons, creds


def _move_cards(session: Session, creds: list[dict[str, Any]]) -> None:
    new_owner = {c["id"]: c["patron_id"] for c in creds}
    for chunk in chunks(list(new_owner), 500):
        moved = session.execute(
            select(Credential.id, Credential.patron_id, Credential.kind)
            .where(Credential.id.in_(chunk))
        ).all()
        for cid, old_owner, kind in moved:
            # Patron ids only: the card number or CPR itself never goes to a log line.
            log.warning("sync: a %s moved from patron %s to patron %s", kind, old_owner,
                        new_owner[cid])
        session.execute(delete(Credential).where(Credential.id.in_(chunk)))


def _already_staged(session: Session, ids: list[str]) -> list[str]:
    """The ids an earlier page of this full sync staged. A snapshot names each patron once, so
    this is nearly always empty, and one key probe per id is far cheaper than the deletes it
    spares (16 s of a 1M-patron full sync, bench)."""
    return list(session.connection().execute(_STAGED, {"ids": json.dumps(ids)}).scalars())


def erase_patron_traces(session: Session, patron_ids: Sequence[str]) -> None:
    """Erasure beyond the rows that cascade: the entry log keeps its counts but loses the
    person, and the patron's lockout goes."""
    for chunk in chunks(list(patron_ids), 500):
        session.execute(
            update(EntryLog).where(EntryLog.patron_id.in_(chunk)).values(patron_id=None)
        )
        session.execute(delete(Lockout).where(Lockout.subject.in_(
            [f"patron:{patron_id}" for patron_id in chunk])))


def chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    """`items` in lists of `size`: SQLite binds at most 999 parameters in one statement."""
    for start in range(0, len(items), size):
        yield items[start : start + size]

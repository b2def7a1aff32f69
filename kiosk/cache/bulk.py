"""Rows of dicts -> one driver executemany, the values converted as SQLAlchemy would store them.

The ORM's bulk insert spent two thirds of a full sync building parameters (issue 8); this calls
the driver directly with the columns' own bind processors. On SQLite three of those are
replaced by C-speed equivalents that store the very same text (tests/kiosk/cache/test_bulk.py
holds them to it): SQLAlchemy formats a date or a time field by field in Python, 4 µs per
`updated_at`, 30 ms per 5,000-patron page of the 35 ms all conversions took (issue 18).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Boolean, Date, Dialect, LargeBinary, Table
from sqlalchemy.orm import Session

from kiosk.cache.models import UtcDateTime

Processor = Callable[[Any], Any]


def sqlite_date(value: date | None) -> str | None:
    """SQLAlchemy's SQLite DATE text, `%04d-%02d-%02d`."""
    return None if value is None else value.isoformat()


def sqlite_utc_datetime(value: datetime | None) -> str | None:
    """UtcDateTime then SQLAlchemy's SQLite DATETIME text, `YYYY-MM-DD HH:MM:SS.ffffff` (UTC)."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetime given to the cache")
    # The offset's "+00:00" cut off instead of replace(tzinfo=None), which made a new
    # datetime: 0.8 of this function's 3 µs, once per patron in a full sync (lever 32).
    return value.astimezone(UTC).isoformat(" ", "microseconds")[:26]


def sqlite_bool(value: bool | None) -> int | None:
    return None if value is None else int(value)


def sqlite_blob(value: bytes | None) -> bytes | None:
    """The bytes as they are: SQLAlchemy wraps them in a memoryview, which the driver stores
    the same way but which cannot be pickled to the snapshot worker's parent."""
    return None if value is None else bytes(value)


_SQLITE_FAST: dict[type[Any], Processor] = {
    Date: sqlite_date, UtcDateTime: sqlite_utc_datetime, Boolean: sqlite_bool,
    LargeBinary: sqlite_blob,
}


def processor(table: Table, column: str, dialect: Dialect) -> Processor | None:
    """How a value of `column` goes to the driver, or None when it goes as it is."""
    kind = table.c[column].type
    if dialect.name == "sqlite" and type(kind) in _SQLITE_FAST:
        return _SQLITE_FAST[type(kind)]
    process: Processor | None = kind.dialect_impl(dialect).bind_processor(dialect)
    return process


def upsert_clause(columns: list[str], key: str) -> str:
    """` ON CONFLICT (key) DO UPDATE SET` every other column to the inserted row's value."""
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != key)
    return f" ON CONFLICT ({key}) DO UPDATE SET {updates}"


def bulk_params(
    table: Table, rows: list[dict[str, Any]], dialect: Dialect
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """(columns, one tuple per row) as the driver takes them: rows all with the same keys, the
    table's column names; dates, times and booleans converted as SQLAlchemy stores them."""
    if not rows:
        return [], []
    columns = list(rows[0])
    pick = itemgetter(*columns)
    values = [pick(row) for row in rows] if len(columns) > 1 else [(pick(row),) for row in rows]
    return columns, converted(table, columns, values, dialect)


def converted(
    table: Table, columns: list[str], rows: list[tuple[Any, ...]], dialect: Dialect
) -> list[tuple[Any, ...]]:
    """Rows of values in `columns` order, each converted as SQLAlchemy stores it in its column
    (strings and ints pass as they are)."""
    processors = [processor(table, column, dialect) for column in columns]
    if not rows or not any(processors):
        return rows
    # Column by column: one map() per column that needs it, the others not touched at all.
    values = list(zip(*rows, strict=True))
    for i, process in enumerate(processors):
        if process is not None:
            values[i] = tuple(map(process, values[i]))
    return list(zip(*values, strict=True))


def insert_params(
    session: Session, table: Table, columns: list[str], params: list[tuple[Any, ...]],
    on_conflict: str | None = None,
) -> None:
    """INSERT the rows bulk_params made in one executemany; with `on_conflict` (the key
    column) a row whose key exists updates that row instead."""
    if not params:
        return
    names = ", ".join(columns)
    marks = ", ".join("?" * len(columns))
    sql = f"INSERT INTO {table.fullname} ({names}) VALUES ({marks})"  # noqa: S608 - model names
    if on_conflict is not None:
        sql += upsert_clause(columns, on_conflict)
    session.connection().exec_driver_sql(sql, params)


def insert_rows(
    session: Session, table: Table, rows: list[dict[str, Any]], on_conflict: str | None = None
) -> None:
    """INSERT every row (all with the same keys, the table's column names) in one executemany;
    with `on_conflict` (the key column) a row whose key exists updates that row instead."""
    columns, params = bulk_params(table, rows, session.connection().dialect)
    insert_params(session, table, columns, params, on_conflict)

"""The SQLite fast conversions of kiosk/cache/bulk.py store what SQLAlchemy's processors store.

A different text for the same date would not match the ORM's comparisons (a cutoff in the
retention purge, a lockout's time) and would sort wrongly: byte for byte, or it is a defect.
"""

from __future__ import annotations

import pickle
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Boolean, Date, LargeBinary, create_engine
from sqlalchemy.dialects import sqlite

from kiosk.cache.bulk import (
    processor,
    sqlite_blob,
    sqlite_bool,
    sqlite_date,
    sqlite_utc_datetime,
)
from kiosk.cache.models import Credential, Patron, UtcDateTime

DIALECT = sqlite.dialect()


def _sqlalchemy(kind: Any) -> Any:
    process = kind.dialect_impl(DIALECT).bind_processor(DIALECT)
    assert process is not None
    return process


@given(st.none() | st.dates())
def test_dates(value: date | None) -> None:
    assert sqlite_date(value) == _sqlalchemy(Date())(value)


# Naive bounds are what st.datetimes takes; a day inside year 1..9999 either side for the offsets.
EARLIEST = datetime(2, 1, 1)  # noqa: DTZ001
LATEST = datetime(9998, 12, 30)  # noqa: DTZ001


@given(st.none() | st.datetimes(min_value=EARLIEST, max_value=LATEST,
                                timezones=st.sampled_from([
                                    UTC, timezone(timedelta(hours=2)),
                                    timezone(-timedelta(hours=9, minutes=30))])))
def test_aware_times(value: datetime | None) -> None:
    assert sqlite_utc_datetime(value) == _sqlalchemy(UtcDateTime())(value)


def test_a_naive_time_is_refused_as_before() -> None:
    naive = datetime(2026, 12, 2, 3, 0)  # noqa: DTZ001 - the point of the test
    with pytest.raises(ValueError, match="naive"):
        _sqlalchemy(UtcDateTime())(naive)
    with pytest.raises(ValueError, match="naive"):
        sqlite_utc_datetime(naive)


@pytest.mark.parametrize("value", [None, True, False])
def test_booleans(value: bool | None) -> None:
    assert sqlite_bool(value) == _sqlalchemy(Boolean())(value)


@given(st.none() | st.binary(max_size=64))
def test_blobs_store_the_same_bytes_and_pickle(value: bytes | None) -> None:
    ours = sqlite_blob(value)
    driver = create_engine("sqlite://").dialect  # with its DBAPI: binds bytes as memoryview
    theirs = LargeBinary().dialect_impl(driver).bind_processor(driver)(value)
    assert ours == (None if theirs is None else bytes(theirs))
    assert pickle.loads(pickle.dumps(ours)) == value  # the snapshot worker sends them


def test_the_patron_table_uses_them() -> None:
    assert processor(Credential.__table__, "id", DIALECT) is sqlite_blob
    table = Patron.__table__
    assert processor(table, "updated_at", DIALECT) is sqlite_utc_datetime
    assert processor(table, "birth_date", DIALECT) is sqlite_date
    assert processor(table, "opt_in", DIALECT) is sqlite_bool
    assert processor(table, "name", DIALECT) is None

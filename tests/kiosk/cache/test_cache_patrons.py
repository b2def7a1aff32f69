"""Patron records -> cache rows: what is stored for a patron (no CPR, no PIN, the first name, a
birth date only while the age rule can still refuse)."""

from __future__ import annotations

from datetime import date

import pytest
from kioskkit import patron

from kiosk.cache.models import Patron
from kiosk.cache.patrons import credential_rows, patron_row
from kiosk.privacy.keyed_hash import KeyedHasher

HASHER = KeyedHasher(bytes(range(32)))
TODAY = date(2026, 11, 21)

BIRTH = {
    "adult_not_kept": ({"birth_date": "1990-05-17"}, None),
    "minor_kept": ({"birth_date": "2010-05-17"}, date(2010, 5, 17)),
    "eighteen_tomorrow_kept": ({"birth_date": "2008-11-22", "cpr": None}, date(2008, 11, 22)),
    "eighteen_today_not_kept": ({"birth_date": "2008-11-21", "cpr": None}, None),
    # issue 2: "minimum age (from CPR or birth date)": a CPR-only record still has an age.
    "from_cpr_when_missing": ({"birth_date": None, "cpr": "051112-6068"}, date(2012, 11, 5)),
    "birth_date_wins_over_cpr": ({"birth_date": "2012-11-06", "cpr": "0511126068"},
                                 date(2012, 11, 6)),
    "neither": ({"birth_date": None, "cpr": None}, None),
}


@pytest.mark.parametrize(("fields", "born"), BIRTH.values(), ids=BIRTH.keys())
def test_birth_date(fields: dict[str, object], born: date | None) -> None:
    assert patron_row(patron(**fields), HASHER, TODAY)["birth_date"] == born


@pytest.mark.parametrize(("name", "kept"), [
    ("Anna Jensen", "Anna"), ("Jensen, Anna Marie", "Anna"), ("  Bo  ", "Bo"), ("", ""),
])
def test_only_the_first_name_is_kept(name: str, kept: str) -> None:
    assert patron_row(patron(name=name), HASHER, TODAY)["name"] == kept


def test_row_holds_no_cpr_and_no_pin() -> None:
    record = patron()
    row = patron_row(record, HASHER, TODAY)
    assert row["pin_verifier"].startswith("hk1$")
    assert HASHER.verify(row["pin_verifier"], "1000123", "1234")
    assert not HASHER.verify(row["pin_verifier"], "1000123", "1235")
    values = {str(v) for v in row.values()}
    assert not {"1705901234", "170590-1234", "1234"} & values
    creds = credential_rows(record, HASHER)
    assert {c["kind"] for c in creds} == {"cpr", "card"}
    assert all(len(c["id"]) == 32 and b"1705901234" not in c["id"] for c in creds)


def test_a_row_sets_every_column() -> None:
    """A sync upserts the row over the cached one: a column left out would keep its old value
    (a SIP2-learned row would stay `learned`)."""
    assert set(patron_row(patron(), HASHER, TODAY)) == {c.name for c in Patron.__table__.columns}

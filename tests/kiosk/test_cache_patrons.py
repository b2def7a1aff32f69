"""Patron records -> cache rows: what is stored for a patron (no CPR, no PIN; age kept)."""

from __future__ import annotations

from datetime import date

import pytest
from kioskkit import patron

from kiosk.cache.patrons import credential_rows, patron_row
from kiosk.keyed_hash import KeyedHasher

HASHER = KeyedHasher(bytes(range(32)))

BIRTH = {
    "birth_date_given": ({"birth_date": "1990-05-17"}, date(1990, 5, 17)),
    # issue 2: "minimum age (from CPR or birth date)": a CPR-only record still has an age.
    "from_cpr_when_missing": ({"birth_date": None, "cpr": "051112-6068"}, date(2012, 11, 5)),
    "birth_date_wins_over_cpr": ({"birth_date": "2012-11-06", "cpr": "0511126068"},
                                 date(2012, 11, 6)),
    "neither": ({"birth_date": None, "cpr": None}, None),
}


@pytest.mark.parametrize(("fields", "born"), BIRTH.values(), ids=BIRTH.keys())
def test_birth_date(fields: dict[str, object], born: date | None) -> None:
    assert patron_row(patron(**fields), HASHER)["birth_date"] == born


def test_row_holds_no_cpr_and_no_pin() -> None:
    record = patron()
    row = patron_row(record, HASHER)
    assert row["pin_verifier"].startswith("hk1$")
    assert HASHER.verify(row["pin_verifier"], "1000123", "1234")
    assert not HASHER.verify(row["pin_verifier"], "1000123", "1235")
    values = {str(v) for v in row.values()}
    assert not {"1705901234", "170590-1234", "1234"} & values
    creds = credential_rows(record, HASHER)
    assert {c["kind"] for c in creds} == {"cpr", "card"}
    assert all(len(c["id"]) == 32 and b"1705901234" not in c["id"] for c in creds)

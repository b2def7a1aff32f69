"""Synthetic patrons: deterministic, valid, visibly test data, demo personas first."""

from __future__ import annotations

from datetime import date

import pytest

from sync.fakes.synthetic import (
    DEMO_PERSONAS,
    index_of_card,
    index_of_cpr,
    persona,
    synthetic_patron,
    synthetic_patrons,
)
from sync.records import parse_patron

TODAY = date(2026, 11, 21)


def test_same_seed_same_population() -> None:
    assert list(synthetic_patrons(300, 5, TODAY)) == list(synthetic_patrons(300, 5, TODAY))


def test_other_seed_changes_generated_patrons_but_not_personas() -> None:
    a = list(synthetic_patrons(100, 1, TODAY))
    b = list(synthetic_patrons(100, 2, TODAY))

    n = len(DEMO_PERSONAS)
    assert a[:n] == b[:n]
    assert [r["pin"] for r in a[n:]] != [r["pin"] for r in b[n:]]


def test_every_record_is_valid_and_visibly_synthetic() -> None:
    records = list(synthetic_patrons(5000, 3, TODAY))

    for index, record in enumerate(records):
        parsed = parse_patron(record, f"synthetic {index}")
        assert parsed.pin is not None
        assert len(parsed.pin) == 4
        card = parsed.cards[0].number
        assert len(card) == 10
        assert card.startswith("33")
        if parsed.cpr is not None:
            assert parsed.cpr[6] == "9"  # serials 9000-9999 mark test data
        if index >= len(DEMO_PERSONAS):
            assert parsed.name == f"Testperson {index:06d}"
    cprs = [r["cpr"] for r in records if r["cpr"]]
    assert len(cprs) == len(set(cprs))
    assert len({r["patron_id"] for r in records}) == len(records)


def test_cpr_birth_date_matches_birth_date() -> None:
    for record in synthetic_patrons(2000, 9, TODAY):
        if record["cpr"]:
            born = date.fromisoformat(record["birth_date"])
            assert record["cpr"][:6] == born.strftime("%d%m%y")


@pytest.mark.parametrize("index", [0, 2, 6, 7, 8, 12345, 999_999, 5_999_999])
def test_card_and_cpr_lead_back_to_the_patron(index: int) -> None:
    record = synthetic_patron(index, 4, TODAY)

    assert index_of_card(record["cards"][0]["number"]) == index
    if record["cpr"]:
        assert index_of_cpr(record["cpr"], TODAY) == index


def test_personas_have_their_roles() -> None:
    records = {r["patron_id"]: r for r in synthetic_patrons(len(DEMO_PERSONAS), 1, TODAY)}

    anna = records[persona("valid").patron_id]
    assert (anna["name"], anna["patron_id"], anna["pin"]) == ("Anna Jensen", "1000001", "1234")
    assert anna["self_service_opt_in"]
    assert anna["blocked"] is None
    assert records[persona("blocked").patron_id]["blocked"]["reason"] == "F"
    assert records[persona("debt").patron_id]["debt_dkk"] == "150.00"
    assert records[persona("lost_card").patron_id]["cards"][0]["status"] == "lost"
    assert not records[persona("not_opted_in").patron_id]["self_service_opt_in"]
    assert records[persona("card_only").patron_id]["cpr"] is None


@pytest.mark.parametrize("today", [date(2026, 11, 21), date(2028, 2, 29), date(2030, 1, 1)])
def test_under_age_persona_is_fourteen_on_the_generation_date(today: date) -> None:
    born = date.fromisoformat(synthetic_patron(2, 1, today)["birth_date"])

    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    assert age == 14


def test_unknown_persona_role_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="valid, blocked"):
        persona("nobody")

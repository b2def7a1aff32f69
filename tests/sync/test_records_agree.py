"""The two validators of a patron record agree (sync/records.py, issue 18).

msgspec decodes the hot path; the pydantic PatronModel is the reference whose errors users
read. msgspec may refuse more (the reference then has the last word) but must never accept a
record the reference refuses, and what both accept must be the same record.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from drivers.cpr import cpr_birth_date, has_birth_date, normalise_cpr
from sync.api_wire import decode_json, decode_page, parse_page
from sync.client import BadRecord, CentralError
from sync.fakes.synthetic import synthetic_patron
from sync.records import (
    PageRecord,
    PatronModel,
    PatronRecord,
    fast_record,
    parse_patron,
    patron_records,
)

BASE = synthetic_patron(10, 1, date(2026, 11, 21))
PHC = ("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA"
       "$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g")

# Values near the edges of every field's rule: right and wrong shapes, Unicode digits, a final
# newline (Python's `$` takes it, pydantic's does not), numbers where strings belong.
tricky = st.sampled_from([
    None, True, False, 0, 12, 12.5, "", " ", "x", "0", "12", "12.5", "12.50", "12.505", "1e3",
    "-1", "٣٣٠٠٠٠٠٠٠١", "1234", "1234\n", "12345678901234", "١٢٣٤", "2026-11-20", "2026-02-30",
    "2026-11-20\n", "2026-11-20T10:00:00Z", "2026-11-20t10:00:00z", "2026-11-20 10:00:00Z",
    "2026-11-20T10:00:00", "2026-11-20T10:00:00.123456789+01:00",
    "2026-11-20T10:00:00.1234567891+01:00", "2026-11-20T24:00:00Z", "2026-11-20T10:00:00+0100",
    "2026-11-20T10:00:00-00:00", "2026-11-20T10:00:60Z", "1705901234", "170590-1234",
    "3213851234", "1705901234\n", "abc.DEF:1_2-3", "abc def", "a\n", "x" * 65, "x" * 201,
    "active", "lost", "stolen", PHC, PHC + "\n", [], {}, [{"number": "33 0000 0001"}],
    [{"number": "---"}], [{"number": "1", "status": "lost"}], {"since": "2026-01-01"},
    {"since": None, "reason": "F"}, {"reason": "x" * 17}, {"since": 20260101},
    # The fast page path checks a field's values joined by NUL: a NUL inside one value.
    "12\x0034", "1234\x00", "1234\x001234", "2026-11-20T10:00:00Z\x002026-11-20T10:00:00Z",
])


def _outcome(obj: Any) -> tuple[PatronRecord | None, PatronRecord | None]:
    try:
        fast: PatronRecord | None = fast_record(obj)
    except msgspec.ValidationError:
        fast = None
    try:
        reference: PatronRecord | None = PatronModel.model_validate(obj).record()
    except ValidationError:
        reference = None
    return fast, reference


@settings(max_examples=600)
@given(st.dictionaries(st.sampled_from([*sorted(BASE), "deleted"]), tricky, max_size=4))
def test_msgspec_accepts_nothing_the_reference_refuses(changes: dict[str, Any]) -> None:
    fast, reference = _outcome({**BASE, **changes})

    if fast is not None:
        assert reference is not None
        assert fast == reference


@pytest.mark.parametrize("index", [0, 1, 4, 10, 12345])
def test_the_synthetic_population_takes_the_fast_path(index: int) -> None:
    record = synthetic_patron(index, 1, date(2026, 11, 21))
    fast, reference = _outcome(record)

    assert fast is not None
    assert fast == reference


def test_a_record_only_the_reference_accepts_is_still_accepted() -> None:
    # A deletion ignores the rest of the record (CONTRACT.md), even a bad field.
    obj = {"patron_id": "77", "deleted": True, "birth_date": "no date"}

    assert parse_patron(obj, "x") == PatronRecord(patron_id="77", deleted=True)


def test_repr_never_shows_cpr_pin_or_verifier() -> None:
    record = parse_patron({**BASE, "pin_verifier": None}, "x")

    assert record.cpr is not None
    assert record.pin is not None
    for shown in (repr(record), str(record), f"{record}"):
        assert record.cpr not in shown
        assert f"'{record.pin}'" not in shown
        assert "pin=" not in shown
        assert "cpr=" not in shown


def _page(records: list[Any], **extra: Any) -> bytes:
    return json.dumps({"records": records, "next_page": "t2", "cursor": "9", **extra}).encode()


def _either(body: bytes) -> tuple[object, object]:
    """What the fast decoder and the reference path make of one answer (page or error)."""
    results: list[object] = []
    for decode in (lambda: decode_page(body, "application/json", 3),
                   lambda: parse_page(decode_json(body, "application/json", "page 3"), 3)):
        try:
            results.append(decode())
        except CentralError as err:
            results.append((type(err), str(err)))
    return results[0], results[1]


@settings(max_examples=300)
@given(st.lists(st.dictionaries(st.sampled_from(sorted(BASE)), tricky, max_size=2), max_size=4),
       st.sampled_from([{}, {"next_page": None}, {"cursor": ""}, {"cursor": 3}]))
def test_a_page_decodes_alike_on_both_paths(changes: list[dict[str, Any]],
                                            extra: dict[str, Any]) -> None:
    records = [{**synthetic_patron(i + 20, 1, date(2026, 11, 21)), **c}
               for i, c in enumerate(changes)]
    fast, reference = _either(_page(records, **extra))

    assert fast == reference


def test_duplicates_are_refused_alike() -> None:
    one = synthetic_patron(20, 1, date(2026, 11, 21))
    other = {**synthetic_patron(21, 1, date(2026, 11, 21)), "cards": one["cards"]}
    for records in ([one, one], [one, other]):
        fast, reference = _either(_page(records))
        assert fast == reference
        assert isinstance(fast, tuple)
        assert fast[0] is BadRecord


def test_a_deletion_on_the_fast_path_carries_its_id_only() -> None:
    gone = {**synthetic_patron(20, 1, date(2026, 11, 21)), "deleted": True}
    card_owner = synthetic_patron(21, 1, date(2026, 11, 21))
    page = decode_page(_page([gone, {**card_owner, "cards": gone["cards"]}]),
                       "application/json", 1)

    assert page.records[0] == PatronRecord(patron_id=gone["patron_id"], deleted=True)


def test_the_fast_cpr_date_check_is_cpr_birth_date() -> None:
    # Every day-month, years around each century boundary of the serial's first digit.
    for ddmm in (f"{n:04d}" for n in range(10000)):
        for yy in ("00", "04", "36", "37", "57", "58", "96", "99"):
            for digit7 in "0123456789":
                cpr = f"{ddmm}{yy}-{digit7}123"
                assert has_birth_date(cpr) is (cpr_birth_date(cpr) is not None), cpr
                expected = cpr.replace("-", "") if cpr_birth_date(cpr) else None
                assert normalise_cpr(cpr) == expected, cpr
    for text in ("", "1705901234", "17059O1234", "1705901234\n", "170590--1234", "١٧٠٥٩٠١٢٣٤",
                 "2902001234", "2902014123"):
        expected = text.replace("-", "") if cpr_birth_date(text) else None
        assert normalise_cpr(text) == expected, text


@pytest.mark.parametrize(("field", "value"), [
    ("patron_id", "abc\x00def"), ("cpr", "1705901234\x001705901234"), ("pin", "1234\x005678"),
    ("pin_version", "1\x002"), ("updated_at", "2026-11-20T10:00:00Z\x002026-11-20T10:00:00Z"),
    ("debt_dkk", "1.00\x002.00"),
])
def test_a_value_hiding_two_good_ones_is_refused_on_the_fast_path(field: str, value: str) -> None:
    # patron_records joins a field's values with NUL and matches them all at once: a NUL
    # inside a value must not make it pass as two good values.
    records = [synthetic_patron(20, 1, date(2026, 11, 21)),
               {**synthetic_patron(21, 1, date(2026, 11, 21)), field: value}]
    fast, reference = _either(_page(records))

    assert fast == reference
    assert isinstance(fast, tuple)
    assert fast[0] is BadRecord


def test_a_synthetic_page_takes_the_fast_page_path() -> None:
    # Every shape the fake central makes (blocked, lost cards, verifiers, no PIN) and a
    # deletion: none may need the reference path, or the fast path would only be a detour.
    records = [synthetic_patron(i, 1, date(2026, 11, 21)) for i in range(2000)]
    records.append({"patron_id": "gone-1", "deleted": True, "cpr": "not checked"})
    raw = msgspec.json.decode(json.dumps(records), type=list[PageRecord])

    made = patron_records(raw)

    assert made is not None
    assert made == [fast_record(obj) for obj in records]


def test_a_page_record_has_the_fields_of_a_patron_record_in_their_order() -> None:
    # patron_records builds each PatronRecord from a PageRecord's fields by position: a field
    # added to one and not the other would silently take its default.
    assert PageRecord.__struct_fields__ == PatronRecord.__struct_fields__

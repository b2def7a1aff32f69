"""Property tests: parse_patron raises nothing but RecordError, whatever JSON it is given."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sync.api_wire import parse_records
from sync.client import BadRecord
from sync.fakes.synthetic import synthetic_patron
from sync.records import PatronRecord, RecordError, parse_patron

BASE = synthetic_patron(0, 1, date(2026, 11, 21))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)


def parse_or_error(obj: object) -> PatronRecord | RecordError:
    """The record, or the RecordError; any other exception fails the test."""
    try:
        return parse_patron(obj, "prop")
    except RecordError as err:
        caught = err
    assert caught.where == "prop"
    assert caught.field
    return caught


@given(json_values)
def test_any_json_value_parses_or_raises_record_error(obj: object) -> None:
    parse_or_error(obj)


@settings(max_examples=300)
@given(st.sampled_from(sorted(BASE)), json_values)
def test_one_bad_field_in_a_good_record_names_that_field(field: str, value: Any) -> None:
    result = parse_or_error({**BASE, field: value})

    if isinstance(result, RecordError):
        assert result.field.split(".")[0] in (field, "(record)")


@given(st.dictionaries(st.sampled_from([*sorted(BASE), "extra", "deleted"]), json_values))
def test_partial_records_parse_or_raise_record_error(obj: dict[str, Any]) -> None:
    parse_or_error(obj)


@given(st.text(max_size=200))
def test_error_messages_never_echo_a_cpr(cpr: str) -> None:
    result = parse_or_error({**BASE, "cpr": cpr})

    if isinstance(result, RecordError) and len(cpr) >= 6:
        assert cpr not in str(result)


@given(st.lists(json_values | st.just(BASE), max_size=5))
def test_a_page_of_anything_parses_or_raises_bad_record(raw: list[Any]) -> None:
    try:
        records, refused = parse_records(raw, 3)
    except BadRecord as err:
        caught = err
    else:
        assert len(records) + len(refused) == len(raw)
        return
    assert caught.page == 3
    assert 0 <= caught.index < len(raw)
    assert str(caught).startswith(f"page 3, record {caught.index}")

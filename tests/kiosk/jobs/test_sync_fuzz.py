"""`kiosk sync` on fuzzed pages (hypothesis): records valid under docs/openapi.yaml (checked by
its JSON Schema validator) and records that are not. Whatever a server sends: no traceback, exit
0 or 1, and on 1 a bad-record line naming page, record and field, with the old cache whole."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_schema_validator import OAS31Validator
from sync_cli_kit import SyncCli

from kiosk.cli.main import main

SPEC = yaml.safe_load((Path(__file__).resolve().parents[3] / "docs" / "openapi.yaml")
                      .read_text(encoding="utf-8"))
RECORD = OAS31Validator({"$ref": "#/components/schemas/PatronRecord",
                         "components": SPEC["components"]})


def _pattern(name: str) -> str:
    prop: dict[str, Any] = SPEC["components"]["schemas"]["PatronRecord"]["properties"][name]
    return str(prop["pattern"])


dates = st.dates().map(lambda d: d.isoformat())
times = st.datetimes(timezones=st.timezones()).map(lambda t: t.isoformat())
valid_records = st.fixed_dictionaries(
    {"patron_id": st.from_regex(r"^[A-Za-z0-9_.:-]{1,20}$", fullmatch=True)},
    optional={
        "name": st.text(max_size=30),
        "birth_date": st.none() | dates,
        "cpr": st.none() | st.from_regex(_pattern("cpr"), fullmatch=True),
        "cards": st.lists(st.fixed_dictionaries(
            {"number": st.from_regex(r"^[A-Za-z0-9 -]{1,12}$", fullmatch=True)},
            optional={"status": st.sampled_from(["active", "lost"])}), max_size=3),
        "pin": st.none() | st.from_regex(r"^[0-9]{4,12}$", fullmatch=True),
        "patron_group": st.text(max_size=10),
        "blocked": st.none() | st.fixed_dictionaries(
            {}, optional={"since": st.none() | dates, "reason": st.text(max_size=16)}),
        "debt_dkk": st.from_regex(r"^[0-9]{1,10}(\.[0-9]{1,2})?$", fullmatch=True),
        "self_service_opt_in": st.booleans(),
        "last_activity": st.none() | dates,
        "updated_at": st.none() | times,
        "pin_verifier": st.none() | st.from_regex(_pattern("pin_verifier"), fullmatch=True),
    },
).filter(lambda r: not (r.get("pin") and r.get("pin_verifier"))).filter(RECORD.is_valid)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=8,
)
invalid_records = valid_records.flatmap(lambda r: st.tuples(
    st.sampled_from([*sorted(r), "cards", "deleted", "blocked"]), json_values).map(
    lambda kv: {**r, kv[0]: kv[1]})) | json_values

PAGES = st.lists(valid_records | invalid_records, min_size=1, max_size=4)
LINE = re.compile(r"page 1, record \d+( \(patron_id [^)]*\))?: [^:]+: ")


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
@given(page=PAGES, full=st.booleans())
def test_no_page_a_server_sends_makes_kiosk_sync_crash(
    kiosk_sync: SyncCli, page: list[Any], full: bool
) -> None:
    before = kiosk_sync.patron_count()
    kiosk_sync.fault("records", records=page)
    out, err = io.StringIO(), io.StringIO()
    argv = [a for o in kiosk_sync.overrides for a in ("--set", o)]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--config", str(kiosk_sync.config), *argv, "sync",
                     *(["--full"] if full else [])])

    kiosk_sync.central.faults.clear()
    assert code in (0, 1), err.getvalue()
    assert "Traceback" not in err.getvalue()
    if code == 1:
        error = kiosk_sync.state("last_sync_error") or ""
        assert LINE.search(error), error
        if "refused as unusable" not in error:
            assert kiosk_sync.patron_count() == before  # the page refused whole
    if code == 0:  # the kiosk took the page: every record was valid under the spec too
        assert all(isinstance(r, dict) and RECORD.is_valid(r) for r in page), page


@pytest.mark.parametrize("value", ["stolen", "", "STOLEN"])
def test_unknown_statuses_are_unusable_records_not_crashes(
    kiosk_sync: SyncCli, value: str
) -> None:
    kiosk_sync.fault("records", records=[
        {"patron_id": "x1", "cards": [{"number": "1", "status": value}]}])

    result = kiosk_sync("sync", "--full")

    assert result.code == 1
    assert "cards.0.status" in result.err

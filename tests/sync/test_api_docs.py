"""docs/openapi.yaml and docs/central-api.md say what the code does."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from sync.client import EVENT_KINDS, AckStatus
from sync.fakes.synthetic import DEMO_PERSONAS
from sync.http_client import MAX_EVENTS_PER_REQUEST, MAX_PAGE_LIMIT
from sync.records import (
    BlockModel,
    BlockRecord,
    CardModel,
    CardRecord,
    PatronModel,
    PatronRecord,
    parse_patron,
)

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DOCS / "openapi.yaml").read_text(encoding="utf-8"))
    return loaded


def schema(spec: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = spec["components"]["schemas"][name]
    return found


def test_it_is_openapi_3_1_with_both_calls(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.1")
    assert set(spec["paths"]) == {"/v1/patrons", "/v1/events", "/v1/test/patrons/{patron_id}",
                                  "/v1/test/expire"}
    assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"


def test_every_ref_resolves(spec: dict[str, Any]) -> None:
    refs = re.findall(r"'\$ref': '#/([^']+)'", repr(spec))
    assert refs
    for ref in refs:
        node: Any = spec
        for part in ref.split("/"):
            node = node[part]


@pytest.mark.parametrize(
    ("name", "record", "model"),
    [("PatronRecord", PatronRecord, PatronModel), ("Card", CardRecord, CardModel),
     ("Block", BlockRecord, BlockModel)],
)
def test_record_schemas_list_exactly_the_model_fields(
    spec: dict[str, Any], name: str, record: type[Any], model: type[Any]
) -> None:
    # Both validators of a record (sync/records.py) know the same fields as the spec.
    assert set(schema(spec, name)["properties"]) == set(record.__struct_fields__)
    assert set(record.__struct_fields__) == set(model.model_fields)


def test_limits_and_enums_match_the_client(spec: dict[str, Any]) -> None:
    params = {p["name"]: p for p in spec["paths"]["/v1/patrons"]["get"]["parameters"]}
    assert params["limit"]["schema"] == {"type": "integer", "minimum": 1,
                                         "maximum": MAX_PAGE_LIMIT, "default": 1000}
    assert schema(spec, "EventUpload")["properties"]["items"]["maxItems"] == MAX_EVENTS_PER_REQUEST
    kinds = {schema(spec, ref["$ref"].rsplit("/", 1)[1])["allOf"][1]["properties"]["kind"]["const"]
             for ref in schema(spec, "EventItem")["oneOf"]}
    assert kinds == EVENT_KINDS
    assert schema(spec, "EventAck")["properties"]["status"]["enum"] == [s.value for s in AckStatus]


def test_the_examples_are_valid_records(spec: dict[str, Any]) -> None:
    examples = spec["paths"]["/v1/patrons"]["get"]["responses"]["200"]["content"][
        "application/json"]["examples"]
    records = [r for ex in examples.values() for r in ex["value"]["records"]]
    records.append(spec["components"]["examples"]["Anna"]["value"])
    for index, record in enumerate(records):
        parse_patron(record, f"example {index}")


def test_the_guide_lists_the_demo_personas_as_they_are() -> None:
    guide = (DOCS / "central-api.md").read_text(encoding="utf-8")
    for p in DEMO_PERSONAS:
        row = f"| `{p.role}` | {p.patron_id} | {p.name} | {p.card} | {p.pin} | "
        assert row in guide, row

"""docs/openapi.yaml and docs/central-api.md say what the code does."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from sync.client import EVENT_KINDS, AckStatus
from sync.http_client import MAX_EVENTS_PER_REQUEST, MAX_PAGE_LIMIT
from sync.records import BlockRecord, CardRecord, PatronRecord, parse_patron
from sync.synthetic import DEMO_PERSONAS

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
    assert set(spec["paths"]) == {"/v1/patrons", "/v1/events"}
    assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"


def test_every_ref_resolves(spec: dict[str, Any]) -> None:
    refs = re.findall(r"'\$ref': '#/([^']+)'", repr(spec))
    assert refs
    for ref in refs:
        node: Any = spec
        for part in ref.split("/"):
            node = node[part]


@pytest.mark.parametrize(
    ("name", "model"),
    [("PatronRecord", PatronRecord), ("Card", CardRecord), ("Block", BlockRecord)],
)
def test_record_schemas_list_exactly_the_model_fields(
    spec: dict[str, Any], name: str, model: type[PatronRecord]
) -> None:
    assert set(schema(spec, name)["properties"]) == set(model.model_fields)


def test_limits_and_enums_match_the_client(spec: dict[str, Any]) -> None:
    params = {p["name"]: p for p in spec["paths"]["/v1/patrons"]["get"]["parameters"]}
    assert params["limit"]["schema"] == {"type": "integer", "minimum": 1,
                                         "maximum": MAX_PAGE_LIMIT, "default": 1000}
    assert schema(spec, "EventUpload")["properties"]["items"]["maxItems"] == MAX_EVENTS_PER_REQUEST
    assert set(schema(spec, "EventItem")["properties"]["kind"]["enum"]) == EVENT_KINDS
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

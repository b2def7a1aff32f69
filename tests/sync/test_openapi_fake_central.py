"""The fake central is the reference server: every request a kiosk or a vendor's test sends and
every answer it gets are checked against docs/openapi.yaml by openapi-core (a standard OpenAPI
3.1 validator, not a hand-written one), over real HTTP on 127.0.0.1.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from openapi_core import OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse
from openapi_schema_validator import OAS31Validator

from sync.client import EventItem
from sync.fakes.central import FakeCentral
from sync.fakes.synthetic import DEMO_PERSONAS

SPEC_PATH = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"
TOKEN = "openapi-check-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


class AtDocumentedServer(RequestsOpenAPIRequest):
    """The request as if sent to the spec's server URL (the fake listens on 127.0.0.1:port)."""

    @property
    def host_url(self) -> str:
        return "https://central.example.org"


@pytest.fixture(scope="module")
def spec() -> OpenAPI:
    return OpenAPI.from_path(SPEC_PATH)  # also validates the document itself


@pytest.fixture
def fake() -> Iterator[FakeCentral]:
    central = FakeCentral(40, seed=2, token=TOKEN)
    with central.serve("127.0.0.1", 0):
        yield central


class Exchange:
    """Send one request to the fake and check it, and its answer, against the spec."""

    def __init__(self, spec: OpenAPI, url: str) -> None:
        self.spec, self.url = spec, url

    def __call__(self, method: str, path: str, *, valid_request: bool = True,
                 **kwargs: Any) -> requests.Response:
        kwargs.setdefault("headers", AUTH)
        kwargs.setdefault("timeout", 5)
        resp = requests.request(method, self.url + path, **kwargs)
        request = AtDocumentedServer(resp.request)
        if valid_request:
            self.spec.validate_request(request)
        self.spec.validate_response(request, RequestsOpenAPIResponse(resp))
        assert resp.headers["Cache-Control"] == "no-store"
        return resp


@pytest.fixture
def exchange(spec: OpenAPI, fake: FakeCentral) -> Exchange:
    return Exchange(spec, fake.url)


def test_the_document_is_a_valid_openapi_3_1_spec(spec: OpenAPI) -> None:
    spec.check_spec()


def test_a_snapshot_and_a_delta_with_a_deletion_match_the_spec(
    exchange: Exchange, fake: FakeCentral
) -> None:
    pages = [exchange("GET", "/v1/patrons", params={"limit": 15}).json()]
    while pages[-1]["next_page"]:
        pages.append(exchange("GET", "/v1/patrons", params={
            "limit": 15, "page_token": pages[-1]["next_page"]}).json())
    assert sum(len(p["records"]) for p in pages) == 40
    exchange("DELETE", "/v1/test/patrons/1000003")
    record = {**(fake.store.current(DEMO_PERSONAS[0].patron_id) or {}), "patron_id": "conf-1",
              "cards": [{"number": "CONF-1", "status": "active"}]}
    exchange("PUT", "/v1/test/patrons/conf-1", json=record)
    delta = exchange("GET", "/v1/patrons", params={"cursor": pages[-1]["cursor"]}).json()
    assert {"patron_id": "1000003", "deleted": True} in delta["records"]


def test_gzip_answers_match_the_spec(exchange: Exchange) -> None:
    resp = exchange("GET", "/v1/patrons", headers={**AUTH, "Accept-Encoding": "gzip"})
    assert resp.headers["Content-Encoding"] == "gzip"
    assert len(resp.json()["records"]) == 40


def _upload(*items: dict[str, Any]) -> dict[str, Any]:
    return {"items": list(items)}


def _entry(key: str | None = None) -> dict[str, Any]:
    at = "2026-11-21T12:00:03+01:00"
    item = EventItem(key or str(uuid.uuid4()), "entry", _aware(at),
                     {"at": "2026-11-21T11:00:03+00:00", "mode": "self_service",
                      "reason": "ok", "granted": True})
    return item.to_wire()


def _aware(text: str) -> Any:
    from datetime import datetime

    return datetime.fromisoformat(text)


def test_event_uploads_and_their_acks_match_the_spec(exchange: Exchange) -> None:
    same = _entry()
    acks = exchange("POST", "/v1/events", json=_upload(same, _entry(), same)).json()["acks"]
    assert [a["status"] for a in acks] == ["accepted", "accepted", "duplicate"]
    bad = {**_entry(), "payload": {}}
    acks = exchange("POST", "/v1/events", valid_request=False, json=_upload(bad)).json()["acks"]
    assert acks[0]["status"] == "rejected"
    assert acks[0]["error"] == "invalid_item"


ERRORS = [
    pytest.param("GET", "/v1/patrons", {"params": {"limit": "0"}}, 400, "invalid_limit",
                 id="limit-zero"),
    pytest.param("GET", "/v1/patrons", {"params": {"limit": ""}}, 400, "invalid_limit",
                 id="limit-empty"),
    pytest.param("GET", "/v1/patrons", {"params": {"limit": "5001"}}, 400, "invalid_limit",
                 id="limit-above-max"),
    pytest.param("GET", "/v1/patrons", {"params": {"cursor": "x"}}, 400, "invalid_cursor",
                 id="cursor-never-issued"),
    pytest.param("GET", "/v1/patrons", {"params": {"page_token": "x"}}, 400,
                 "invalid_page_token", id="token-never-issued"),
    pytest.param("GET", "/v1/patrons", {"params": {"cursor": "99999"}}, 410, "cursor_expired",
                 id="cursor-from-another-history"),
    pytest.param("GET", "/v1/patrons", {"headers": {}}, 401, "unauthorized", id="no-token"),
    pytest.param("GET", "/v1/patrons", {"headers": {"Authorization": "Bearer nope"}}, 401,
                 "invalid_token", id="wrong-token"),
    pytest.param("POST", "/v1/events", {"json": {"items": []}}, 400, "invalid_request",
                 id="no-items"),
    pytest.param("POST", "/v1/events", {"json": {"items": [{}]}}, 400, "invalid_request",
                 id="item-without-key"),
    pytest.param("POST", "/v1/events", {"data": b"{not json",
                                        "headers": {**AUTH, "Content-Type": "application/json"}},
                 400, "invalid_request", id="not-json"),
    pytest.param("POST", "/v1/events", {"json": {"items": [_entry() for _ in range(501)]}},
                 400, "too_many_items", id="501-items"),
    pytest.param("POST", "/v1/events", {"data": b"items", "headers": {
        **AUTH, "Content-Type": "text/plain"}}, 415, "unsupported_media_type", id="text-body"),
    pytest.param("DELETE", "/v1/test/patrons/nobody", {}, 404, "not_found",
                 id="delete-unknown-patron"),
]


@pytest.mark.parametrize(("method", "path", "kwargs", "status", "code"), ERRORS)
def test_every_refusal_is_documented(
    exchange: Exchange, method: str, path: str, kwargs: dict[str, Any], status: int, code: str
) -> None:
    resp = exchange(method, path, valid_request=False, **kwargs)

    assert resp.status_code == status
    assert resp.json()["error"] == code


def _response_schema(name: str) -> dict[str, Any]:
    import yaml

    doc = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    schema = doc["components"]["responses"][name]["content"]["application/json"]["schema"]
    return {**schema, "components": doc["components"]}


@pytest.mark.parametrize(("method", "path", "status", "response"), [
    ("GET", "/v1/nothing-here", 404, "NotFound"),
    ("GET", "/elsewhere", 404, "NotFound"),
    ("PATCH", "/v1/patrons", 405, "MethodNotAllowed"),
    ("DELETE", "/v1/events", 405, "MethodNotAllowed"),
    ("POST", "/v1/patrons", 405, "MethodNotAllowed"),
    ("PUT", "/v1/events", 405, "MethodNotAllowed"),
    ("PROPFIND", "/v1/patrons", 405, "MethodNotAllowed"),
])
def test_unknown_paths_and_methods_get_documented_json_errors(
    fake: FakeCentral, method: str, path: str, status: int, response: str
) -> None:
    resp = requests.request(method, fake.url + path, headers=AUTH, timeout=5)

    assert resp.status_code == status
    assert resp.headers["Content-Type"] == "application/json"
    OAS31Validator(_response_schema(response)).validate(resp.json())
    if path.startswith("/v1"):
        assert resp.headers["Cache-Control"] == "no-store"
    if status == 405:
        assert method not in resp.headers["Allow"]


@pytest.mark.parametrize("status", ["400", "401", "403", "404", "429", "500", "503"])
def test_injected_faults_answer_with_the_documented_code(
    exchange: Exchange, fake: FakeCentral, status: str
) -> None:
    fake.faults.add(status, 1, 7.0)

    resp = exchange("GET", "/v1/patrons", valid_request=True) if status not in (
        "404",) else requests.get(fake.url + "/v1/patrons", headers=AUTH, timeout=5)

    assert resp.status_code == int(status)
    assert resp.json()["error"] != f"http_{status}"

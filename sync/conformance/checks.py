"""The conformance checks, in run order; each names the docs/central-api.md section it tests.

A check raises CheckFailed with one line, or returns. Checks share a Context: the test patrons
made through the test hooks (docs/central-api.md "Test hooks") and the cursors seen.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final

from sync.api_wire import parse_records
from sync.client import BadRecord
from sync.conformance.probe import CheckFailed, Probe, expect_error, expect_status, json_body

PREFIX: Final = "conformance-"


@dataclass(slots=True)
class Context:
    probe: Probe
    known: list[str] = field(default_factory=list)
    """--patron ids: existing patrons the snapshot must hold."""
    run: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    made: list[str] = field(default_factory=list)
    cursor: str | None = None

    def pid(self, tag: str) -> str:
        return f"{PREFIX}{self.run}-{tag}"

    def put(self, tag: str, **fields: Any) -> str:
        """Create or replace test patron `tag` through the test hook."""
        pid = self.pid(tag)
        record = {"patron_id": pid, "name": f"Conformance {tag}",
                  "cards": [{"number": f"CONF{self.run}{tag}".upper(), "status": "active"}],
                  "pin": "1234", "self_service_opt_in": True, **fields}
        resp = self.probe.call("PUT", f"/v1/test/patrons/{pid}", json=record)
        if resp.status_code == 404:
            raise CheckFailed("the test hooks answered 404: this check needs a test server")
        expect_status(resp, 200)
        if pid not in self.made:
            self.made.append(pid)
        return pid

    def delete(self, pid: str) -> None:
        expect_status(self.probe.call("DELETE", f"/v1/test/patrons/{pid}"), 200)


def _records(pages: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """patron_id -> record over all pages; a patron twice is a failure."""
    seen: dict[str, dict[str, Any]] = {}
    for number, page in enumerate(pages, start=1):
        for record in page["records"]:
            pid = record.get("patron_id") if isinstance(record, dict) else None
            if not isinstance(pid, str):
                raise CheckFailed(f"page {number}: a record without a patron_id string")
            if pid in seen:
                raise CheckFailed(f"patron {pid} appears twice in one snapshot or delta")
            seen[pid] = record
    return seen


def auth_missing(ctx: Context) -> None:
    resp = ctx.probe.call("GET", "/v1/patrons", params={"limit": 1}, auth=False)
    expect_error(resp, 401, "unauthorized")
    if not resp.headers.get("WWW-Authenticate", "").startswith("Bearer"):
        raise CheckFailed("401 without 'WWW-Authenticate: Bearer …'")


def auth_wrong(ctx: Context) -> None:
    resp = ctx.probe.call("GET", "/v1/patrons", params={"limit": 1}, token="not-" + ctx.run)
    expect_error(resp, 401, "invalid_token")


def headers(ctx: Context) -> None:
    plain = ctx.probe.call("GET", "/v1/patrons", params={"limit": 50},
                           headers={"Accept-Encoding": "identity"})
    expect_status(plain, 200)
    json_body(plain)
    if plain.headers.get("Content-Encoding", "identity") != "identity":
        raise CheckFailed("compressed although the request did not allow it")
    packed = ctx.probe.call("GET", "/v1/patrons", params={"limit": 50},
                            headers={"Accept-Encoding": "gzip"})
    expect_status(packed, 200)
    if packed.headers.get("Content-Encoding", "gzip") != "gzip":
        raise CheckFailed(f"Content-Encoding {packed.headers['Content-Encoding']!r}, not gzip")
    if json_body(packed) != json_body(plain):
        raise CheckFailed("the gzip answer decodes to another page than the plain one")


def limit_bounds(ctx: Context) -> None:
    for bad in ("0", "5001", "", "ten"):
        expect_error(ctx.probe.call("GET", "/v1/patrons", params={"limit": bad}), 400,
                     "invalid_limit")
    if len(ctx.probe.page(limit=1)["records"]) > 1:
        raise CheckFailed("limit=1 answered with more than one record")


def snapshot_paging(ctx: Context) -> None:
    for name in ("a", "b", "c"):
        ctx.put(name)
    records = _records(ctx.probe.pages(limit=2))
    missing = [p for p in [ctx.pid("a"), ctx.pid("b"), ctx.pid("c"), *ctx.known]
               if p not in records]
    if missing:
        raise CheckFailed(f"the snapshot lacks {', '.join(missing)}")
    if any(r.get("deleted") is True for r in records.values() if r.get("patron_id") in missing):
        raise CheckFailed("a deletion record in a snapshot for a patron that exists")


def records_valid(ctx: Context) -> None:
    for number, page in enumerate(ctx.probe.pages(limit=1000), start=1):
        try:
            _, refused = parse_records(page["records"], number)
        except BadRecord as err:
            raise CheckFailed(f"the kiosk would refuse this page: {err}") from None
        if refused:
            raise CheckFailed(f"the kiosk cannot use a record: {refused[0]}")


def snapshot_consistency(ctx: Context) -> None:
    """Changes while a kiosk pages through a snapshot do not show in it."""
    first = ctx.probe.page(limit=1)
    if first["next_page"] is None:
        raise CheckFailed("a snapshot of 3+ patrons with limit=1 ended after one page")
    ctx.put("a", name="Conformance a changed")
    ctx.delete(ctx.pid("b"))
    ctx.put("d")
    pages = [first]
    while pages[-1]["next_page"] is not None:
        pages.append(ctx.probe.page(limit=1, page_token=pages[-1]["next_page"]))
    records = _records(pages)
    if ctx.pid("d") in records:
        raise CheckFailed("a patron created after the first page shows in the snapshot")
    if ctx.pid("b") not in records or records[ctx.pid("b")].get("deleted") is True:
        raise CheckFailed("a patron deleted after the first page is missing from the snapshot")
    if records.get(ctx.pid("a"), {}).get("name") != "Conformance a":
        raise CheckFailed("a change made after the first page shows in the snapshot")
    ctx.cursor = pages[-1]["cursor"]


def delta_changes(ctx: Context) -> None:
    if ctx.cursor is None:
        raise CheckFailed("no cursor from the snapshot check")
    records = _records(ctx.probe.pages(cursor=ctx.cursor, limit=1))
    if records.get(ctx.pid("a"), {}).get("name") != "Conformance a changed":
        raise CheckFailed("the delta lacks the change made during the snapshot")
    if records.get(ctx.pid("b")) != {"patron_id": ctx.pid("b"), "deleted": True}:
        raise CheckFailed("the delta lacks the deletion record {patron_id, deleted: true}")
    if ctx.pid("d") not in records:
        raise CheckFailed("the delta lacks the patron created during the snapshot")
    last = ctx.probe.pages(cursor=ctx.probe.pages(cursor=ctx.cursor)[-1]["cursor"])
    again = [p for p in _records(last) if p.startswith(ctx.pid(""))]
    if again:
        raise CheckFailed(f"a delta from the newest cursor repeats {again[0]}")


def never_issued(ctx: Context) -> None:
    expect_error(ctx.probe.call("GET", "/v1/patrons", params={"page_token": "x" + ctx.run}),
                 400, "invalid_page_token")
    expect_error(ctx.probe.call("GET", "/v1/patrons", params={"cursor": "x" + ctx.run}),
                 400, "invalid_cursor")


def _expire(ctx: Context, what: str) -> None:
    resp = ctx.probe.call("POST", "/v1/test/expire", json={"what": what})
    if resp.status_code == 404:
        raise CheckFailed("the test hooks answered 404: this check needs a test server")
    expect_status(resp, 200)


def expired_page_token(ctx: Context) -> None:
    token = ctx.probe.page(limit=1)["next_page"]
    _expire(ctx, "page_tokens")
    expect_error(ctx.probe.call("GET", "/v1/patrons", params={"limit": 1, "page_token": token}),
                 410, "page_token_expired")


def expired_cursor(ctx: Context) -> None:
    cursor = ctx.probe.pages(limit=1000)[-1]["cursor"]
    _expire(ctx, "cursors")
    expect_error(ctx.probe.call("GET", "/v1/patrons", params={"cursor": cursor}), 410,
                 "cursor_expired")
    ctx.probe.page(limit=1)  # the fallback, a full snapshot, still works


def _entry(key: str | None = None, **payload: Any) -> dict[str, Any]:
    body = {"at": "2026-11-21T11:00:03+00:00", "mode": "self_service", "reason": "ok",
            "granted": True}
    return {"idempotency_key": key or str(uuid.uuid4()), "kind": "entry",
            "occurred_at": "2026-11-21T12:00:03+01:00", "payload": {**body, **payload}}


def _acks(ctx: Context, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    resp = ctx.probe.call("POST", "/v1/events", json={"items": items})
    expect_status(resp, 200)
    acks = json_body(resp).get("acks")
    if not isinstance(acks, list) or len(acks) != len(items):
        raise CheckFailed(f"{len(items)} items answered with {len(acks or [])} acks")
    return acks


def events_idempotent(ctx: Context) -> None:
    one, two = _entry(), _entry()
    statuses = [str(a.get("status")) for a in _acks(ctx, [one, two, one])]
    if sorted(statuses) != ["accepted", "accepted", "duplicate"]:
        raise CheckFailed(f"a key repeated in one request got {statuses}")
    again = _acks(ctx, [one])[0]
    if again.get("status") != "duplicate" or again.get("idempotency_key") != one[
            "idempotency_key"]:
        raise CheckFailed(f"a resent key got {again.get('status')!r}, expected 'duplicate'")


def events_rejected_alone(ctx: Context) -> None:
    bad = {**_entry(), "payload": {}}
    acks = {a.get("idempotency_key"): a for a in _acks(ctx, [bad, _entry()])}
    verdict = acks.get(bad["idempotency_key"], {})
    if verdict.get("status") != "rejected" or verdict.get("error") != "invalid_item":
        raise CheckFailed(f"an entry without its payload got {verdict.get('status')!r}/"
                          f"{verdict.get('error')!r}, expected rejected/invalid_item")
    if sorted(str(a.get("status")) for a in acks.values()) != ["accepted", "rejected"]:
        raise CheckFailed("one bad item spoiled the good one beside it")


def error_bodies(ctx: Context) -> None:
    call = ctx.probe.call
    expect_error(call("POST", "/v1/events", json={"items": []}), 400, "invalid_request")
    expect_error(call("POST", "/v1/events", json={"items": [_entry() for _ in range(501)]}),
                 400, "too_many_items")
    expect_error(call("POST", "/v1/events", data=b"items",
                      headers={"Content-Type": "text/plain"}), 415, "unsupported_media_type")
    expect_error(call("GET", "/v1/no-such-path"), 404, "not_found")
    resp = call("DELETE", "/v1/patrons")
    expect_error(resp, 405, "method_not_allowed")
    if "GET" not in resp.headers.get("Allow", ""):
        raise CheckFailed("405 without an 'Allow' header naming GET")


Check = tuple[str, str, Callable[[Context], None]]
CHECKS: Final[tuple[Check, ...]] = (
    ("401 without a token", "Tokens and scope", auth_missing),
    ("401 with a wrong token", "Tokens and scope", auth_wrong),
    ("JSON, Cache-Control: no-store, gzip", "Conventions", headers),
    ("limit must be 1..5000", "Sizes and time limits", limit_bounds),
    ("snapshot pages: cursor on each, patrons once", "GET /v1/patrons", snapshot_paging),
    ("records the kiosk accepts", "Validation: what the kiosk refuses", records_valid),
    ("snapshot consistent across pages", "GET /v1/patrons", snapshot_consistency),
    ("delta: changes, deletions, cursor", "GET /v1/patrons", delta_changes),
    ("400 for a token or cursor never issued", "Expiry: 410 and 400", never_issued),
    ("410 for an expired page token", "Expiry: 410 and 400", expired_page_token),
    ("410 for an expired cursor", "Expiry: 410 and 400", expired_cursor),
    ("events: each key applied once", "Acknowledgements", events_idempotent),
    ("events: a bad item rejected alone", "Acknowledgements", events_rejected_alone),
    ("error bodies 400/404/405/415", "Errors", error_bodies),
)

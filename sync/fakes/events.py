"""What the fake central does with `POST /v1/events` (docs/central-api.md "Events"): the request
checks, the per-item checks, and the ledger that applies each idempotency key at most once.

Imports nothing from kiosk/ or drivers/.
"""

from __future__ import annotations

import re
import threading
import uuid
from typing import Any, Final

from sync.client import EVENT_KINDS
from sync.fakes.store import FakeError

MAX_EVENTS: Final = 500
MAX_KEY_CHARS: Final = 100
_TIME: Final = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$", re.ASCII)
# docs/central-api.md "Event payloads": the fields each kind must carry (more are allowed).
PAYLOAD_FIELDS: Final[dict[str, dict[str, type | tuple[type, ...]]]] = {
    "entry": {"at": str, "mode": str, "reason": str, "granted": bool},
    "checkout": {"patron_id": str, "item_id": str},
    "checkin": {"item_id": str},
    "renew": {"patron_id": str, "item_id": str},
}
_TIMES: Final = {"entry": ("at",), "checkout": ("due",), "renew": ("due",), "checkin": ()}


def request_items(body: Any) -> list[dict[str, Any]]:
    """The items of an upload, or FakeError 400 for a request that is wrong as a whole."""
    items = body.get("items") if isinstance(body, dict) else None
    if not isinstance(items, list):
        raise FakeError(400, "invalid_request", 'body must be {"items": [...]}')
    if len(items) > MAX_EVENTS:
        raise FakeError(400, "too_many_items", f"at most {MAX_EVENTS} items per request")
    if not items:
        raise FakeError(400, "invalid_request", "items must hold at least one item")
    for index, item in enumerate(items):
        key = item.get("idempotency_key") if isinstance(item, dict) else None
        if not isinstance(key, str) or not 1 <= len(key) <= MAX_KEY_CHARS:
            raise FakeError(400, "invalid_request",
                            f"item {index}: idempotency_key must be a string of 1..100 chars")
    return items


def item_problem(item: dict[str, Any]) -> str | None:
    """Why one item can never be applied (acked `rejected`, `invalid_item`), or None."""
    try:
        uuid.UUID(item["idempotency_key"])
    except ValueError:
        return "idempotency_key must be a UUID"
    kind = item.get("kind")
    if kind not in EVENT_KINDS:
        return f"kind must be one of {', '.join(sorted(EVENT_KINDS))}"
    if not _is_time(item.get("occurred_at")):
        return "occurred_at must be an RFC 3339 time with an offset"
    payload = item.get("payload")
    if not isinstance(payload, dict):
        return "payload must be a JSON object"
    for name, wanted in PAYLOAD_FIELDS[kind].items():
        value = payload.get(name)
        if not isinstance(value, wanted) or value == "":
            return f"payload of {kind} needs {name!r}"
    for name in _TIMES[kind]:
        if name in payload and not _is_time(payload[name]):
            return f"payload.{name} must be an RFC 3339 time with an offset"
    return None


def _is_time(value: object) -> bool:
    return isinstance(value, str) and _TIME.match(value) is not None


class EventLedger:
    """What POST /v1/events received, per idempotency key, and which kinds to reject."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._events: dict[str, dict[str, Any]] = {}
        self._rejects: dict[str, tuple[str, str]] = {}

    def reject_kind(self, kind: str, error: str, message: str) -> None:
        if kind not in EVENT_KINDS:
            raise FakeError(400, "invalid_kind", f"kind must be one of {sorted(EVENT_KINDS)}")
        with self._lock:
            self._rejects[kind] = (error, message)

    def receive(self, body: Any) -> list[dict[str, Any]]:
        """One ack per item, in order; a key seen before (even in this request) is applied
        only once."""
        items = request_items(body)
        with self._lock:
            return [self._receive_one(item) for item in items]

    def _receive_one(self, item: dict[str, Any]) -> dict[str, Any]:
        key = item["idempotency_key"]
        seen = self._events.get(key)
        if seen is not None:
            seen["received"] += 1
            if seen["status"] == "rejected":
                return {"idempotency_key": key, "status": "rejected", "error": seen["error"],
                        "message": seen["message"]}
            return {"idempotency_key": key, "status": "duplicate"}
        problem = item_problem(item)
        error, message = ("invalid_item", problem) if problem else self._rejects.get(
            str(item.get("kind", "")), ("", ""))
        status = "rejected" if error else "accepted"
        self._events[key] = {
            "idempotency_key": key, "kind": item.get("kind"),
            "occurred_at": item.get("occurred_at"), "payload": item.get("payload"),
            "origin": item.get("origin"), "received": 1, "applied": int(not error),
            "status": status, "error": error or None, "message": message or None,
        }
        ack: dict[str, Any] = {"idempotency_key": key, "status": status}
        if error:
            ack.update(error=error, message=message)
        return ack

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            events = [dict(e) for e in self._events.values()]
        return {
            "events": events,
            "received_total": sum(e["received"] for e in events),
            "applied_total": sum(e["applied"] for e in events),
        }

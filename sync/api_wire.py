"""Decoding of the sync API's answers (docs/central-api.md) into SyncPage / EventAck.

Transport-free: takes bytes and a content type, so HTTP code and tests share it. Every failure
is a typed CentralError with one line naming what was wrong; nothing here logs record contents.
Imports nothing from kiosk/ or drivers/.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any, Final

from pydantic import ValidationError

from sync.client import (
    AckStatus,
    BadPayload,
    BadRecord,
    EventAck,
    EventItem,
    NotJson,
    SyncPage,
)
from sync.records import PatronRecord, RecordError, parse_patron

SNIPPET_CHARS: Final = 60
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_SPACES = re.compile(r"\s+")
# Six or more digits in a row could be a CPR number (in an error page, a proxy echoing the
# request, a record): never copy those into a message or a log line.
_LONG_DIGITS = re.compile(r"\d{6,}")
_CPR_LIKE = re.compile(r"^\d{6}-?\d{4}$")


def snippet(body: bytes, limit: int = SNIPPET_CHARS) -> str:
    """The first `limit` characters of a body, printable and with long digit runs masked."""
    text = body[: limit * 4].decode("utf-8", errors="replace")
    text = _SPACES.sub(" ", _CONTROL.sub(" ", text)).strip()
    text = _LONG_DIGITS.sub(lambda m: "#" * len(m.group()), text)
    return text[:limit] + ("…" if len(text) > limit else "")


def safe_patron_id(value: object) -> str | None:
    """A patron_id fit for a message: None if absent, masked if it looks like a CPR."""
    if not isinstance(value, str | int) or isinstance(value, bool):
        return None
    text = _SPACES.sub(" ", _CONTROL.sub(" ", str(value)[:64]))
    return "##########" if _CPR_LIKE.match(text) else text


def is_json_type(content_type: str | None) -> bool:
    """application/json and the +json family (e.g. application/problem+json)."""
    if not content_type:
        return False
    mime = content_type.split(";", 1)[0].strip().lower()
    return mime == "application/json" or mime.endswith("+json")


def decode_json(body: bytes, content_type: str | None, what: str) -> Any:
    """JSON bytes -> Python object; NotJson for HTML and friends, BadPayload for broken JSON."""
    head = body.lstrip()[:1]
    if not is_json_type(content_type) or head == b"<":
        shown = content_type.split(";", 1)[0] if content_type else "no content type"
        raise NotJson(f"{what}: expected JSON, got {shown}: {snippet(body)!r}")
    try:
        return json.loads(body)
    except UnicodeDecodeError:
        raise BadPayload(f"{what}: body is not UTF-8 text") from None
    except json.JSONDecodeError as err:
        # A body that stops mid-value (proxy timeout, dropped connection) ends without } or ].
        cut = " (truncated)" if body.rstrip()[-1:] not in (b"}", b"]") else ""
        raise BadPayload(
            f"{what}: malformed JSON{cut}: {err.msg} (line {err.lineno}, column {err.colno},"
            f" body {len(body)} bytes)"
        ) from None


def error_detail(body: bytes, content_type: str | None) -> tuple[str | None, str]:
    """(code, message) from an error answer's `{"error", "message"}` body, or a snippet."""
    if is_json_type(content_type):
        try:
            obj = json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError):
            obj = None
        if isinstance(obj, dict) and isinstance(obj.get("error"), str):
            message = obj.get("message")
            text = message if isinstance(message, str) else ""
            return obj["error"], snippet(text.encode(), 200)
    if not body:
        return None, "empty body"
    kind = "HTML page" if body.lstrip()[:1] == b"<" else "body"
    return None, f"{kind}: {snippet(body)!r}"


def _optional_str(obj: dict[str, Any], key: str, what: str) -> str | None:
    value = obj.get(key)
    if value is None or (isinstance(value, str) and value):
        return value
    got = type(value).__name__
    raise BadPayload(f"{what}: {key!r} must be a non-empty string or null, got {got}")


def parse_page(obj: Any, page_no: int) -> SyncPage:
    """A decoded `/v1/patrons` answer -> SyncPage; every record validated (sync.records)."""
    what = f"page {page_no}"
    if not isinstance(obj, dict):
        raise BadPayload(f"{what}: expected a JSON object, got {type(obj).__name__}")
    raw = obj.get("records")
    if not isinstance(raw, list):
        raise BadPayload(f"{what}: 'records' must be a list, got {type(raw).__name__}")
    next_page = _optional_str(obj, "next_page", what)
    cursor = _optional_str(obj, "cursor", what)
    if next_page is None and cursor is None:
        raise BadPayload(f"{what}: last page (next_page null) carries no cursor")
    return SyncPage(records=parse_records(raw, page_no), next_page=next_page, cursor=cursor)


def parse_records(raw: list[Any], page_no: int) -> list[PatronRecord]:
    """Validate a page's records in order; the first bad one rejects the page as BadRecord."""
    where = f"page {page_no}"
    out: list[PatronRecord] = []
    # Hot loop (a million records per full sync): model_validate straight away; parse_patron,
    # which words the error, runs only for a record that failed.
    append, validate = out.append, PatronRecord.model_validate
    for index, item in enumerate(raw):
        try:
            append(validate(item))
        except ValidationError:
            raise _bad_record(item, page_no, index, where) from None
    seen: set[str] = set()
    for index, record in enumerate(out):
        # A page naming one patron twice is ambiguous (which one wins?): refuse it whole.
        if record.patron_id in seen:
            dup = RecordError(where, "patron_id", "appears twice on the page")
            raise BadRecord(page_no, index, safe_patron_id(record.patron_id), dup)
        seen.add(record.patron_id)
    return out


def _bad_record(item: object, page_no: int, index: int, where: str) -> BadRecord:
    pid = safe_patron_id(item.get("patron_id")) if isinstance(item, dict) else None
    try:
        parse_patron(item, where)
    except RecordError as err:
        return BadRecord(page_no, index, pid, err)
    # model_validate and parse_patron disagreeing would be a bug in sync.records.
    return BadRecord(page_no, index, pid, RecordError(where, "(record)", "failed validation"))


def parse_acks(obj: Any, items: Sequence[EventItem]) -> list[EventAck]:
    """A decoded `/v1/events` answer -> one EventAck per sent item, in the sent order."""
    what = "events answer"
    acks = obj.get("acks") if isinstance(obj, dict) else None
    if not isinstance(acks, list):
        raise BadPayload(f"{what}: expected an object with an 'acks' list")
    by_key: dict[str, EventAck] = {}
    for index, ack in enumerate(acks):
        parsed = _parse_ack(ack, f"{what}: ack {index}")
        by_key[parsed.idempotency_key] = parsed
    missing = [item.idempotency_key for item in items if item.idempotency_key not in by_key]
    if missing:
        raise BadPayload(f"{what}: no ack for {len(missing)} item(s), first {missing[0]}")
    return [by_key[item.idempotency_key] for item in items]


def _parse_ack(ack: Any, what: str) -> EventAck:
    if not isinstance(ack, dict) or not isinstance(ack.get("idempotency_key"), str):
        raise BadPayload(f"{what}: expected an object with an 'idempotency_key' string")
    try:
        status = AckStatus(str(ack.get("status")))
    except ValueError:
        shown = snippet(str(ack.get("status")).encode())
        raise BadPayload(f"{what}: unknown status {shown!r}") from None
    error, message = ack.get("error"), ack.get("message")
    return EventAck(
        idempotency_key=ack["idempotency_key"],
        status=status,
        error=error if isinstance(error, str) else None,
        message=snippet(message.encode(), 200) if isinstance(message, str) else None,
    )

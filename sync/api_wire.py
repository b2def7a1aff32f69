"""Decoding of the sync API's answers (docs/central-api.md) into SyncPage / EventAck.

Transport-free: takes bytes and a content type, so HTTP code and tests share it. Every failure
is a typed CentralError with one line naming what was wrong; nothing here logs record contents.
Imports nothing from kiosk/ or drivers/.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import msgspec
from pydantic import ValidationError

from drivers.cardparse import normalise_card
from drivers.cpr import looks_like_cpr
from sync.client import (
    AckStatus,
    BadPayload,
    BadRecord,
    EventAck,
    EventItem,
    NotJson,
    RefusedRecord,
    SyncPage,
)
from sync.records import (
    CARD_STATUSES,
    PageRecord,
    PatronModel,
    PatronRecord,
    RecordError,
    fast_record,
    parse_patron,
    patron_records,
)

SNIPPET_CHARS: Final = 60
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_SPACES = re.compile(r"\s+")
# Six or more digits in a row could be a CPR number (in an error page, a proxy echoing the
# request, a record): never copy those into a message or a log line.
_LONG_DIGITS = re.compile(r"\d{6,}")


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
    return "##########" if looks_like_cpr(text) else text


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


def _token(obj: dict[str, Any], key: str, what: str, *, nullable: bool) -> str | None:
    value = obj.get(key)
    if (value is None and nullable and key in obj) or (isinstance(value, str) and value):
        return value
    wanted = "a non-empty string or null" if nullable else "a non-empty string"
    got = "absent" if key not in obj else type(value).__name__
    raise BadPayload(f"{what}: {key!r} must be {wanted}, got {got}")


class _FastPage(msgspec.Struct, gc=False):
    """A page as msgspec decodes it when every record is valid: the common case, in C."""

    records: list[PageRecord]
    next_page: Any = msgspec.UNSET
    cursor: Any = msgspec.UNSET


_PAGE: Final = msgspec.json.Decoder(_FastPage)


class _NextPage(msgspec.Struct):
    next_page: Any = msgspec.UNSET


_NEXT: Final = msgspec.json.Decoder(_NextPage)


@dataclass(frozen=True, slots=True)
class PageBody:
    """A `/v1/patrons` answer as fetched, not yet decoded: one process may fetch it and tell
    the next page's token while another decodes it (kiosk/jobs/snapshot_worker.py)."""

    body: bytes = field(repr=False)  # plaintext CPR and PIN: never in a message
    content_type: str | None
    page_no: int

    def decoded(self) -> SyncPage:
        return decode_page(self.body, self.content_type, self.page_no)

    def next_page(self) -> str | None:
        """The page token this page gives, read without decoding its records (2 ms for 5,000
        records instead of 50); None when it gives none or it cannot be read: decoded() then
        says what is wrong, if anything is."""
        if not is_json_type(self.content_type):
            return None
        try:
            token = _NEXT.decode(self.body).next_page
        except (msgspec.ValidationError, msgspec.DecodeError):
            return None
        return token if isinstance(token, str) and token else None


def decode_page(body: bytes, content_type: str | None, page_no: int) -> SyncPage:
    """A `/v1/patrons` answer's bytes -> SyncPage, every record validated.

    msgspec decodes and validates the whole page at once; a page it refuses (a bad record, a
    record of a later API version, broken JSON, HTML) goes the reference way instead
    (decode_json + parse_page), which finds and words the problem as it always has."""
    if is_json_type(content_type) and body.lstrip()[:1] != b"<":
        try:
            fast = _PAGE.decode(body)
        except (msgspec.ValidationError, msgspec.DecodeError):
            pass
        else:
            records = patron_records(fast.records)
            if records is not None:
                return _fast_page(fast, records, page_no)
    return parse_page(decode_json(body, content_type, f"page {page_no}"), page_no)


def _fast_page(fast: _FastPage, records: list[PatronRecord], page_no: int) -> SyncPage:
    what = f"page {page_no}"
    obj = {k: v for k, v in (("next_page", fast.next_page), ("cursor", fast.cursor))
           if v is not msgspec.UNSET}
    next_page = _token(obj, "next_page", what, nullable=True)
    cursor = _token(obj, "cursor", what, nullable=False)
    assert cursor is not None
    _check_unique(records, range(len(records)), [], page_no)
    return SyncPage(records=records, next_page=next_page, cursor=cursor)


def parse_page(obj: Any, page_no: int) -> SyncPage:
    """A decoded `/v1/patrons` answer -> SyncPage; every record validated (sync.records)."""
    what = f"page {page_no}"
    if not isinstance(obj, dict):
        raise BadPayload(f"{what}: expected a JSON object, got {type(obj).__name__}")
    raw = obj.get("records")
    if not isinstance(raw, list):
        raise BadPayload(f"{what}: 'records' must be a list, got {type(raw).__name__}")
    next_page = _token(obj, "next_page", what, nullable=True)
    # docs/central-api.md "Paging": every page carries a cursor; only the last one's counts.
    cursor = _token(obj, "cursor", what, nullable=False)
    assert cursor is not None  # _token with nullable=False returns a string or raises
    records, refused = parse_records(raw, page_no)
    return SyncPage(records=records, next_page=next_page, cursor=cursor, refused=refused)


def parse_records(
    raw: list[Any], page_no: int
) -> tuple[list[PatronRecord], tuple[RefusedRecord, ...]]:
    """Validate a page's records in order: (usable records, records refused as unusable).

    The first invalid record rejects the page as BadRecord; a record whose only fault is an
    enumeration value of a later API version is refused alone (docs/central-api.md)."""
    where = f"page {page_no}"
    out: list[PatronRecord] = []
    refused: list[RefusedRecord] = []
    positions: list[int] = []
    for index, item in enumerate(raw):
        try:
            out.append(fast_record(item))
        except msgspec.ValidationError:
            pass
        else:
            positions.append(index)
            continue
        # msgspec refused it: the reference model decides, and words the refusal.
        try:
            out.append(PatronModel.model_validate(item).record())
        except ValidationError as err:
            unusable = _unknown_enum_value(item, err, page_no, index)
            if unusable is None:
                raise _bad_record(item, page_no, index, where) from None
            refused.append(unusable)
        else:
            positions.append(index)
    _check_unique(out, positions, refused, page_no)
    return out, tuple(refused)


def _unknown_enum_value(
    item: object, err: ValidationError, page_no: int, index: int
) -> RefusedRecord | None:
    """A RefusedRecord when every error is a card status this version does not know."""
    errors = err.errors()
    if not isinstance(item, dict) or not all(
        e["type"] == "literal_error" and len(e["loc"]) == 3 and e["loc"][0] == "cards"
        and e["loc"][2] == "status" and isinstance(e["input"], str) for e in errors
    ):
        return None
    try:  # the rest of the record must be valid: only the enumeration may be new
        PatronModel.model_validate({**item, "cards": []})
    except ValidationError:
        return None
    first = errors[0]
    field = ".".join(str(p) for p in first["loc"])
    known = ", ".join(CARD_STATUSES)
    problem = f"unknown value {snippet(str(first['input']).encode(), 20)!r} (API v1 knows {known})"
    return RefusedRecord(page_no, index, str(item["patron_id"]), field, problem)


def _check_unique(
    records: list[PatronRecord], positions: Sequence[int], refused: list[RefusedRecord],
    page_no: int,
) -> None:
    """A page naming one patron twice, or one card on two patrons, is ambiguous: refuse it."""
    where = f"page {page_no}"
    seen = {r.patron_id: -1 for r in refused}
    cards: dict[str, str] = {}
    for index, record in zip(positions, records, strict=True):
        if record.patron_id in seen:
            dup = RecordError(where, "patron_id", "appears twice on the page")
            raise BadRecord(page_no, index, safe_patron_id(record.patron_id), dup)
        seen[record.patron_id] = index
        for number, card in enumerate(record.cards):
            key = normalise_card(card.number)
            owner = cards.setdefault(key, record.patron_id)
            if owner != record.patron_id:
                shown = safe_patron_id(owner)
                dup = RecordError(where, f"cards.{number}.number",
                                  f"the same card is on patron {shown} on this page")
                raise BadRecord(page_no, index, safe_patron_id(record.patron_id), dup)


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

"""The CentralClient role (bulk patron sync + event upload), its value objects and errors.

Adapters (HTTP here, others later) implement the Protocol; kiosk/ depends only on this module.
Imports nothing from kiosk/ or drivers/.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Final, Literal, Protocol

from sync.records import PatronRecord, RecordError

EventKind = Literal["entry", "checkout", "checkin", "renew"]
EVENT_KINDS: Final = frozenset({"entry", "checkout", "checkin", "renew"})


@dataclass(frozen=True, slots=True)
class RefusedRecord:
    """A record the kiosk cannot use although the page is fine: a value of an enumeration that
    a later API version added (docs/central-api.md "Versions"). The patron is treated as absent."""

    page: int
    index: int
    patron_id: str
    field: str
    problem: str

    def __str__(self) -> str:
        return (f"page {self.page}, record {self.index} (patron_id {self.patron_id}): "
                f"{self.field}: {self.problem}")


@dataclass(frozen=True, slots=True)
class SyncPage:
    """One page of a full snapshot or a delta (docs/central-api.md "Paging").

    `next_page` non-null: more pages of the same snapshot/delta follow; pass it back as
    `page_token` with the same `cursor`. `next_page` null: this is the last page and `cursor`
    is what to store and send for the next delta. `refused`: records left out as unusable.
    """

    records: list[PatronRecord]
    next_page: str | None
    cursor: str
    refused: tuple[RefusedRecord, ...] = ()

    @property
    def is_last(self) -> bool:
        return self.next_page is None


@dataclass(frozen=True, slots=True)
class EventItem:
    """One queued outbox item; `idempotency_key` (a UUID) makes a resend harmless."""

    idempotency_key: str
    kind: EventKind
    occurred_at: datetime
    payload: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # The API wants an offset on every time (docs/central-api.md); a naive time would be
        # rejected item by item at the central, so refuse it here where the bug is.
        if self.occurred_at.tzinfo is None or self.occurred_at.utcoffset() is None:
            raise ValueError(f"EventItem {self.idempotency_key}: occurred_at needs a time zone")
        if self.kind not in EVENT_KINDS:
            raise ValueError(f"EventItem {self.idempotency_key}: unknown kind {self.kind!r}")

    def to_wire(self) -> dict[str, Any]:
        return {
            "idempotency_key": self.idempotency_key,
            "kind": self.kind,
            "occurred_at": self.occurred_at.isoformat(),
            "payload": dict(self.payload),
        }


class AckStatus(StrEnum):
    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"  # the central already had it: as good as accepted
    REJECTED = "rejected"  # will never be accepted as sent: the kiosk parks it


@dataclass(frozen=True, slots=True)
class EventAck:
    idempotency_key: str
    status: AckStatus
    error: str | None = None
    message: str | None = None

    @property
    def acknowledged(self) -> bool:
        """True when the outbox may drop the item (accepted now or earlier)."""
        return self.status is not AckStatus.REJECTED


class CentralClient(Protocol):
    """The central system as the sync service sees it."""

    def fetch_page(self, cursor: str | None, page_token: str | None) -> SyncPage:
        """One page: cursor None = full snapshot, else changes since that cursor."""
        ...

    def upload_events(self, items: Sequence[EventItem]) -> list[EventAck]:
        """Send queued items; one ack per item, in the same order."""
        ...


def iter_pages(client: CentralClient, cursor: str | None) -> Iterator[SyncPage]:
    """Yield the pages of one snapshot (cursor None) or delta, one at a time.

    Only the page being yielded is held, so a million-patron snapshot stays bounded in memory.
    The last page yielded carries the cursor for the next delta.
    """
    token: str | None = None
    while True:
        page = client.fetch_page(cursor, token)
        yield page
        if page.next_page is None:
            return
        token = page.next_page


class CentralError(Exception):
    """Base of every failure talking to the central system; str() is one clear line."""

    retryable: bool = False
    """True when a later attempt may succeed without anyone touching the kiosk's configuration
    (network, server, rate limit, bad data the central can fix); False for TLS, auth, 4xx and
    Gone, which need a person or a full sync."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as class, message and attributes: the subclasses' own __init__ signatures
        # would not take the message back. A snapshot worker sends its failure this way.
        return _rebuilt, (type(self), str(self), dict(self.__dict__))


def _rebuilt(cls: type[CentralError], message: str, state: dict[str, Any]) -> CentralError:
    err = cls.__new__(cls)
    Exception.__init__(err, message)
    err.__dict__.update(state)
    return err


class Unreachable(CentralError):
    """Connection refused, name not resolved, or the connection dropped without a reply."""

    retryable = True


class Timeout(CentralError):
    retryable = True


class TlsError(CentralError):
    """Certificate not trusted, wrong host name, or the CA file is unusable."""


class AuthError(CentralError):
    """401/403: token missing, wrong or not allowed."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class TokenFileError(AuthError):
    """The bearer token file is missing, unreadable or empty (a configuration problem)."""


class ClientError(CentralError):
    """A 4xx other than 401/403/410: the request was wrong (bug or bad configuration)."""

    def __init__(self, message: str, status: int, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class RateLimited(ClientError):
    """429 still answered after the retries, or a Retry-After longer than the backoff cap."""

    retryable = True

    def __init__(self, message: str, retry_after: float | None) -> None:
        super().__init__(message, 429, "rate_limited")
        self.retry_after = retry_after


class ServerError(CentralError):
    """5xx answered on every attempt, or a 503 whose Retry-After is beyond the backoff cap."""

    retryable = True

    def __init__(self, message: str, status: int, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class NotJson(CentralError):
    """The answer was HTML (a proxy or login page) or another non-JSON content type."""

    retryable = True


class BadPayload(CentralError):
    """JSON that is truncated, malformed, or of the wrong shape for the API."""

    retryable = True


class BadRecord(CentralError):
    """A record on a page failed validation; the whole page is rejected."""

    retryable = True

    def __init__(self, page: int, index: int, patron_id: str | None, err: RecordError) -> None:
        who = f" (patron_id {patron_id})" if patron_id else ""
        super().__init__(f"page {page}, record {index}{who}: {err.field}: {err.problem}")
        self.page = page
        self.index = index
        self.patron_id = patron_id
        self.field = err.field
        self.problem = err.problem


class Gone(CentralError):
    """410: the page token or cursor expired; start again with a full snapshot."""

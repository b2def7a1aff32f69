"""Fake centrals that each break one rule of docs/central-api.md, for the conformance kit's
tests: (class, the name of the check that must fail). Imported by name from tests/sync."""

from __future__ import annotations

from typing import Any

from sync.fakes.central import FakeCentral
from sync.fakes.events import EventLedger
from sync.fakes.http import MAX_LIMIT, FakeHandler
from sync.fakes.store import FakeError, Page, PagePrefetcher, PatronStore


class _NoCacheControlHandler(FakeHandler):
    def send_header(self, keyword: str, value: str) -> None:
        if keyword != "Cache-Control":
            super().send_header(keyword, value)


class NoCacheControl(FakeCentral):
    """Answers may be kept by a proxy: no `Cache-Control: no-store`."""

    handler = _NoCacheControlHandler


class _NoChallengeHandler(FakeHandler):
    def send_header(self, keyword: str, value: str) -> None:
        if keyword != "WWW-Authenticate":
            super().send_header(keyword, value)


class NoAuthChallenge(FakeCentral):
    """401 without `WWW-Authenticate: Bearer`."""

    handler = _NoChallengeHandler


class _ClampingHandler(FakeHandler):
    def _limit(self, raw: str) -> int:
        return min(max(int(raw) if raw.isdigit() else 1000, 1), MAX_LIMIT)


class ClampsLimit(FakeCentral):
    """Takes limit=0, 5001 or "" instead of answering 400 invalid_limit."""

    handler = _ClampingHandler


class _LeakyStore(PatronStore):
    def _version_at(self, patron_id: str, seq: int) -> Any:
        return super()._version_at(patron_id, len(self._log))  # always the newest version


class LeakySnapshot(FakeCentral):
    """Changes made while a kiosk pages through a snapshot show up in it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.store = _LeakyStore(25, self.store.seed, self.store.today)
        self.pages = PagePrefetcher(self.store)

    def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        url = super().start(host, port)
        self.pages = PagePrefetcher(self.store)
        return url


class _ForgetfulStore(PatronStore):
    def page(self, cursor: str | None, token: str | None, limit: int) -> Page:
        page = super().page(cursor, token, limit)
        kept = [r for r in page.records if r.get("deleted") is not True]
        return Page(kept, page.next_page, page.cursor)


class DeltaWithoutDeletions(LeakySnapshot):
    """Deltas leave out deletion records (the kiosk would keep deleted patrons)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        FakeCentral.__init__(self, *args, **kwargs)
        self.store = _ForgetfulStore(25, self.store.seed, self.store.today)
        self.pages = PagePrefetcher(self.store)


class _ForgetfulLedger(EventLedger):
    def _receive_one(self, item: dict[str, Any]) -> dict[str, Any]:
        self._events.pop(item["idempotency_key"], None)  # never remembers a key
        return super()._receive_one(item)


class EventsNotIdempotent(FakeCentral):
    """A resent event is applied again."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.events = _ForgetfulLedger()


class _ExpiryIs400Store(PatronStore):
    def _parse_token(self, token: str) -> tuple[str, int, int, int]:
        if token.split(".", 1)[0] != self.epoch_unlocked():
            raise FakeError(400, "invalid_page_token", "unknown page token")
        return super()._parse_token(token)

    def epoch_unlocked(self) -> str:
        return self._epoch


class ExpiredTokenIs400(LeakySnapshot):
    """An expired page token is answered 400 instead of 410 (the kiosk would not start over)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        FakeCentral.__init__(self, *args, **kwargs)
        self.store = _ExpiryIs400Store(25, self.store.seed, self.store.today)
        self.pages = PagePrefetcher(self.store)


BROKEN: list[tuple[type[FakeCentral], str]] = [
    (NoCacheControl, "JSON, Cache-Control: no-store"),
    (NoAuthChallenge, "401 without a token"),
    (ClampsLimit, "limit must be 1..5000"),
    (LeakySnapshot, "snapshot consistent across pages"),
    (DeltaWithoutDeletions, "delta: changes, deletions, cursor"),
    (EventsNotIdempotent, "events: each key applied once"),
    (ExpiredTokenIs400, "410 for an expired page token"),
]

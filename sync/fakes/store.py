"""State behind the fake central: patrons with a change log, received events, queued faults.

Synthetic patrons are generated on the fly from (seed, index), so a million-patron population
costs only its changes in memory. Every change gets the next sequence number; a cursor is that
number, and a snapshot taken at sequence S stays the same however the store changes after.
Thread-safe (one lock). Imports nothing from kiosk/ or drivers/.
"""

from __future__ import annotations

import json
import secrets
import string
import threading
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from sync.fakes.synthetic import (
    FIRST_PATRON_NUMBER,
    index_of_card,
    index_of_cpr,
    index_of_patron_id,
    synthetic_patron,
)
from sync.records import RecordError, parse_patron


class _Absent:
    """No such patron at that sequence (never added, or added later)."""


_ABSENT: Final = _Absent()
_NO_PATRON: Final = ""  # a change-log step that changed nobody (expire_cursors)


class FakeError(Exception):
    """A request the fake refuses: carries the HTTP status and the API error code."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


@dataclass(frozen=True, slots=True)
class Page:
    records: list[dict[str, Any]]
    next_page: str | None
    cursor: str

    def to_wire(self) -> dict[str, Any]:
        return {"records": self.records, "next_page": self.next_page, "cursor": self.cursor}


class PatronStore:
    """Synthetic base population + explicit records + versioned changes."""

    def __init__(
        self, n: int, seed: int, today: date, extra: Iterable[dict[str, Any]] = ()
    ) -> None:
        self._n, self._seed, self._today = n, seed, today
        self._lock = threading.Lock()
        self._history: dict[str, list[tuple[int, dict[str, Any] | None]]] = {}
        self._extra: list[str] = []  # patron ids outside the synthetic range, in added order
        self._log: list[str] = []  # change log: sequence k changed patron self._log[k - 1]
        self._floor = 0  # cursors below this are forgotten (410), see compact()
        self._epoch = _new_epoch()  # page tokens of another epoch are expired (410)
        for record in extra:
            self._put(record["patron_id"], _validated(record), seq=0)

    # -- reading ---------------------------------------------------------------------------

    @property
    def seed(self) -> int:
        return self._seed

    @property
    def today(self) -> date:
        return self._today

    @property
    def epoch(self) -> str:
        with self._lock:
            return self._epoch

    @property
    def seq(self) -> int:
        with self._lock:
            return len(self._log)

    def page(self, cursor: str | None, token: str | None, limit: int) -> Page:
        """One page of a snapshot (cursor None) or delta; see docs/central-api.md."""
        with self._lock:
            if token is not None:
                kind, since, upto, pos = self._parse_token(token)
                if (kind == "s") != (cursor is None) or (kind == "d" and cursor != str(since)):
                    # docs/central-api.md: a page token goes with the cursor it was made for.
                    raise FakeError(400, "invalid_page_token",
                                    "page_token was issued for another cursor")
            elif cursor is None:
                kind, since, upto, pos = "s", 0, len(self._log), 0
            else:
                kind, since, upto, pos = "d", self._parse_cursor(cursor), len(self._log), 0
            if kind == "s":
                records, pos = self._snapshot_slice(upto, pos, limit)
                done = pos >= self._n + len(self._extra)
            else:
                changed = self._changed_ids(since, upto)
                records = [self._wire_at(pid, upto) for pid in changed[pos : pos + limit]]
                pos += limit
                done = pos >= len(changed)
            token_out = None if done else self._token(kind, since, upto, pos)
            return Page(records, token_out, str(upto))

    def current(self, patron_id: str) -> dict[str, Any] | None:
        """The patron as it is now, or None (unknown or deleted)."""
        with self._lock:
            version = self._version_at(patron_id, len(self._log))
            return version if isinstance(version, dict) else None

    def find(self, identifier: str) -> dict[str, Any] | None:
        """Look a patron up by patron_id, card number or CPR (for a SIP2 fake, the demo)."""
        digits = identifier.replace("-", "")
        candidates = [identifier]
        for index in (index_of_card(identifier), index_of_cpr(digits, self._today)):
            if index is not None:
                candidates.append(str(FIRST_PATRON_NUMBER + index))
        with self._lock:
            candidates += [pid for pid in self._history if pid not in candidates]
            for pid in candidates:
                version = self._version_at(pid, len(self._log))
                if isinstance(version, dict) and _matches(version, identifier, digits):
                    return version
        return None

    # -- changing --------------------------------------------------------------------------

    def patch(self, patron_id: str, changes: dict[str, Any]) -> int:
        """Change fields of a patron (or delete with {"deleted": true}); the new sequence."""
        with self._lock:
            version = self._version_at(patron_id, len(self._log))
            if not isinstance(version, dict):
                raise FakeError(404, "not_found", f"no patron {patron_id}")
            if changes.get("deleted") is True:
                return self._put(patron_id, None)
            merged = {**version, **changes, "patron_id": patron_id}
            return self._put(patron_id, _validated(merged))

    def put(self, record: dict[str, Any]) -> int:
        """Create or replace a patron (the test hook PUT /v1/test/patrons/{id})."""
        checked = _validated(record)
        with self._lock:
            return self._put(checked["patron_id"], checked)

    def add(self, record: dict[str, Any]) -> int:
        checked = _validated(record)
        with self._lock:
            if isinstance(self._version_at(checked["patron_id"], len(self._log)), dict):
                raise FakeError(409, "exists", f"patron {checked['patron_id']} exists")
            return self._put(checked["patron_id"], checked)

    def compact(self) -> int:
        """Forget the change log so far: older cursors now get 410 Gone."""
        with self._lock:
            self._floor = len(self._log)
            return self._floor

    def expire_cursors(self) -> None:
        """Every cursor handed out so far now gets 410 Gone (the test hook): the log moves on
        by one empty step, so the newest cursor is older than the floor too."""
        with self._lock:
            self._log.append(_NO_PATRON)
            self._floor = len(self._log)

    def expire_tokens(self) -> None:
        """Every page token handed out so far now gets 410 Gone."""
        with self._lock:
            self._epoch = _new_epoch()

    # -- internals (lock held) -------------------------------------------------------------

    def _put(self, patron_id: str, record: dict[str, Any] | None, seq: int | None = None) -> int:
        if seq is None:
            self._log.append(patron_id)
            seq = len(self._log)
        if patron_id not in self._history and self._base_index(patron_id) is None:
            self._extra.append(patron_id)
        self._history.setdefault(patron_id, []).append((seq, record))
        return seq

    def _base_index(self, patron_id: str) -> int | None:
        index = index_of_patron_id(patron_id)
        if index is None or index >= self._n or str(FIRST_PATRON_NUMBER + index) != patron_id:
            return None
        return index

    def _version_at(self, patron_id: str, seq: int) -> dict[str, Any] | _Absent | None:
        versions: list[tuple[int, dict[str, Any] | None]] = self._history.get(patron_id, [])
        for at, record in versions[::-1]:
            if at <= seq:
                return record
        index = self._base_index(patron_id)
        if index is None:
            return _ABSENT
        generated: dict[str, Any] = synthetic_patron(index, self._seed, self._today)
        return generated

    def _wire_at(self, patron_id: str, seq: int) -> dict[str, Any]:
        version = self._version_at(patron_id, seq)
        if isinstance(version, dict):
            return version
        return {"patron_id": patron_id, "deleted": True}

    def _snapshot_slice(self, upto: int, pos: int, limit: int) -> tuple[list[dict[str, Any]], int]:
        out: list[dict[str, Any]] = []
        end = self._n + len(self._extra)
        while pos < end and len(out) < limit:
            if pos < self._n and not self._history:  # fast path: untouched population
                stop = min(self._n, pos + limit - len(out))
                out += [synthetic_patron(i, self._seed, self._today) for i in range(pos, stop)]
                pos = stop
                continue
            pid = str(FIRST_PATRON_NUMBER + pos) if pos < self._n else self._extra[pos - self._n]
            version = self._version_at(pid, upto)
            if isinstance(version, dict):
                out.append(version)
            pos += 1
        return out, pos

    def _changed_ids(self, since: int, upto: int) -> list[str]:
        # Each patron once, at the place of its last change: the delta carries final states.
        last: dict[str, None] = {_NO_PATRON: None}
        for pid in self._log[since:upto]:
            last.pop(pid, None)
            last[pid] = None
        return [pid for pid in last if pid != _NO_PATRON]

    def _parse_cursor(self, cursor: str) -> int:
        if not cursor.isdigit():
            raise FakeError(400, "invalid_cursor", "cursor is not one this server issued")
        value = int(cursor)
        if value < self._floor or value > len(self._log):
            # Beyond the log = a cursor from another server lifetime: as stale as a compacted one.
            raise FakeError(410, "cursor_expired", "cursor expired; start a full sync")
        return value

    def _token(self, kind: str, since: int, upto: int, pos: int) -> str:
        return f"{self._epoch}.{kind}.{since}.{upto}.{pos}"

    def _parse_token(self, token: str) -> tuple[str, int, int, int]:
        parts = token.split(".")
        if len(parts) != 5 or parts[1] not in ("s", "d") or not all(p.isdigit() for p in parts[2:]):
            raise FakeError(400, "invalid_page_token", "page_token is not one this server issued")
        if parts[0] != self._epoch:
            raise FakeError(410, "page_token_expired", "page token expired; start a full sync")
        since, upto, pos = (int(p) for p in parts[2:])
        if parts[1] == "d" and since < self._floor:
            raise FakeError(410, "cursor_expired", "cursor expired; start a full sync")
        return parts[1], since, upto, pos


class PagePrefetcher:
    """Renders the page after the one just served while the client digests this one.

    Without it a client and the fake take turns (generate, send, parse, ask), and a benchmark
    measures the fake's generator as much as the client. One page ahead, so memory stays bounded;
    a page's content is fixed by its token, and the store's epoch guards against expiry.
    """

    def __init__(self, store: PatronStore) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._ahead: dict[tuple[str, str | None, str, int], Future[tuple[bytes, str | None]]] = {}
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fake-central-page")
        self._kept: dict[tuple[str, int, str | None, int], bytes] = {}

    def keep_snapshot(self, limit: int) -> int:
        """Render every page of a snapshot in pages of `limit` now and serve them from memory
        until the data or the epoch changes; the bytes kept. For a benchmark: a real central is
        another machine, and this one's generator (about 21 CPU seconds per million records)
        would otherwise compete with the kiosk for the cores it is timed on."""
        epoch, seq = self._store.epoch, self._store.seq
        token: str | None = None
        while True:
            raw, token_after = self._render(None, token, limit)
            self._kept[(epoch, seq, token, limit)] = raw
            if token_after is None:
                return sum(map(len, self._kept.values()))
            token = token_after

    def render(self, cursor: str | None, token: str | None, limit: int) -> bytes:
        """The JSON bytes of one page (FakeError as PatronStore.page raises it)."""
        epoch = self._store.epoch
        if cursor is None and self._kept:
            kept = self._kept.get((epoch, self._store.seq, token, limit))
            if kept is not None:
                return kept
        with self._lock:
            ready = self._ahead.pop((epoch, cursor, token, limit), None) if token else None
            self._ahead.clear()
        raw, next_page = ready.result() if ready else self._render(cursor, token, limit)
        if next_page is not None:
            with self._lock:
                key = (epoch, cursor, next_page, limit)
                self._ahead[key] = self._pool.submit(self._render, cursor, next_page, limit)
        return raw

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _render(self, cursor: str | None, token: str | None, limit: int
                ) -> tuple[bytes, str | None]:
        page = self._store.page(cursor, token, limit)
        return json.dumps(page.to_wire()).encode(), page.next_page


def _new_epoch() -> str:
    # Letters only: a token then never contains a digit run that looks like a PIN in a log scan.
    return "".join(secrets.choice(string.ascii_lowercase) for _ in range(8))


def _validated(record: dict[str, Any]) -> dict[str, Any]:
    try:
        parse_patron(record, "fake central")
    except RecordError as err:
        raise FakeError(400, "invalid_request", str(err)) from None
    return dict(record)


def _matches(record: dict[str, Any], identifier: str, digits: str) -> bool:
    if record.get("patron_id") == identifier:
        return True
    cpr = record.get("cpr")
    if isinstance(cpr, str) and cpr.replace("-", "") == digits:
        return True
    return any(c.get("number") == identifier for c in record.get("cards") or ())

"""HttpCentralClient: the kiosk sync API (docs/central-api.md) over requests.

One Session, (connect, read) timeouts, TLS verified against an optional CA file, a bearer token
read from a file, capped full-jitter retries that honour Retry-After. Pages are fetched one at a
time and validated record by record. Imports nothing from kiosk/ or drivers/.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

import requests

from sync.api_wire import PageBody, decode_json, error_detail, parse_acks
from sync.backoff import full_jitter, parse_retry_after
from sync.client import (
    AuthError,
    BadPayload,
    CentralError,
    ClientError,
    EventAck,
    EventItem,
    Gone,
    RateLimited,
    ServerError,
    SyncPage,
    Timeout,
    TlsError,
    TokenFileError,
    Unreachable,
)

log = logging.getLogger(__name__)

MAX_PAGE_LIMIT: Final = 5000  # docs/central-api.md: servers clamp above this
PAGE_LIMIT: Final = 1000
"""Records per page of a delta (docs/central-api.md "Sizes and time limits"): a delta page is
one transaction on the cache, holding the write lock the door's entry row needs."""
SNAPSHOT_PAGE_LIMIT: Final = MAX_PAGE_LIMIT
"""Records per page of a full snapshot: it is staged in a file of its own (kiosk/cache/
staging.py), so a page holds no lock the door needs, and fewer, larger pages cost the kiosk
less time per record and the door less delay (bench/RESULTS.md, lever 21)."""
MAX_EVENTS_PER_REQUEST: Final = 500  # docs/central-api.md: POST /v1/events
MAX_BODY_BYTES: Final = 64 * 1024 * 1024  # a 5000-record page is ~2.5 MB; far more is a fault
_CHUNK: Final = 256 * 1024
_LOOPBACK: Final = frozenset({"127.0.0.1", "::1", "localhost"})


def read_token(path: Path) -> str:
    """The bearer token from its file, surrounding whitespace stripped (editors add newlines)."""
    try:
        token = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise TokenFileError(f"token file {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise TokenFileError(f"token file {path} is not readable: {reason}") from None
    if not token:
        raise TokenFileError(f"token file {path} is empty")
    if not token.isascii() or not token.isprintable() or " " in token:
        # The header would be rejected or, worse, split; never echo the token itself.
        raise TokenFileError(f"token file {path} holds characters not allowed in a token")
    return token


@dataclass(frozen=True, slots=True)
class ClientSettings:
    """What makes an HttpCentralClient, so another process can make the same one
    (kiosk/jobs/snapshot_worker.py). Only a client made without injected sleep, rng or now
    has them: a test's fake clock does not cross a process."""

    base_url: str
    token_file: Path | None
    ca_file: Path | None
    options: Mapping[str, Any] = field(default_factory=dict)

    def client(self) -> HttpCentralClient:
        # The first client already warned about a plain-http token; this one is its twin.
        return HttpCentralClient(self.base_url, self.token_file, self.ca_file,
                                 warn_plaintext=False, **self.options)


class HttpCentralClient:
    """CentralClient over HTTP(S). Thread-compatible, not thread-safe: one sync at a time."""

    def __init__(
        self,
        base_url: str,
        token_file: Path | None = None,
        ca_file: Path | None = None,
        *,
        connect_timeout: float = 3.05,
        read_timeout: float = 10,
        retries: int = 4,
        backoff_base: float = 0.5,
        backoff_cap: float = 300,
        page_limit: int = PAGE_LIMIT,
        snapshot_page_limit: int = SNAPSHOT_PAGE_LIMIT,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        now: Callable[[], datetime] | None = None,
        origin: Mapping[str, str] | None = None,
        warn_plaintext: bool = True,
    ) -> None:
        self.settings = None if sleep is not time.sleep or rng or now else ClientSettings(
            base_url, token_file, ca_file, {
                "connect_timeout": connect_timeout, "read_timeout": read_timeout,
                "retries": retries, "backoff_base": backoff_base, "backoff_cap": backoff_cap,
                "page_limit": page_limit, "snapshot_page_limit": snapshot_page_limit,
                "origin": dict(origin or {})})
        self._origin = dict(origin or {})
        """Which kiosk sends: stamped on every uploaded event ({"kiosk": id, "branch": name})."""
        for name, limit in (("page_limit", page_limit),
                            ("snapshot_page_limit", snapshot_page_limit)):
            if not 1 <= limit <= MAX_PAGE_LIMIT:
                raise ValueError(f"{name} must be 1..{MAX_PAGE_LIMIT}, got {limit!r}")
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"central url must be http(s)://host[:port][/path], got {base_url!r}")
        # Files first: a bad token or CA file must not leave a half-built client behind.
        self._token_file = token_file
        self._token_stamp: tuple[int, int] | None = None
        token = read_token(token_file) if token_file is not None else None
        if ca_file is not None and not ca_file.is_file():
            raise TlsError(f"CA file {ca_file} does not exist or is not a file")
        self._base = base_url.rstrip("/")
        self._timeouts = (connect_timeout, read_timeout)
        self._retries = max(0, retries)
        self._backoff = (backoff_base, backoff_cap)
        self._page_limit = page_limit
        self._snapshot_page_limit = snapshot_page_limit
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._now = now or (lambda: datetime.now(UTC))
        self._page_no = 0
        self._session = requests.Session()
        self._session.headers["Accept"] = "application/json"
        # docs/central-api.md "Compression": a snapshot page shrinks about 5x under gzip.
        self._session.headers["Accept-Encoding"] = "gzip"
        self._session.headers["User-Agent"] = "library-kiosk-sync/1"
        self._deprecation_seen = False
        if ca_file is not None:
            self._session.verify = str(ca_file)
        if token is not None and token_file is not None:
            self._use_token(token, token_file)
            if warn_plaintext:
                self._warn_if_plaintext()

    def _use_token(self, token: str, path: Path) -> None:
        self._session.headers["Authorization"] = f"Bearer {token}"
        stat = path.stat()
        self._token_stamp = (stat.st_mtime_ns, stat.st_size)

    def _reload_token(self) -> None:
        """Pick up a rotated token (docs/central-api.md "Tokens") without a restart: the file
        is read again when its time stamp or size changed. TokenFileError if it went bad."""
        if self._token_file is None:
            return
        try:
            stat = self._token_file.stat()
        except OSError:
            stat = None
        if stat is not None and (stat.st_mtime_ns, stat.st_size) == self._token_stamp:
            return
        token = read_token(self._token_file)
        self._use_token(token, self._token_file)
        log.info("central token file %s changed: using the new token", self._token_file)

    def _warn_if_plaintext(self) -> None:
        parts = urlsplit(self._base)
        if parts.scheme != "https" and parts.hostname not in _LOOPBACK:
            log.warning("central url %s is not https: the token travels in clear", self._base)

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> HttpCentralClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- CentralClient ---------------------------------------------------------------------

    def continue_after(self, page_no: int) -> None:
        """The next page fetched with a page token is page `page_no + 1` in messages: for a
        client that takes over a snapshot another one began."""
        self._page_no = page_no

    def fetch_page(self, cursor: str | None, page_token: str | None) -> SyncPage:
        page = self.fetch_body(cursor, page_token).decoded()
        log.debug("page %d: %d records, last=%s", self._page_no, len(page.records), page.is_last)
        return page

    def fetch_body(self, cursor: str | None, page_token: str | None) -> PageBody:
        """fetch_page, the answer not yet decoded (PageBody.decoded() does that)."""
        # Page numbers exist only for messages ("page 7, record 12"); tokens are opaque.
        self._page_no = 1 if page_token is None else self._page_no + 1
        # Every page of one snapshot or delta asks with the same limit, as the API requires.
        limit = self._snapshot_page_limit if cursor is None else self._page_limit
        params: dict[str, str | int] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        if page_token is not None:
            params["page_token"] = page_token
        what = f"page {self._page_no}"
        page_no = self._page_no
        body: PageBody = self._call("GET", "/v1/patrons", what, params=params,
                                    decode=lambda raw, ctype: PageBody(raw, ctype, page_no))
        return body

    def upload_events(self, items: Sequence[EventItem]) -> list[EventAck]:
        # Retrying a POST is safe here only because every item carries an idempotency key.
        acks: list[EventAck] = []
        for start in range(0, len(items), MAX_EVENTS_PER_REQUEST):
            batch = items[start : start + MAX_EVENTS_PER_REQUEST]
            body = {"items": [self._stamped(item.to_wire()) for item in batch]}
            obj = self._call("POST", "/v1/events", "events upload", body=body)
            acks.extend(parse_acks(obj, batch))
        return acks

    def _stamped(self, wire: dict[str, Any]) -> dict[str, Any]:
        """docs/central-api.md: `origin` says which kiosk (and branch) sent the item."""
        return {**wire, "origin": dict(self._origin)} if self._origin else wire

    # -- transport -------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        what: str,
        *,
        params: dict[str, str | int] | None = None,
        body: dict[str, Any] | None = None,
        decode: Callable[[bytes, str | None], Any] | None = None,
    ) -> Any:
        """One API call with retries; the 2xx answer's body decoded by `decode` (default: its
        JSON as Python objects)."""
        self._reload_token()
        url = self._base + path
        attempts = self._retries + 1
        for attempt in range(attempts):
            retry_after: float | None = None
            try:
                status, ctype, raw, headers = self._exchange(method, url, params, body)
            except CentralError as err:
                if not isinstance(err, Unreachable | Timeout):
                    raise
                error: CentralError = err
            else:
                self._note_deprecation(headers)
                if status < 300:
                    return decode(raw, ctype) if decode else decode_json(raw, ctype, what)
                retry_after = parse_retry_after(headers.get("Retry-After"), self._now())
                tries = f"attempt {attempt + 1} of {attempts}"
                error = self._status_error(status, ctype, raw, what, tries, retry_after)
            delay = self._retry_delay(attempt, error, retry_after)
            if attempt + 1 >= attempts or delay is None:
                raise error
            log.info("%s %s: %s; retry %d of %d in %.2f s", method, path, error, attempt + 1,
                     self._retries, delay)
            self._sleep(delay)
        raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover

    def _note_deprecation(self, headers: requests.structures.CaseInsensitiveDict[str]) -> None:
        """docs/central-api.md "Versions": a server announces the end of /v1 with these."""
        if self._deprecation_seen or not ("Deprecation" in headers or "Sunset" in headers):
            return
        self._deprecation_seen = True
        log.warning("central says API v1 is deprecated (Deprecation: %s, Sunset: %s); "
                    "update the kiosk software", headers.get("Deprecation", "-"),
                    headers.get("Sunset", "-"))

    def _retry_delay(
        self, attempt: int, error: CentralError, retry_after: float | None
    ) -> float | None:
        """Seconds before the next try, or None when this error is not retried now."""
        if not isinstance(error, Unreachable | Timeout | ServerError | RateLimited):
            return None
        base, cap = self._backoff
        if retry_after is not None:
            # Honour the server's wish; one longer than our cap goes back to the caller's
            # schedule (RateLimited.retry_after) instead of blocking a sync for an hour.
            return retry_after if retry_after <= cap else None
        return full_jitter(attempt, base, cap, self._rng)

    def _exchange(
        self,
        method: str,
        url: str,
        params: dict[str, str | int] | None,
        body: dict[str, Any] | None,
    ) -> tuple[int, str | None, bytes, requests.structures.CaseInsensitiveDict[str]]:
        """One HTTP exchange -> (status, content type, body bytes, headers); typed errors."""
        try:
            with self._session.request(
                method, url, params=params, json=body, timeout=self._timeouts, stream=True
            ) as resp:
                raw = self._read_body(resp, url)
                return resp.status_code, resp.headers.get("Content-Type"), raw, resp.headers
        except requests.exceptions.SSLError as err:
            raise TlsError(f"TLS with {self._base} failed: {_reason(err)}") from None
        except requests.exceptions.Timeout:
            connect, read = self._timeouts
            raise Timeout(
                f"{self._base} did not answer in time (connect {connect} s, read {read} s)"
            ) from None
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as err:
            if "Read timed out" in str(err):  # a stalled body: requests wraps it differently
                raise Timeout(f"{self._base} stalled in the middle of an answer") from None
            raise Unreachable(f"cannot reach central at {self._base}: {_reason(err)}") from None
        except requests.exceptions.RequestException as err:
            raise Unreachable(f"request to {self._base} failed: {type(err).__name__}") from None

    @staticmethod
    def _read_body(resp: requests.Response, url: str) -> bytes:
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_content(_CHUNK):
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                raise BadPayload(f"answer from {url} exceeds {MAX_BODY_BYTES // 2**20} MiB")
            chunks.append(chunk)
        return b"".join(chunks)

    def _status_error(
        self,
        status: int,
        ctype: str | None,
        raw: bytes,
        what: str,
        tries: str,
        retry_after: float | None,
    ) -> CentralError:
        code, message = error_detail(raw, ctype)
        detail = f"{code}: {message}" if code else message
        if status in (401, 403):
            hint = "token missing or wrong" if status == 401 else "token not allowed here"
            return AuthError(f"{what}: HTTP {status} ({hint}): {detail}", status)
        if status == 410:
            return Gone(f"{what}: HTTP 410, cursor/page token expired, do a full sync: {detail}")
        if status == 429:
            wait = f", Retry-After {retry_after:g} s" if retry_after is not None else ""
            return RateLimited(f"{what}: HTTP 429 rate limited{wait}: {detail}", retry_after)
        if status >= 500:
            wait = f", Retry-After {retry_after:g} s" if retry_after is not None else ""
            return ServerError(f"{what}: HTTP {status} ({tries}{wait}): {detail}", status,
                               retry_after)
        return ClientError(f"{what}: HTTP {status}: {detail}", status, code)


def _reason(err: Exception) -> str:
    """A short cause for a requests exception, whose str() is a long nested repr."""
    text = str(err)
    table = (
        ("Name or service not known", "host name not found"),
        ("nodename nor servname", "host name not found"),
        ("NameResolution", "host name not found"),
        ("Temporary failure in name resolution", "host name not found"),
        ("Connection refused", "connection refused"),
        ("RemoteDisconnected", "connection closed without a reply"),
        ("Connection aborted", "connection closed without a reply"),
        ("Connection reset", "connection reset"),
        ("IncompleteRead", "connection closed in the middle of the answer"),
        ("Connection broken", "connection closed in the middle of the answer"),
        ("CERTIFICATE_VERIFY_FAILED", "certificate not trusted"),
        ("doesn't match", "certificate does not match the host name"),
        ("Network is unreachable", "network unreachable"),
        ("No route to host", "no route to host"),
    )
    for needle, reason in table:
        if needle in text:
            return reason
    return type(err).__name__

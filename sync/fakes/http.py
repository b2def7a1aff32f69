"""The fake central's HTTP side: docs/central-api.md to the letter (routes, checks in the
documented order, error codes and bodies, Cache-Control, gzip), plus the injected faults.

Every answer under /v1 is JSON with `Cache-Control: no-store`, also for unknown paths and
methods; /_fake/* are the test switches (sync.fakes.control). Imports nothing from kiosk/.
"""

from __future__ import annotations

import gzip
import json
import logging
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import parse_qs, unquote, urlsplit

from sync.fakes.control import control
from sync.fakes.faults import Fault
from sync.fakes.store import FakeError

if TYPE_CHECKING:
    from sync.fakes.central import FakeCentral

log = logging.getLogger(__name__)

DEFAULT_LIMIT: Final = 1000
MAX_LIMIT: Final = 5000
GZIP_MIN_BYTES: Final = 1024  # smaller answers are not worth the header
ERROR_CODES: Final[dict[int, str]] = {
    400: "invalid_request", 401: "invalid_token", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 410: "cursor_expired", 415: "unsupported_media_type",
    429: "rate_limited", 500: "internal_error", 503: "unavailable",
}
"""docs/central-api.md "Errors": the generic code of each documented status."""
ALLOWED: Final[dict[str, str]] = {
    "/v1/patrons": "GET", "/v1/events": "POST", "/v1/test/patrons/": "PUT, DELETE",
    "/v1/test/expire": "POST",
}
_HTML: Final = (b"<!DOCTYPE html><html><head><title>Proxy login</title></head>"
                b"<body><h1>Please sign in to continue</h1></body></html>")


class FakeServer(ThreadingHTTPServer):
    daemon_threads = True
    central: FakeCentral

    def handle_error(self, _request: Any, client_address: Any) -> None:
        # A client that timed out and hung up is part of the fault tests, not a server bug;
        # the stdlib default prints a traceback to stderr for it.
        err = sys.exc_info()[1]
        if isinstance(err, ConnectionError):
            log.debug("fake central: client %s went away: %s", client_address, err)
        else:
            log.error("fake central: error serving %s", client_address, exc_info=err)


class FakeHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so the client's Session really reuses sockets
    server_version = "FakeCentral/1"
    # Headers and body leave in separate writes; with Nagle on, each answer then waits for the
    # client's delayed ACK: 40 ms per request, which is most of a delta sync (bench).
    disable_nagle_algorithm = True

    @property
    def central(self) -> FakeCentral:
        server: FakeServer = self.server  # type: ignore[assignment]
        return server.central

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("fake central: " + format, *args)  # noqa: G003 - stdlib hands us a format

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def do_PATCH(self) -> None:
        self._dispatch("PATCH")

    def do_OPTIONS(self) -> None:
        self._dispatch("OPTIONS")

    def do_HEAD(self) -> None:
        self._dispatch("HEAD")

    def send_error(
        self, code: int, message: str | None = None, explain: str | None = None  # noqa: ARG002
    ) -> None:
        """The stdlib's own refusals (bad request line, unknown method) in the API's shape."""
        path = urlsplit(getattr(self, "path", "") or "").path
        headers: dict[str, str] = {}
        status = code if code in ERROR_CODES else 400
        if code == HTTPStatus.NOT_IMPLEMENTED:  # a method with no do_X: not allowed here
            allowed = _allowed(path)
            status = 405 if allowed else 404
            headers = {"Allow": allowed} if allowed else {}
        text = message or HTTPStatus(code).phrase
        self.close_connection = True
        self._send_json(status, {"error": ERROR_CODES[status], "message": text}, headers)

    def _dispatch(self, method: str) -> None:
        parts = urlsplit(self.path)
        # Read the body before any answer: one left in the socket would be parsed as the next
        # request on this keep-alive connection.
        length = int(self.headers.get("Content-Length") or 0)
        self._body = self.rfile.read(length) if length > 0 else b""
        try:
            self._route(method, parts.path, parts.query)
        except FakeError as err:
            self._send_json(err.status, {"error": err.code, "message": str(err)},
                            {"Allow": _allowed(parts.path)} if err.status == 405 else None)

    def _route(self, method: str, path: str, query: str) -> None:
        if path.startswith("/v1/") or path == "/v1":
            self._api(method, path, query)
        elif path.startswith("/_fake/") and method in ("GET", "POST"):
            body = self._json_body() if method == "POST" and self._body else None
            self._send_json(200, control(self.central, method, path, body))
        else:
            raise FakeError(404, "not_found", f"no such endpoint {path}")

    # -- /v1 ---------------------------------------------------------------------------------

    def _api(self, method: str, path: str, query: str) -> None:
        central = self.central
        central.count_request()
        denied = central.authorised(self.headers.get("Authorization"))
        if denied is not None:
            status, code = denied
            raise FakeError(status, code, "a valid bearer token is required")
        allowed = _allowed(path)
        if not allowed:
            raise FakeError(404, "not_found", f"no such endpoint {path}")
        if method not in allowed.split(", "):
            raise FakeError(405, "method_not_allowed", f"{path} allows {allowed}")
        if path in ("/v1/patrons", "/v1/events"):
            self._faulty(method, query)
            return
        body = self._json_body() if method in ("POST", "PUT") else None
        self._send_json(200, central.test_hook(method, unquote(path), body))

    def _faulty(self, method: str, query: str) -> None:
        fault = self.central.faults.take()
        if fault is not None and fault.mode == "latency":
            self.central.stopping.wait(fault.seconds)
            fault = None
        if fault is not None and self._early_fault(fault):
            return
        if method == "GET":
            raw = self._patrons(parse_qs(query, keep_blank_values=True))
        else:
            raw = json.dumps({"acks": self.central.events.receive(self._json_body())}).encode()
        if fault is None:
            self._send(200, raw)
        else:
            self._late_fault(fault, json.loads(raw))

    def _json_body(self) -> Any:
        ctype = (self.headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()
        if ctype != "application/json":
            raise FakeError(415, "unsupported_media_type", "send the body as application/json")
        try:
            return json.loads(self._body)
        except ValueError:
            raise FakeError(400, "invalid_request", "request body is not valid JSON") from None

    def _patrons(self, query: dict[str, list[str]]) -> bytes:
        """GET /v1/patrons: the parameters checked as documented, then the page's JSON bytes."""
        limit = self._limit(query.get("limit", [str(DEFAULT_LIMIT)])[0])
        cursor = query.get("cursor", [None])[0]
        token = query.get("page_token", [None])[0]
        if cursor == "":
            raise FakeError(400, "invalid_cursor", "cursor must not be empty; omit it instead")
        if token == "":
            raise FakeError(400, "invalid_page_token", "page_token must not be empty; omit it")
        return self.central.pages.render(cursor, token, limit)

    def _limit(self, raw: str) -> int:
        limit = page_limit(raw)
        if limit is None:
            raise FakeError(400, "invalid_limit", f"limit must be an integer 1..{MAX_LIMIT}")
        return limit

    # -- faults ------------------------------------------------------------------------------

    def _early_fault(self, fault: Fault) -> bool:
        """Faults answered before doing the work; True when the answer is sent."""
        if fault.mode.isdigit():
            status = int(fault.mode)
            after = fault.retry_after or (f"{fault.seconds:g}" if fault.seconds else None)
            headers = {"Retry-After": after} if after else {}
            if status in ERROR_CODES:
                body = {"error": ERROR_CODES[status], "message": "injected fault"}
                self._send_json(status, body, headers)
            else:  # an undocumented status comes from a proxy, not the API: HTML
                self._send(status, _HTML, headers, "text/html; charset=utf-8")
            return True
        if fault.mode == "gone":
            self._send_json(410, {"error": "page_token_expired", "message": "injected fault"})
            return True
        if fault.mode == "html":
            self._send(200, _HTML, None, "text/html; charset=utf-8")
            return True
        return False

    def _late_fault(self, fault: Fault, answer: dict[str, Any]) -> None:
        """Faults that spoil an answer after the work is done (an event upload is applied)."""
        if fault.mode == "drop":
            # The work happened but the reply is lost: the outbox case of reliability.md #9.
            self.close_connection = True
            return
        if fault.mode in ("truncated", "stall"):
            raw = json.dumps(answer).encode()
            half = raw[: max(1, len(raw) // 2)]
            if fault.mode == "truncated":
                self._send(200, half, compress=False)
                return
            # Headers promise the whole body, half arrives, then silence: a stalled proxy.
            self._send(200, half, {"Content-Length": str(len(raw))}, compress=False)
            self.wfile.flush()
            self.central.stopping.wait(fault.seconds)
            self.close_connection = True
        elif fault.mode == "malformed":
            self._send_json(200, {"records": {"not": "a list"}, "acks": "nope"})
        elif fault.mode == "records" and "records" in answer:
            self._send_json(200, {**answer, "records": fault.records})
        elif fault.mode == "invalid_record" and answer.get("records"):
            records = answer["records"]
            index = min(2, len(records) - 1)
            records[index] = {**records[index], "birth_date": "not-a-date"}
            self._send_json(200, answer)
        else:
            self._send_json(200, answer)

    # -- sending -----------------------------------------------------------------------------

    def _send_json(self, status: int, obj: Any, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(obj).encode(), headers)

    def _send(
        self,
        status: int,
        raw: bytes,
        headers: dict[str, str] | None = None,
        ctype: str = "application/json",
        *,
        compress: bool = True,
    ) -> None:
        headers = dict(headers or {})
        if compress and len(raw) >= GZIP_MIN_BYTES and self._accepts_gzip():
            raw = gzip.compress(raw, compresslevel=1)  # level 1: most of the gain, little CPU
            headers["Content-Encoding"] = "gzip"
            headers["Vary"] = "Accept-Encoding"
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", headers.pop("Content-Length", str(len(raw))))
        if urlsplit(getattr(self, "path", "") or "").path.startswith("/v1"):
            # docs/central-api.md "Conventions": answers carry personal data; no cache keeps them.
            self.send_header("Cache-Control", "no-store")
        if status == 401:
            self.send_header("WWW-Authenticate", 'Bearer realm="kiosk-sync"')
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(raw)

    def _accepts_gzip(self) -> bool:
        for part in (self.headers.get("Accept-Encoding") or "").split(","):
            name, _, params = part.strip().partition(";")
            if name.strip().lower() == "gzip":
                return params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
        return False


def page_limit(raw: str) -> int | None:
    """`limit` as docs/central-api.md allows it (ASCII digits, 1..MAX_LIMIT), or None."""
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
        return None
    return int(raw)


def _allowed(path: str) -> str:
    """The methods a /v1 path allows (the Allow header), or "" for no such path."""
    if path.startswith("/v1/test/patrons/") and len(path) > len("/v1/test/patrons/"):
        return ALLOWED["/v1/test/patrons/"]
    return "" if path.endswith("/") else ALLOWED.get(path, "")

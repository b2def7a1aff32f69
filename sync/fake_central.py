"""FakeCentral: the kiosk sync API (docs/central-api.md) on loopback, with fault switches.

Serves synthetic patrons (sync.synthetic) from a versioned store (sync.fake_store), takes event
uploads, and misbehaves on request over HTTP (`/_fake/...`, documented in docs/central-api.md
"The fake central"). Used by the demo and the tests; `python -m sync.fake_central` runs it alone.
Imports nothing from kiosk/ or drivers/.
"""

from __future__ import annotations

import argparse
import contextlib
import hmac
import importlib
import json
import logging
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType
from typing import Any, Final
from urllib.parse import parse_qs, urlsplit

from sync.fake_faults import Fault, Faults
from sync.fake_store import EventLedger, FakeError, PagePrefetcher, PatronStore
from sync.synthetic import copenhagen_today, synthetic_patrons

log = logging.getLogger(__name__)

DEFAULT_LIMIT: Final = 1000
MAX_LIMIT: Final = 5000
MAX_EVENTS: Final = 500
_HTML: Final = (b"<!DOCTYPE html><html><head><title>Proxy login</title></head>"
                b"<body><h1>Please sign in to continue</h1></body></html>")


class FakeCentral:
    """The fake central server. `with FakeCentral(...).serve("127.0.0.1", 0) as url: ...`."""

    def __init__(
        self,
        patrons: int | Iterable[dict[str, Any]] = 1000,
        *,
        seed: int = 1,
        token: str | None = None,
        today: date | None = None,
    ) -> None:
        """`patrons`: how many synthetic patrons (lazily generated), or explicit wire dicts."""
        day = today or copenhagen_today()
        if isinstance(patrons, int):
            self.store = PatronStore(patrons, seed, day)
        else:
            self.store = PatronStore(0, seed, day, extra=patrons)
        self.pages = PagePrefetcher(self.store)
        self.events = EventLedger()
        self.faults = Faults()
        self.token = token
        self.requests = 0  # /v1 requests served, for tests counting retries
        self._count_lock = threading.Lock()
        self.sip2: Any = None
        """The SIP2 fake ACS started beside this server (`--sip2-port`), if any."""
        self.stopping = threading.Event()  # wakes sleeping "latency" handlers at stop()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("FakeCentral is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve in a daemon thread; returns the base URL (port 0 = any free port)."""
        server = _Server((host, port), _Handler)
        server.central = self
        self._server = server
        self.pages = PagePrefetcher(self.store)  # a stopped one has shut its worker down
        self.stopping.clear()
        self._thread = threading.Thread(target=server.serve_forever, name="fake-central",
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        log.info("fake central serving on %s", self.url)
        return self.url

    def stop(self) -> None:
        self.stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        self.pages.close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    @contextlib.contextmanager
    def serve(self, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
        url = self.start(host, port)
        try:
            yield url
        finally:
            self.stop()

    def count_request(self) -> None:
        with self._count_lock:
            self.requests += 1

    def authorised(self, header: str | None) -> tuple[int, str] | None:
        """None when the request may pass, else (status, error code)."""
        if self.token is None:
            return None
        if not header or not header.startswith("Bearer "):
            return 401, "unauthorized"
        # RFC 6750: an invalid token is 401 too; 403 is for a valid token lacking rights.
        if not hmac.compare_digest(header[7:].strip().encode(), self.token.encode()):
            return 401, "invalid_token"
        return None


class _Server(ThreadingHTTPServer):
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


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so the client's Session really reuses sockets
    server_version = "FakeCentral/1"
    # Headers and body leave in separate writes; with Nagle on, each answer then waits for the
    # client's delayed ACK: 40 ms per request, which is most of a delta sync (bench).
    disable_nagle_algorithm = True

    @property
    def central(self) -> FakeCentral:
        server: _Server = self.server  # type: ignore[assignment]
        return server.central

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("fake central: " + format, *args)  # noqa: G003 - stdlib hands us a format

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        parts = urlsplit(self.path)
        try:
            body = self._read_json() if method == "POST" else None
            if parts.path.startswith("/v1/"):
                self._api(method, parts.path, parse_qs(parts.query), body)
            else:
                self._send_json(200, _control(self.central, method, parts.path, body))
        except FakeError as err:
            self._send_json(err.status, {"error": err.code, "message": str(err)})

    def _read_json(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            return json.loads(raw) if raw else None
        except ValueError:
            raise FakeError(400, "invalid_json", "request body is not valid JSON") from None

    def _api(self, method: str, path: str, query: dict[str, list[str]], body: Any) -> None:
        central = self.central
        central.count_request()
        denied = central.authorised(self.headers.get("Authorization"))
        if denied is not None:
            status, code = denied
            raise FakeError(status, code, "a valid bearer token is required")
        fault = central.faults.take()
        if fault is not None and fault.mode == "latency":
            central.stopping.wait(fault.seconds)
            fault = None
        if fault is not None and self._early_fault(fault):
            return
        if (method, path) == ("GET", "/v1/patrons"):
            raw = _patrons(central.pages, query)
        elif (method, path) == ("POST", "/v1/events"):
            raw = json.dumps(_events(central.events, body)).encode()
        else:
            raise FakeError(404, "not_found", f"no such endpoint {method} {path}")
        if fault is not None:
            self._late_fault(fault, json.loads(raw))
        else:
            self._send(200, "application/json", raw)

    def _early_fault(self, fault: Fault) -> bool:
        """Faults answered before doing the work; True when the answer is sent."""
        if fault.mode.isdigit():
            status = int(fault.mode)
            after = fault.retry_after or (f"{fault.seconds:g}" if fault.seconds else None)
            headers = {"Retry-After": after} if after else {}
            self._send_json(status, {"error": f"http_{status}", "message": "injected fault"},
                            headers)
            return True
        if fault.mode == "gone":
            self._send_json(410, {"error": "page_token_expired", "message": "injected fault"})
            return True
        if fault.mode == "html":
            self._send(200, "text/html; charset=utf-8", _HTML)
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
                self._send(200, "application/json", half)
                return
            # Headers promise the whole body, half arrives, then silence: a stalled proxy.
            self._send(200, "application/json", half, {"Content-Length": str(len(raw))})
            self.wfile.flush()
            self.central.stopping.wait(fault.seconds)
            self.close_connection = True
        elif fault.mode == "malformed":
            self._send_json(200, {"records": {"not": "a list"}, "acks": "nope"})
        elif fault.mode == "invalid_record" and answer.get("records"):
            records = answer["records"]
            index = min(2, len(records) - 1)
            records[index] = {**records[index], "birth_date": "not-a-date"}
            self._send_json(200, answer)
        else:
            self._send_json(200, answer)

    def _send_json(self, status: int, obj: Any, headers: dict[str, str] | None = None) -> None:
        self._send(status, "application/json", json.dumps(obj).encode(), headers)

    def _send(self, status: int, ctype: str, raw: bytes, headers: dict[str, str] | None = None
              ) -> None:
        headers = dict(headers or {})
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", headers.pop("Content-Length", str(len(raw))))
        if status == 401:
            self.send_header("WWW-Authenticate", 'Bearer realm="kiosk-sync"')
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(raw)


def _patrons(pages: PagePrefetcher, query: dict[str, list[str]]) -> bytes:
    raw_limit = query.get("limit", [str(DEFAULT_LIMIT)])[0]
    if not raw_limit.isdigit() or int(raw_limit) < 1:
        raise FakeError(400, "invalid_limit", f"limit must be 1..{MAX_LIMIT}")
    limit = min(int(raw_limit), MAX_LIMIT)
    cursor = query.get("cursor", [None])[0] or None
    token = query.get("page_token", [None])[0] or None
    return pages.render(cursor, token, limit)


def _events(ledger: EventLedger, body: Any) -> dict[str, Any]:
    items = body.get("items") if isinstance(body, dict) else None
    if not isinstance(items, list):
        raise FakeError(400, "invalid_request", "body must be {\"items\": [...]}")
    if len(items) > MAX_EVENTS:
        raise FakeError(400, "too_many_items", f"at most {MAX_EVENTS} items per request")
    return {"acks": ledger.receive(items)}


def _control(central: FakeCentral, method: str, path: str, body: Any) -> dict[str, Any]:
    """The /_fake/* switches (docs/central-api.md "The fake central")."""
    obj = body if isinstance(body, dict) else {}
    if method == "GET" and path == "/_fake/events":
        return central.events.snapshot()
    if method == "GET" and path == "/_fake/state":
        return {"seq": central.store.seq, "requests": central.requests}
    if method == "POST" and path.startswith("/_fake/patrons/"):
        return {"seq": central.store.patch(path.rsplit("/", 1)[1], obj)}
    switch = _SWITCHES.get(path) if method == "POST" else None
    if switch is None:
        raise FakeError(404, "not_found", f"no such endpoint {method} {path}")
    return switch(central, obj)


def _set_faults(central: FakeCentral, obj: dict[str, Any]) -> dict[str, Any]:
    mode = obj.get("mode")
    if mode in (None, "none"):
        central.faults.clear()
        if central.sip2 is not None:
            central.sip2.clear_faults()
    elif str(mode).startswith(SIP2_FAULT_PREFIX):
        _set_sip2_fault(central, str(mode)[len(SIP2_FAULT_PREFIX):], obj)
    else:
        raw = obj.get("retry_after")
        central.faults.add(str(obj["mode"]), int(obj.get("count", 1)),
                           float(obj.get("seconds", 0)), str(raw) if raw is not None else None)
    return {"ok": True}


SIP2_FAULT_PREFIX: Final = "sip2_"


def _set_sip2_fault(central: FakeCentral, mode: str, obj: dict[str, Any]) -> None:
    """"sip2_slow" / "sip2_drop" / "sip2_bad_checksum" / "sip2_resend" / "sip2_offline" go to
    the SIP2 fake's set_fault (count -1 = until cleared); "sip2_none" clears its faults."""
    if central.sip2 is None:
        raise FakeError(400, "invalid_fault", "no SIP2 fake running (start with --sip2-port)")
    if mode == "none":
        central.sip2.clear_faults()
        return
    try:
        central.sip2.set_fault(mode, int(obj.get("count", 1)), float(obj.get("seconds", 0)))
    except ValueError as err:
        raise FakeError(400, "invalid_fault", str(err)) from None


def _reject_kind(central: FakeCentral, obj: dict[str, Any]) -> dict[str, Any]:
    central.events.reject_kind(str(obj.get("kind")), str(obj.get("error", "rejected")),
                               str(obj.get("message", "rejected by the fake central")))
    return {"ok": True}


def _expire(central: FakeCentral, _obj: dict[str, Any]) -> dict[str, Any]:
    central.store.expire_tokens()
    return {"ok": True}


_SWITCHES: Final[dict[str, Callable[[FakeCentral, dict[str, Any]], dict[str, Any]]]] = {
    "/_fake/faults": _set_faults,
    "/_fake/patrons": lambda central, obj: {"seq": central.store.add(obj)},
    "/_fake/events/reject": _reject_kind,
    "/_fake/compact": lambda central, _obj: {"floor": central.store.compact()},
    "/_fake/expire": _expire,
}


def start_sip2_fake(port: int, central: FakeCentral, limit: int = 10_000) -> Any:
    """Hook for `--sip2-port`: start sync.sip2's fake ACS beside the HTTP fake, if present.

    The SIP2 fake holds its patrons in memory, so it gets the first `limit` patrons (the demo
    personas first). Returns an object with stop(), or raises SystemExit when sync.sip2 has no
    fake ACS in this build. It serves the default catalogue of sync/sip2/library_data.py
    (whose patron ids are the demo personas') and logs in SIP2 user "kiosk", password "secret".
    """
    try:
        fake_acs = importlib.import_module("sync.sip2.fake_acs")
    except ImportError:
        raise SystemExit("--sip2-port: this build has no SIP2 fake (sync.sip2.fake_acs)") from None
    patrons = []
    for record in synthetic_patrons(limit, central.store.seed, central.store.today):
        current = central.store.current(record["patron_id"])
        if current is not None:
            patrons.append(current)
    acs = fake_acs.FakeAcs(patrons=patrons, port=port)
    acs.start()
    central.sip2 = acs  # /_fake/faults with mode "sip2_*" switches its faults
    return acs


def main(argv: list[str] | None = None) -> int:
    """`python -m sync.fake_central`: serve until Ctrl-C or SIGTERM."""
    args = _parser().parse_args(argv)
    today = date.fromisoformat(args.today) if args.today else copenhagen_today()
    token = None
    if args.token_file:
        try:
            token = Path(args.token_file).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as err:
            print(f"--token-file {args.token_file}: cannot read: {err}", file=sys.stderr)
            return 2
        if not token:
            print(f"--token-file {args.token_file}: the file is empty", file=sys.stderr)
            return 2
    if args.dump:
        with Path(args.dump).open("w", encoding="utf-8") as out:
            for record in synthetic_patrons(args.patrons, args.seed, today):
                out.write(json.dumps(record) + "\n")
        print(f"wrote {args.patrons} patrons to {args.dump}", file=sys.stderr)
    central = FakeCentral(args.patrons, seed=args.seed, token=token, today=today)
    done = threading.Event()

    def on_signal(_signum: int, _frame: FrameType | None) -> None:
        done.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    url = central.start(args.host, args.port)
    sip2 = start_sip2_fake(args.sip2_port, central) if args.sip2_port is not None else None
    print(url, flush=True)
    if sip2 is not None:
        print(f"sip2 {args.host}:{sip2.port}", file=sys.stderr, flush=True)
    try:
        done.wait()
    finally:
        if sip2 is not None:
            sip2.stop()
        central.stop()
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m sync.fake_central", description=__doc__)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default loopback)")
    p.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    p.add_argument("--patrons", type=int, default=1000, help="synthetic population size")
    p.add_argument("--seed", type=int, default=1, help="population seed")
    p.add_argument("--today", help="generation date YYYY-MM-DD (default: today, Copenhagen)")
    p.add_argument("--dump", metavar="FILE",
                   help="write the records (plaintext CPR and PIN!) as JSON Lines first")
    p.add_argument("--token-file", metavar="F", help="require this bearer token")
    p.add_argument("--sip2-port", type=int, metavar="P",
                   help="also serve the SIP2 fake ACS on this port (sync.sip2)")
    return p


if __name__ == "__main__":
    sys.exit(main())

"""FakeCentral: the kiosk sync API (docs/central-api.md) on loopback, with fault switches.

Serves synthetic patrons (sync.fakes.synthetic) from a versioned store (sync.fakes.store), takes
event uploads, and misbehaves on request over HTTP (`/_fake/...`, documented in
docs/central-api.md "The fake central"). Used by the demo and the tests; `python -m
sync.fake_central` runs it alone. Imports nothing from kiosk/ or drivers/.
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
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from types import FrameType
from typing import Any

from sync.fakes.events import EventLedger
from sync.fakes.faults import Faults
from sync.fakes.http import MAX_LIMIT, FakeHandler, FakeServer, page_limit
from sync.fakes.store import FakeError, PagePrefetcher, PatronStore
from sync.fakes.synthetic import copenhagen_today, synthetic_patrons

log = logging.getLogger(__name__)


class FakeCentral:
    """The fake central server. `with FakeCentral(...).serve("127.0.0.1", 0) as url: ...`.

    `handler` is the HTTP handler class: a test subclasses it (or the store and ledger) to
    break one documented rule and see the conformance kit notice."""

    handler: type[FakeHandler] = FakeHandler

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
        self.store: PatronStore = (
            PatronStore(patrons, seed, day) if isinstance(patrons, int)
            else PatronStore(0, seed, day, extra=patrons))
        self.pages = PagePrefetcher(self.store)
        self.events = EventLedger()
        self.faults = Faults()
        self.token = token
        self.requests = 0  # /v1 requests served, for tests counting retries
        self._count_lock = threading.Lock()
        self.sip2: Any = None
        """The SIP2 fake ACS started beside this server (`--sip2-port`), if any."""
        self.stopping = threading.Event()  # wakes sleeping "latency" handlers at stop()
        self._server: FakeServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("FakeCentral is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve in a daemon thread; returns the base URL (port 0 = any free port)."""
        server = FakeServer((host, port), self.handler)
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

    def test_hook(self, method: str, path: str, body: Any) -> dict[str, Any]:
        """The test hooks of docs/central-api.md ("Test hooks"), on test servers only."""
        if path == "/v1/test/expire":
            what = body.get("what") if isinstance(body, dict) else None
            if what == "page_tokens":
                self.store.expire_tokens()
            elif what == "cursors":
                self.store.expire_cursors()
            else:
                raise FakeError(400, "invalid_request", 'what must be "page_tokens" or "cursors"')
            return {"expired": what}
        patron_id = path.removeprefix("/v1/test/patrons/")
        if method == "DELETE":
            self.store.patch(patron_id, {"deleted": True})
            return {"patron_id": patron_id, "deleted": True}
        if not isinstance(body, dict) or body.get("patron_id", patron_id) != patron_id:
            raise FakeError(400, "invalid_request",
                            "body must be a patron record with the patron_id of the path")
        if body.get("deleted") is True:
            raise FakeError(400, "invalid_request", "use DELETE to delete a patron")
        self.store.put({**body, "patron_id": patron_id})
        return {"patron_id": patron_id}

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


def start_sip2_fake(port: int, central: FakeCentral, limit: int = 10_000) -> Any:
    """Hook for `--sip2-port`: start sync.sip2's fake ACS beside the HTTP fake, if present.

    The SIP2 fake holds its patrons in memory, so it gets the first `limit` patrons (the demo
    personas first). Returns an object with stop(), or raises SystemExit when sync.sip2 has no
    fake ACS in this build. It serves the default catalogue of sync/sip2/fakes/library_data.py
    (whose patron ids are the demo personas') and logs in SIP2 user "kiosk", password "secret".
    """
    try:
        fake_acs = importlib.import_module("sync.sip2.fakes.acs")
    except ImportError:
        raise SystemExit("--sip2-port: this build has no SIP2 fake (sync.sip2.fakes.acs)") from None
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
    if args.keep_snapshot is not None:
        kept = central.pages.keep_snapshot(args.keep_snapshot)
        print(f"snapshot rendered: {kept / 1e6:.0f} MB kept", file=sys.stderr, flush=True)
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


def _limit(text: str) -> int:
    limit = page_limit(text)
    if limit is None:
        raise argparse.ArgumentTypeError(f"a page size 1..{MAX_LIMIT}")
    return limit


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m sync.fake_central", description=__doc__)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default loopback)")
    p.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    p.add_argument("--patrons", type=int, default=1000, help="synthetic population size")
    p.add_argument("--seed", type=int, default=1, help="population seed")
    p.add_argument("--today", help="generation date YYYY-MM-DD (default: today, Copenhagen)")
    p.add_argument("--dump", metavar="FILE",
                   help="write the records (plaintext CPR and PIN!) as JSON Lines first")
    p.add_argument("--keep-snapshot", type=_limit, metavar="LIMIT",
                   help="render the snapshot in pages of LIMIT at start and serve them from "
                        "memory (benchmarks: the generator then uses no CPU while timed)")
    p.add_argument("--token-file", metavar="F", help="require this bearer token")
    p.add_argument("--sip2-port", type=int, metavar="P",
                   help="also serve the SIP2 fake ACS on this port (sync.sip2)")
    return p


if __name__ == "__main__":
    sys.exit(main())

"""The HTTP endpoint Prometheus scrapes: /metrics (text format) and /healthz, on its own thread.

/healthz answers 200 "ok" only when the kiosk can decide at the door, else 503 with the reason,
so a load balancer, a systemd check or a blackbox probe needs no metric parsing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from prometheus_client import CollectorRegistry, make_wsgi_app

from kiosk.config.fleet import split_address

log = logging.getLogger(__name__)
Health = Callable[[], tuple[bool, str]]
StartResponse = Callable[..., Any]


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True  # a slow scraper never holds up the kiosk's exit


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        log.debug("metrics: " + format, *args)  # noqa: G003 - the stdlib hands us the format


class MetricsServer:
    def __init__(self, listen: str, registry: CollectorRegistry, health: Health) -> None:
        self.host, self.port = split_address(listen)
        self._metrics = make_wsgi_app(registry)
        self._health = health
        self._server: WSGIServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def start(self) -> None:
        """Bind and serve; OSError (port taken) is raised here, where it can be reported."""
        server = make_server(self.host, self.port, self._app, server_class=_ThreadingServer,
                             handler_class=_QuietHandler)
        self.port = server.server_port  # the real one when 0 was asked for (tests)
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name="kiosk-metrics",
                                        daemon=True)
        self._thread.start()
        log.info("metrics on %s/metrics", self.url)

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(5.0)

    def _app(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == "/healthz":
            ok, why = self._health()
            status = "200 OK" if ok else "503 Service Unavailable"
            start_response(status, [("Content-Type", "text/plain; charset=utf-8")])
            return [why.encode() + b"\n"]
        if path in ("/metrics", "/"):
            result: Iterable[bytes] = self._metrics(environ, start_response)
            return result
        start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
        return [b"not found: try /metrics or /healthz\n"]

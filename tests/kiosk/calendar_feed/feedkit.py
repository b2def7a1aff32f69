"""Helpers for the calendar feed tests: iCalendar text built from events, and a real HTTP
server on 127.0.0.1 serving a feed the test can change or break."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CHRISTMAS_EVE = """BEGIN:VEVENT
UID:juleaften-2026@solrod.example
SUMMARY:Juleaften: lukker kl. 12
CATEGORIES:Lukket
DTSTART;TZID=Europe/Copenhagen:20261224T120000
DTEND;TZID=Europe/Copenhagen:20261225T000000
END:VEVENT"""

CHRISTMAS_DAYS = """BEGIN:VEVENT
UID:jul-2026@solrod.example
SUMMARY:Juledagene
DTSTART;VALUE=DATE:20261225
DTEND;VALUE=DATE:20261227
END:VEVENT"""


def ics(*events: str) -> bytes:
    body = "\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Solrød Bibliotek//DA",
                      *events, "END:VCALENDAR", ""])
    return body.replace("\n", "\r\n").encode()


@dataclass
class FeedServer:
    url: str
    body: bytes = b""
    status: int = 200
    hits: int = 0


@contextmanager
def feed_server(body: bytes) -> Iterator[FeedServer]:
    state = FeedServer("", body)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.hits += 1
            self.send_response(state.status)
            self.send_header("Content-Type", "text/calendar; charset=utf-8")
            self.send_header("Content-Length", str(len(state.body)))
            self.end_headers()
            self.wfile.write(state.body)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/kalender.ics"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()

"""Helpers shared by the HTTP sync tests: constants, a recording sleep, the fake's switches.

Imported by name (pytest puts this directory on sys.path); fixtures live in conftest.py.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import requests

from sync.http_client import HttpCentralClient

TODAY = date(2026, 11, 21)
SEED = 7
POPULATION = 50

MakeClient = Callable[..., HttpCentralClient]


class RecordedSleep:
    """Injected in place of time.sleep: remembers the delays, waits for nothing."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


class FakeControl:
    """The fake central's fault switches, flipped over HTTP as a test script would."""

    def __init__(self, url: str) -> None:
        self.url = url

    def post(self, path: str, body: Any) -> Any:
        resp = requests.post(self.url + path, json=body, timeout=5)
        assert resp.status_code == 200, resp.text
        return resp.json()

    def fault(self, mode: str, count: int = 1, seconds: float = 0) -> None:
        self.post("/_fake/faults", {"mode": mode, "count": count, "seconds": seconds})

    def patch(self, patron_id: str, **fields: Any) -> int:
        seq: int = self.post(f"/_fake/patrons/{patron_id}", fields)["seq"]
        return seq

    def add(self, record: dict[str, Any]) -> int:
        seq: int = self.post("/_fake/patrons", record)["seq"]
        return seq

    def reject(self, kind: str, error: str, message: str) -> None:
        self.post("/_fake/events/reject", {"kind": kind, "error": error, "message": message})

    def events(self) -> dict[str, Any]:
        resp = requests.get(self.url + "/_fake/events", timeout=5)
        assert resp.status_code == 200, resp.text
        answer: dict[str, Any] = resp.json()
        return answer

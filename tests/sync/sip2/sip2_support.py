"""Helpers shared by the SIP2 tests (a uniquely named module: `conftest` is not importable)."""

from __future__ import annotations

from datetime import datetime

from sync.sip2.client import Sip2Client
from sync.sip2.dates import LOCAL_TZ
from sync.sip2.fakes.acs import FakeAcs

NOW = datetime(2026, 11, 23, 14, 30, tzinfo=LOCAL_TZ)


def make_client(fake: FakeAcs, **overrides: object) -> Sip2Client:
    """A client for `fake` with short timeouts so fault tests stay fast."""
    options: dict[str, object] = {
        "host": "127.0.0.1", "port": fake.port, "user": "kiosk", "password": "secret",
        "institution": "DK-761500", "location": "solrod", "timeout_s": 0.3, "retries": 2,
        "reconnect_delay_s": 0.0, "clock": lambda: NOW,
    }
    options.update(overrides)
    return Sip2Client(**options)  # type: ignore[arg-type]

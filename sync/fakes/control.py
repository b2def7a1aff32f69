"""The fake central's test switches, `/_fake/*` (docs/central-api.md "The fake central"):
change patrons, queue faults, read what arrived. No auth; the fake binds loopback.

Imports nothing from kiosk/ or drivers/.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from sync.fakes.store import FakeError

if TYPE_CHECKING:
    from sync.fakes.central import FakeCentral


def control(central: FakeCentral, method: str, path: str, body: Any) -> dict[str, Any]:
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
                           float(obj.get("seconds", 0)), str(raw) if raw is not None else None,
                           obj.get("records"))
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

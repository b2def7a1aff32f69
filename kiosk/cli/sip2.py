"""`kiosk sip2-check` (connect, log in, SC/ACS status, what the ACS supports) and the SIP2 side
of `kiosk sync` (refresh the learned cache, replay offline circulation).

Each step of sip2-check prints one line; the first that fails names itself and exits 1.
"""

from __future__ import annotations

import argparse
import socket
import ssl
from collections.abc import Callable
from typing import TypeVar

from kiosk.cli.errors import OperationFailed, UsageError
from kiosk.clock import SystemClock
from kiosk.config import LoadedConfig
from kiosk.services import build_services
from kiosk.sip2.learned_cache import LearnedCacheRefresher
from kiosk.sip2.link import LiveLink, sip2_client
from kiosk.sip2.replay import replay_offline
from sync.sip2 import AcsStatus, Sip2Error
from sync.sip2.results import SUPPORTED_MESSAGES

T = TypeVar("T")


def sip2_check(_args: argparse.Namespace, loaded: LoadedConfig) -> int:
    central = loaded.config.central
    s = central.sip2
    if not s.user:
        raise UsageError("central.sip2.user is empty: set the SIP2 user created in the library "
                         "system (config.toml [central.sip2])")
    print(f"SIP2 {s.host}:{s.port} institution={s.institution or '-'} "
          f"location={s.location or '-'} encoding={s.encoding} "
          f"error_detection={'on' if s.error_detection else 'off'} tls={'on' if s.tls else 'off'}"
          f" (central.kind = {central.kind!r})")
    _step("connect", lambda: _connect(loaded))
    with sip2_client(loaded, retries=0) as client:
        _step("login", client.login)
        status = _step("status", client.sc_status)
    _print_status(status)
    return 0


def _step(name: str, action: Callable[[], T]) -> T:
    try:
        result = action()
    except (OSError, Sip2Error) as err:
        print(f"{name}: FAILED")
        raise OperationFailed(f"step {name!r} failed: {err}") from None
    print(f"{name}: ok")
    return result


def _connect(loaded: LoadedConfig) -> None:
    s = loaded.config.central.sip2
    sock = socket.create_connection((s.host, s.port), timeout=s.timeout.total_seconds())
    try:
        if s.tls:
            ca = loaded.config.central.ca_file
            context = ssl.create_default_context(
                cafile=str(loaded.resolve(ca)) if ca else None)
            sock = context.wrap_socket(sock, server_hostname=s.host)
    finally:
        sock.close()


def _print_status(acs: AcsStatus) -> None:
    def yn(flag: bool) -> str:
        return "yes" if flag else "no"

    print(f"library: {acs.library_name or '-'} ({acs.institution or '-'}), "
          f"protocol {acs.version or '?'}")
    print(f"online: {yn(acs.online)}, checkout: {yn(acs.checkout_ok)}, "
          f"checkin: {yn(acs.checkin_ok)}, renewal policy: {yn(acs.renewal_policy)}, "
          f"offline allowed: {yn(acs.offline_ok)}")
    timeout = "unknown" if acs.timeout_s is None else f"{acs.timeout_s:g} s"
    retries = "unknown" if acs.retries is None else str(acs.retries)
    print(f"ACS timeout: {timeout}, retries: {retries}")
    print("supports (BX):")
    for name in SUPPORTED_MESSAGES:
        print(f"  {name:<20} {yn(acs.supports(name))}")
    needed = ("patron_information", "checkout", "checkin", "renew", "item_information")
    missing = [n for n in needed if not acs.supports(n)]
    if missing:
        print(f"warning: the kiosk uses {', '.join(missing)}, which the ACS does not list")


def sip2_sync(_args: argparse.Namespace, loaded: LoadedConfig) -> int:
    """`kiosk sync` with central.kind = "sip2": refresh known patrons, replay offline work."""
    clock = SystemClock()
    services = build_services(loaded, clock)
    link = LiveLink(sip2_client(loaded, clock=clock), clock, name="SIP2 sync")
    try:
        sealer = services.hasher.sealer
        replayed = replay_offline(services.sessions, link, sealer)
        refresher = LearnedCacheRefresher(services.sessions, link, clock,
                                          loaded.config.central.sip2.blocking_positions, sealer)
        refreshed = refresher.refresh_all()
    finally:
        link.close()
        services.close()
    print(f"sip2 sync: {refreshed} known patrons refreshed; offline circulation: "
          f"{replayed.sent} sent, {replayed.refused} refused (see kiosk status)")
    if link.last_error is not None:
        raise OperationFailed(f"library system unreachable ({link.last_error})")
    return 0

"""`kiosk sync`: one sync with the central system now: patrons, then the outbox.

Exit status (CONTRACT.md): 0 when both parts were done, 1 when either failed (the central
unreachable, a refused record, events not taken), 2 for configuration (token or CA file).
"""

from __future__ import annotations

import argparse
from datetime import timedelta

from kiosk.cli.errors import OperationFailed, UsageError
from kiosk.clock import SystemClock
from kiosk.config import LoadedConfig
from kiosk.jobs.sync import RunReport, SyncService
from kiosk.privacy.audit import cli_actor, record_audit
from kiosk.privacy.retention import purge
from kiosk.services import Services, build_services, central_client
from kiosk.system.heap import freeze_startup_heap
from sync.client import CentralClient, TlsError, TokenFileError


def sync(args: argparse.Namespace, loaded: LoadedConfig) -> int:
    if loaded.config.central.kind == "none":
        raise UsageError("central.kind is \"none\": nothing to sync with (see config.toml)")
    if loaded.config.central.kind == "sip2":
        from kiosk.cli.sip2 import sip2_sync

        return sip2_sync(args, loaded)
    client = _client(loaded)
    services = build_services(loaded, SystemClock())
    freeze_startup_heap()  # shorter GC passes during the sync (kiosk/system/heap.py)
    try:
        record_audit(services.sessions, services.clock.now(), "sync_now", cli_actor(),
                     f"full={args.full}")
        result = _service(client, services, loaded).run(full=args.full)
    finally:
        services.close()
    _print(result)
    problems = result.problems()
    if problems:
        raise OperationFailed("; ".join(problems))
    return 0


def _client(loaded: LoadedConfig) -> CentralClient:
    """The HTTP client; a token or CA file that went bad since the config check is exit 2."""
    try:
        return central_client(loaded)
    except TokenFileError as err:
        raise UsageError(f"central.token_file: {err}") from None
    except TlsError as err:
        raise UsageError(f"central.ca_file: {err}") from None


def _service(client: CentralClient, services: Services, loaded: LoadedConfig) -> SyncService:
    def purge_now() -> None:
        purge(services.engine, services.sessions, loaded.config.retention, services.clock.now())

    days = loaded.config.retention.inactive_patron_days
    return SyncService(client, services.sessions, services.hasher, services.clock,
                       after_deletions=purge_now, inactive_after=timedelta(days=days))


def _print(result: RunReport) -> None:
    if result.patrons is not None:
        print(result.patrons.summary())
    else:
        print("patrons: not synced")
    outbox = result.outbox
    print(f"outbox: {outbox.sent} sent, {outbox.parked} parked, {outbox.failed} not sent"
          + (f" ({outbox.error})" if outbox.error else ""))

"""`kiosk sync`: one sync with the central system now, then the outbox."""

from __future__ import annotations

import argparse

from kiosk.audit import cli_actor, record_audit
from kiosk.cli_errors import OperationFailed, UsageError
from kiosk.clock import SystemClock
from kiosk.config import LoadedConfig
from kiosk.retention import purge
from kiosk.services import build_services, central_client
from kiosk.sync_service import SyncService
from sync.client import CentralError


def sync(args: argparse.Namespace, loaded: LoadedConfig) -> int:
    if loaded.config.central.kind == "none":
        raise UsageError("central.kind is \"none\": nothing to sync with (see config.toml)")
    if loaded.config.central.kind == "sip2":
        from kiosk.cli_sip2 import sip2_sync

        return sip2_sync(args, loaded)
    services = build_services(loaded, SystemClock())
    client = central_client(loaded)
    try:
        record_audit(services.sessions, services.clock.now(), "sync_now", cli_actor(),
                     f"full={args.full}")
        def purge_now() -> None:
            purge(services.engine, services.sessions, loaded.config.retention,
                  services.clock.now())

        service = SyncService(client, services.sessions, services.hasher, services.clock,
                              after_deletions=purge_now)
        try:
            report = service.sync(full=args.full)
        except CentralError as err:
            raise OperationFailed(str(err)) from None
        outbox = service.send_outbox()
    finally:
        services.close()
    print(report.summary())
    print(f"outbox: {outbox.sent} sent, {outbox.parked} parked, {outbox.failed} not sent"
          + (f" ({outbox.error})" if outbox.error else ""))
    return 0

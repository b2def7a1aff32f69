"""`kiosk stats` (counts without persons: entries per hour and reason, circulation per day),
`kiosk export` (right of access: all the kiosk holds on one patron) and `kiosk key-reset`
(start over with the installation key as it is now)."""

from __future__ import annotations

import argparse
import csv
import io
import json
from datetime import timedelta

from kiosk.cache import queries
from kiosk.cache.db import checkpoint, open_database
from kiosk.cli.args import card_read, instant
from kiosk.cli.errors import UsageError
from kiosk.clock import COPENHAGEN, SystemClock
from kiosk.config import LoadedConfig
from kiosk.privacy.access_request import access_request
from kiosk.privacy.audit import cli_actor, record_audit
from kiosk.privacy.key_guard import reset_key
from kiosk.services import build_services


def stats(args: argparse.Namespace, loaded: LoadedConfig) -> int:
    now = SystemClock().now()
    end = instant(args.end, "--to") or now
    start = instant(args.start, "--from") or end - timedelta(days=30)
    services = build_services(loaded, SystemClock())
    try:
        record_audit(services.sessions, now, "stats_viewed", cli_actor())
        with services.sessions() as session:
            rows = [
                (r.bucket.astimezone(COPENHAGEN).isoformat(timespec="minutes"), r.kind,
                 r.reason, r.count)
                for r in queries.stats_between(session, start, end)
            ]
    finally:
        services.close()
    if args.csv:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["period_start", "kind", "reason", "count"])
        writer.writerows(rows)
        print(out.getvalue(), end="")
        return 0
    for bucket, kind, reason, count in rows:
        print(json.dumps({"period_start": bucket, "kind": kind, "reason": reason,
                          "count": count}))
    return 0


def key_reset(_args: argparse.Namespace, loaded: LoadedConfig) -> int:
    """Erase what the old installation key made and adopt the key file as it is now."""
    engine, sessions = open_database(loaded.database_url)
    try:
        report = reset_key(loaded.key_file, sessions)
        erased = ", ".join(f"{n} {t}" for t, n in report.erased.items())
        record_audit(sessions, SystemClock().now(), "key_reset", cli_actor(), erased)
        checkpoint(engine)
    finally:
        engine.dispose()
    print(f"erased {erased}")
    print(f"the cache now goes with key {report.fingerprint} ({loaded.key_file}); "
          "`kiosk sync --full` fills it again")
    return 0


def export(args: argparse.Namespace, loaded: LoadedConfig) -> int:
    """Right of access: one JSON object with everything held on the patron behind --card."""
    from kiosk.access.sip2 import sip2_key

    now = instant(args.at, "--at") or SystemClock().now()
    services = build_services(loaded, SystemClock())
    try:
        read = card_read(loaded, args.card)
        cid = services.access.credential_id(read)
        if cid is None:
            raise UsageError("--card: not a CPR number or a library card number this kiosk "
                             "reads (reader card_patterns)")
        with services.sessions() as session:
            answer = access_request(
                session, cid, services.hasher.sealer, sip2_key(read), now,
                loaded.config.retention.entry_log_days, services.access.policy)
        record_audit(services.sessions, SystemClock().now(), "export", cli_actor(),
                     f"card {read.masked}")
    finally:
        services.close()
    answer = {"card": read.masked, "card_kind": str(read.kind), **answer}
    print(json.dumps(answer, ensure_ascii=False, indent=2))
    return 0

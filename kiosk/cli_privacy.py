"""`kiosk stats`: counts without persons (entries per hour and reason, circulation per day)."""

from __future__ import annotations

import argparse
import csv
import io
import json
from datetime import timedelta

from kiosk.audit import cli_actor, record_audit
from kiosk.cache import queries
from kiosk.cli_errors import UsageError
from kiosk.clock import COPENHAGEN, SystemClock, parse_instant
from kiosk.config import LoadedConfig
from kiosk.services import build_services


def stats(args: argparse.Namespace, loaded: LoadedConfig) -> int:
    now = SystemClock().now()
    try:
        end = parse_instant(args.end) if args.end else now
        start = parse_instant(args.start) if args.start else end - timedelta(days=30)
    except ValueError as err:
        raise UsageError(f"--from/--to: {err}") from None
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

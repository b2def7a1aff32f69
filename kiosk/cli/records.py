"""`kiosk` verbs over what the kiosk keeps: log (the entry log, or the audit log with
--audit) and purge (the retention rules, now)."""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timedelta

from kiosk.cache import queries
from kiosk.cli.args import instant
from kiosk.cli.errors import OperationFailed
from kiosk.clock import COPENHAGEN, FixedClock, SystemClock
from kiosk.config import LoadedConfig
from kiosk.health.clock_trust import ClockMemory, clock_limits, read_clock
from kiosk.privacy.audit import cli_actor, record_audit
from kiosk.privacy.retention import purge as run_purge
from kiosk.services import build_services


def show_log(args: argparse.Namespace, loaded: LoadedConfig) -> int:
    since = instant(args.since, "--since")
    if args.audit:
        return show_audit(loaded, since, args.json)
    services = build_services(loaded, SystemClock())
    now = services.clock.now()
    record_audit(services.sessions, now, "log_viewed", cli_actor(), f"since={since}")
    window_start = now - timedelta(days=loaded.config.retention.entry_log_days)
    try:
        with services.sessions() as session:
            rows = queries.entries_since(session, max(since or window_start, window_start))
    finally:
        services.close()
    for row in rows:
        item = {
            "at": row.at.astimezone(COPENHAGEN).isoformat(timespec="seconds"),
            "granted": row.granted,
            "reason": row.reason,
            "mode": row.mode,
            "kind": row.credential_kind,
            "patron": row.patron_id,
            "rule_set_version": row.rule_set_version,
            "cache_age_s": row.cache_age_s,
            "count": row.repeats,
        }
        if args.json:
            print(json.dumps(item))
        else:
            verdict = "granted" if row.granted else "denied "
            times = f"  ×{row.repeats}" if row.repeats > 1 else ""
            print(f"{item['at']}  {verdict}  {row.reason:<16} {row.mode:<12} "
                  f"{row.credential_kind:<7} {row.patron_id or '-'}{times}")
    return 0


def purge(args: argparse.Namespace, loaded: LoadedConfig) -> int:
    given = instant(args.now, "--now")
    now = given or SystemClock().now()
    # The machine's clock decides what goes only while it is trusted; a time given with --now
    # is a person's statement, and --force is a technician vouching for the clock.
    untrusted = None if given is not None else _clock_untrusted(loaded, args.force)
    services = build_services(loaded, FixedClock(now))
    detail = f"dry_run={args.dry_run} force={args.force}"
    try:
        if not args.dry_run:
            record_audit(services.sessions, SystemClock().now(), "purge", cli_actor(), detail)
        report = run_purge(
            services.engine, services.sessions, loaded.config.retention, now,
            dry_run=args.dry_run, force=args.force, untrusted=untrusted,
        )
    finally:
        services.close()
    if report.skipped is not None:
        raise OperationFailed(f"nothing purged: {report.skipped} (check the clock; --force "
                              "purges anyway)")
    for r in report.results:
        done = {"delete": "deleted", "anonymise": "anonymised"}[r.action]
        verb = f"would be {done}" if report.dry_run else done
        print(f"{r.rule}: {r.rows} rows {verb} ({r.table}, older than "
              f"{r.cutoff.astimezone(COPENHAGEN).isoformat(timespec='seconds')})")
    if report.unclean is not None:
        raise OperationFailed(report.unclean)
    return 0


def _clock_untrusted(loaded: LoadedConfig, vouched: bool) -> str | None:
    memory = ClockMemory(loaded.data_dir)
    reading = read_clock(SystemClock())
    if vouched:
        memory.confirm(reading)
        return None
    trust = memory.observe(reading, clock_limits(loaded.config.retention))
    return None if trust.trusted else trust.reason


def show_audit(loaded: LoadedConfig, since: datetime | None, as_json: bool) -> int:
    services = build_services(loaded, SystemClock())
    start = since or services.clock.now() - timedelta(days=loaded.config.retention.audit_days)
    try:
        with services.sessions() as session:
            rows = queries.audit_since(session, start)
    finally:
        services.close()
    for row in rows:
        at = row.at.astimezone(COPENHAGEN).isoformat(timespec="seconds")
        if as_json:
            print(json.dumps({"at": at, "action": row.action, "actor": row.actor,
                              "detail": row.detail}))
        else:
            print(f"{at}  {row.action:<18} {row.actor:<24} {row.detail}")
    return 0

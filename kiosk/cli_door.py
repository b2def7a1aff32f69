"""`kiosk` verbs for the door and the cache: check-config, import-patrons, explain, attempt,
log, purge, status."""

from __future__ import annotations

import argparse
import json
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

from drivers.cardparse import compile_patterns, parse_card
from drivers.relays import BaseRelay
from drivers.types import CardRead
from kiosk.audit import cli_actor, record_audit
from kiosk.cache import queries
from kiosk.cache.patrons import ApplyCounts, apply_records
from kiosk.cli_errors import OperationFailed, UsageError
from kiosk.clock import COPENHAGEN, FixedClock, SystemClock, parse_instant
from kiosk.config import LoadedConfig
from kiosk.door import DoorController, DoorSettings
from kiosk.flow import CardPresented, Evaluation, Phase, PinDigit, PinSubmitted
from kiosk.keyed_hash import fingerprint
from kiosk.reasons import patron_text
from kiosk.retention import purge as run_purge
from kiosk.schedule import Calendar
from kiosk.services import build_services, relay_from_config
from sync.records import PatronRecord, RecordError, parse_patron_line

IMPORT_PAGE = 1000


def _instant(text: str | None, option: str) -> datetime | None:
    if text is None:
        return None
    try:
        return parse_instant(text)
    except ValueError:
        raise UsageError(f"{option}: not an ISO 8601 time: {text!r}") from None


def _clock(at: datetime | None) -> FixedClock | SystemClock:
    return FixedClock(at) if at is not None else SystemClock()


def card_read(loaded: LoadedConfig, raw: str, reader: str = "cli") -> CardRead:
    patterns = [p for r in loaded.config.readers.values() for p in r.card_patterns]
    return parse_card(raw, reader, compile_patterns(patterns) if patterns else ())


def check_config(_args: argparse.Namespace, loaded: LoadedConfig) -> int:
    c = loaded.config
    calendar = Calendar(c.calendar)
    today = datetime.now(COPENHAGEN).date()
    print(f"config: {loaded.path} is valid")
    print(f"branch: {c.kiosk.branch}; mode: {c.kiosk.mode}; language: {c.kiosk.language}")
    print(f"data: {loaded.data_dir}; database: {loaded.database_url.split('://')[0]}")
    readers = ", ".join(f"{n} ({r.driver} {r.port or r.device})" for n, r in c.readers.items())
    print(f"readers: {readers or 'none configured'}")
    print(f"relay: {c.relay.driver} channel {c.relay.channel}, pulse {c.relay.pulse_seconds} s")
    print(f"printer: {c.printer.driver} {c.printer.port or ''}".rstrip())
    print(f"central: {c.central.kind} {c.central.url or ''}".rstrip())
    a = c.access
    print(f"access: min age {a.min_age}, max debt {a.max_debt_dkk} DKK, opt-in "
          f"{'required' if a.require_opt_in else 'not required'}, {a.pin_attempts} PIN attempts,"
          f" lock {a.lockout_minutes} min")
    print("calendar, next 7 days:")
    for offset in range(7):
        day = today + timedelta(days=offset)
        note = calendar.exception_name(day)
        extra = f"  ({note})" if note else ""
        print(f"  {day.isoformat()} {day.strftime('%a')}: {calendar.describe_day(day)}{extra}")
    return 0


def import_patrons(args: argparse.Namespace, loaded: LoadedConfig) -> int:
    path: Path = args.file
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise OperationFailed(f"cannot read {path}: {err.strerror}") from None
    records: list[PatronRecord] = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                records.append(parse_patron_line(line, f"{path.name}:{number}"))
            except RecordError as err:
                raise OperationFailed(f"{err}; nothing was imported") from None
    services = build_services(loaded, SystemClock())
    total = ApplyCounts()
    try:
        # One transaction for the whole file: a failure leaves the cache as it was.
        with services.sessions.begin() as session:
            for start in range(0, len(records), IMPORT_PAGE):
                page = records[start : start + IMPORT_PAGE]
                total.add(apply_records(session, page, services.hasher))
            queries.set_state(session, "last_sync_success", services.clock.now().isoformat())
    except RecordError as err:
        raise OperationFailed(f"{path.name}: {err}; nothing was imported") from None
    finally:
        services.close()
    print(f"imported {total.upserted} patrons, deleted {total.deleted}")
    return 0


def decision_json(evaluation: Evaluation, pin_missing: bool = False) -> dict[str, object]:
    decision = evaluation.decision
    assert decision is not None
    granted = decision.granted and not pin_missing
    text = patron_text(decision.reason, decision.attempts_left)
    if pin_missing:
        text = {"da": "Indtast din pinkode.", "en": "Enter your PIN."}
    out: dict[str, object] = {
        "granted": granted,
        "reason": str(decision.reason),
        "mode": str(evaluation.mode),
        "patron": evaluation.patron_id,
        "text": text,
        "attempts_left": decision.attempts_left,
    }
    if pin_missing:
        out["pin_required"] = True
    out["rule_set_version"] = decision.rule_set_version
    return out


def explain(args: argparse.Namespace, loaded: LoadedConfig) -> int:
    clock = _clock(_instant(args.at, "--at"))
    services = build_services(loaded, clock)
    try:
        read = card_read(loaded, args.card)
        screened = services.access.screen_card(read)
        pin_missing = False
        if screened.decision is not None:
            evaluation = screened
        else:
            pin_missing = args.pin is None
            evaluation = services.access.check_pin(read, args.pin)
    finally:
        services.close()
    print(json.dumps(decision_json(evaluation, pin_missing), ensure_ascii=False))
    return 0


def attempt(args: argparse.Namespace, loaded: LoadedConfig) -> int:
    clock = _clock(_instant(args.at, "--at"))
    c = loaded.config
    if not args.pin.isdigit():
        raise UsageError("--pin: digits only")
    services = build_services(loaded, clock)
    relay = relay_from_config(c.relay)
    try:
        settings = DoorSettings(pin_length=c.access.pin_length, pulse_s=c.relay.pulse_seconds)
        door = DoorController(services.access, relay, clock, settings)
        door.handle(CardPresented(card_read(loaded, args.card)))
        if door.state.phase is Phase.AWAITING_PIN:
            # The screen takes at most pin_length digits and submits at the last one.
            for digit in args.pin[: c.access.pin_length]:
                door.handle(PinDigit(digit))
            if door.state.phase is Phase.AWAITING_PIN and door.state.digits:
                door.handle(PinSubmitted())
        evaluation = door.state.evaluation
        _wait_for_pulse(relay, c.relay.pulse_seconds + 1.0)
    finally:
        relay.close()
        services.close()
    if evaluation is None or evaluation.decision is None:
        raise OperationFailed("no decision was made")
    print(json.dumps(decision_json(evaluation), ensure_ascii=False))
    return 1 if door.faults else 0


def _wait_for_pulse(relay: BaseRelay, limit_s: float) -> None:
    """Let a granted pulse run its course before close() switches the relay off."""
    done = threading.Event()
    deadline = time.monotonic() + limit_s
    while relay.is_on and time.monotonic() < deadline:
        done.wait(0.05)


def show_log(args: argparse.Namespace, loaded: LoadedConfig) -> int:
    since = _instant(args.since, "--since")
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
        }
        if args.json:
            print(json.dumps(item))
        else:
            verdict = "granted" if row.granted else "denied "
            print(f"{item['at']}  {verdict}  {row.reason:<16} {row.mode:<12} "
                  f"{row.credential_kind:<7} {row.patron_id or '-'}")
    return 0


def purge(args: argparse.Namespace, loaded: LoadedConfig) -> int:
    now = _instant(args.now, "--now") or SystemClock().now()
    services = build_services(loaded, FixedClock(now))
    detail = f"dry_run={args.dry_run} force={args.force}"
    try:
        if not args.dry_run:
            record_audit(services.sessions, SystemClock().now(), "purge", cli_actor(), detail)
        report = run_purge(
            services.engine, services.sessions, loaded.config.retention, now,
            dry_run=args.dry_run, force=args.force,
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
    return 0


def status(args: argparse.Namespace, loaded: LoadedConfig) -> int:
    services = build_services(loaded, SystemClock())
    now = services.clock.now()
    try:
        with services.sessions() as session:
            age = services.access.cache_age(session, now)
            info: dict[str, object] = {
                "branch": loaded.config.kiosk.branch,
                "mode": str(services.access.mode_at(now)),
                "patrons": queries.patron_count(session),
                "cache_age_s": int(age.total_seconds()) if age is not None else None,
                "last_sync": queries.get_state(session, "last_sync_success"),
                "last_sync_error": queries.get_state(session, "last_sync_error"),
                "outbox_pending": queries.outbox_pending(session),
                "outbox_parked": [
                    {"id": i.idempotency_key, "kind": i.kind, "error": i.parked_error}
                    for i in queries.outbox_parked(session)
                ],
                "relay": loaded.config.relay.driver,
                "readers": {n: r.driver for n, r in loaded.config.readers.items()},
                "key_fingerprint": fingerprint(services.key_fingerprint_source),
                "rule_set_version": services.access.rule_set_version,
            }
    finally:
        services.close()
    if args.json:
        print(json.dumps(info, ensure_ascii=False))
    else:
        for key, value in info.items():
            print(f"{key}: {value}")
    return 0


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

"""`kiosk` verbs that set a kiosk up: check-config (the config, the calendar and the
building's next 24 hours) and import-patrons (a JSON Lines file into the cache)."""

from __future__ import annotations

import argparse
import shutil
import sys
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.building.agenda import config_agenda
from kiosk.cache import queries
from kiosk.cache.patrons import ApplyCounts, apply_records
from kiosk.calendar_feed.feed_status import FeedStatus
from kiosk.calendar_feed.store import refresh as refresh_feed
from kiosk.cli.errors import OperationFailed
from kiosk.clock import COPENHAGEN, SystemClock
from kiosk.config import LoadedConfig, load
from kiosk.config.building import OutputSection
from kiosk.config.consistency import problems
from kiosk.schedule import Calendar
from kiosk.services import build_services
from sync.records import PatronRecord, RecordError, parse_patron_line

IMPORT_PAGE = 1000


def check_config(args: argparse.Namespace, loaded: LoadedConfig) -> int:
    feed_status = None
    if loaded.config.calendar.feed:
        # Fetch the library's feed now (a technician checking wants today's), then read the
        # config again so the summary shows the calendar the kiosk will decide with.
        feed_status = refresh_feed(loaded.config.calendar, loaded.base_dir, loaded.data_dir,
                                   SystemClock().now())
        loaded = load(loaded.path, args.overrides)
    c = loaded.config
    wrong = problems(c)
    for line in wrong:
        sys.stderr.write(f"{loaded.path.name}: {line}\n")
    if wrong:
        return 2
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
    _building_report(loaded)
    return 0 if feed_status is None else _feed_report(feed_status)


def _building_report(loaded: LoadedConfig) -> None:
    """The outputs, and what the building does in the next 24 hours (docs/building.md)."""
    c = loaded.config
    outputs = ", ".join(f"{name} ({_where(o)})" for name, o in c.outputs.items())
    print(f"outputs: {outputs or 'none configured'}")
    lines = config_agenda(c, SystemClock().now())
    print("building, next 24 hours:" if lines else "building, next 24 hours: nothing")
    for line in lines:
        print(f"  {line.text()}")
    speaks = [n for n, a in c.announcements.items() if a.text] + ["closing"]
    tts = c.speech.program[0]
    # Notes with the summary, not errors on stderr: the config is valid without a loudspeaker.
    if speaks and shutil.which(tts) is None:
        print(f"sound: {tts} not found: the announcements {', '.join(sorted(speaks))} cannot "
              "be spoken (apt-get install espeak-ng)")
    if not c.kiosk.sound_command:
        print("sound: kiosk.sound_command is empty: announcements are logged, not heard")


def _where(o: OutputSection) -> str:
    match o.driver:
        case "lcus" | "kmtronic" | "numato":
            return f"{o.driver} {o.port} channel {o.channel}"
        case "gpio":
            return f"gpio {o.gpio_chip} line {o.gpio_line}"
        case "command":
            return f"command {o.command[0]}"
    return "null"


def _feed_report(status: FeedStatus) -> int:
    """The feed's line; its problems on stderr, one a line. Exit 2 when the feed is invalid
    (like a bad config), 1 when it could not be fetched; the kiosk keeps the last good copy."""
    print(f"calendar feed: {status.summary()}")
    for line in status.problems:
        print(line, file=sys.stderr)
    if status.ok:
        return 0
    return 1 if status.unreachable else 2


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
                total.add(apply_records(session, page, services.hasher,
                                        today=services.clock.now().date()))
            queries.set_state(session, "last_sync_success", services.clock.now().isoformat())
    except RecordError as err:
        raise OperationFailed(f"{path.name}: {err}; nothing was imported") from None
    finally:
        services.close()
    print(f"imported {total.upserted} patrons, deleted {total.deleted}")
    return 0

"""The `kiosk` command line (CONTRACT.md): argparse verbs -> services. Prints; nothing else does.

Exit status: 0 success, 1 operation failed, 2 bad usage or bad configuration.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, cast

from kiosk.cli.errors import OperationFailed, UsageError
from kiosk.cli.relay_session import RelaySession
from kiosk.config_file import find_config
from kiosk.privacy.redaction import install_redaction
from kiosk.system.relay_owner import RelayBusy

if TYPE_CHECKING:
    from kiosk.config import LoadedConfig

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
INTEGRITY_LOGGER = "kiosk.cache.integrity"
Handler = Callable[[argparse.Namespace, "LoadedConfig"], int]
RelayHandler = Callable[[argparse.Namespace, "LoadedConfig", RelaySession], int]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kiosk", description="Library door and self-checkout kiosk")
    p.add_argument("--config", help="config file (default: $KIOSK_CONFIG, /etc/kiosk/config.toml,"
                   " ./config.toml)")
    p.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                   help="override one config key for this run, e.g. access.min_age=18")
    p.add_argument("-v", "--verbose", action="store_true", help="debug logging to stderr")
    verbs = p.add_subparsers(dest="verb", required=True, metavar="VERB")
    verbs.add_parser("run", help="the kiosk: full screen, readers, relay, sync, purge")
    demo = verbs.add_parser("demo", help="the kiosk on built-in defaults with a fake central")
    demo.add_argument("--headless", action="store_true", help="play a scripted visit offscreen")
    demo.add_argument("--screenshots", type=Path, help="save a PNG of each screen here")
    verbs.add_parser("check-config", help="validate the config and summarise it")
    imp = verbs.add_parser("import-patrons", help="load patron records (JSON Lines)")
    imp.add_argument("file", type=Path)
    for name, text in (("explain", "dry run of a door decision"),
                       ("attempt", "a real door attempt without the screen")):
        v = verbs.add_parser(name, help=text)
        v.add_argument("--card", required=True, help="raw card read, as a reader sends it")
        v.add_argument("--pin", required=name == "attempt")
        v.add_argument("--at", help="ISO 8601 time (local Copenhagen time without offset)")
        if name == "explain":
            v.add_argument("--live", action="store_true",
                           help="SIP2: ask the library system now; counts like an attempt "
                                "(entry log, wrong-PIN count), no relay")
    lg = verbs.add_parser("log", help="the entry log (within the retention window)")
    lg.add_argument("--since", help="ISO 8601 time")
    lg.add_argument("--json", action="store_true")
    lg.add_argument("--audit", action="store_true", help="the technician audit trail instead")
    stt = verbs.add_parser("stats", help="counts without persons: entries, circulation")
    stt.add_argument("--from", dest="start", help="ISO 8601 time (default: 30 days ago)")
    stt.add_argument("--to", dest="end", help="ISO 8601 time (default: now)")
    stt.add_argument("--csv", action="store_true")
    pu = verbs.add_parser("purge", help="apply the retention rules")
    pu.add_argument("--dry-run", action="store_true")
    pu.add_argument("--now", help="ISO 8601 time to purge as of")
    pu.add_argument("--force", action="store_true",
                    help="the clock is right (checked by hand): trust it and purge")
    sy = verbs.add_parser("sync", help="one sync with the central system now")
    sy.add_argument("--full", action="store_true")
    dv = verbs.add_parser("devices", help="list serial ports and input devices")
    dv.add_argument("--watch", action="store_true", help="print one JSON line per card read")
    rt = verbs.add_parser("relay-test", help="pulse the configured relay once")
    rt.add_argument("--seconds", type=float, default=None)
    ex = verbs.add_parser("export", help="right of access: everything the kiosk holds on the "
                          "patron behind one card, as JSON")
    ex.add_argument("--card", required=True, help="raw card read: CPR or library card number")
    ex.add_argument("--at", help="ISO 8601 time to answer as of (default: now)")
    verbs.add_parser("key-reset", help="start over with the installation key as it is now: "
                     "erases the cached patrons, credentials and lockouts")
    verbs.add_parser("sip2-check", help="connect to the SIP2 library system, log in, show "
                     "what it supports, or the step that failed")
    st = verbs.add_parser("status", help="cache, sync, outbox, readers and relay")
    st.add_argument("--json", action="store_true")
    return p


HANDLERS: dict[str, tuple[str, str]] = {
    "check-config": ("setup", "check_config"),
    "import-patrons": ("setup", "import_patrons"),
    "explain": ("door", "explain"),
    "log": ("records", "show_log"),
    "purge": ("records", "purge"),
    "status": ("status", "status"),
    "stats": ("privacy", "stats"),
    "key-reset": ("privacy", "key_reset"),
    "export": ("privacy", "export"),
    "sync": ("sync", "sync"),
    "devices": ("hardware", "devices"),
    "sip2-check": ("sip2", "sip2_check"),
}
"""Verb -> (module in kiosk/cli, function). Only the verb's own module is imported: `kiosk
status` does not load the door, alembic's command line or Qt (issue 18: start-up time)."""


RELAY_HANDLERS: dict[str, tuple[str, str]] = {
    "attempt": ("door", "attempt"),
    "relay-test": ("hardware", "relay_test"),
}
"""The verbs besides `run` that may switch the door relay: they own it (kiosk/cli/
relay_session.py)."""
RELAY_VERBS = frozenset({"run", *RELAY_HANDLERS})


def _imported(where: tuple[str, str]) -> object:
    module, name = where
    return getattr(importlib.import_module(f"kiosk.cli.{module}"), name)


def _handler(verb: str) -> Handler:
    return cast(Handler, _imported(HANDLERS[verb]))


def _relay_handler(verb: str) -> RelayHandler:
    return _run if verb == "run" else cast(RelayHandler, _imported(RELAY_HANDLERS[verb]))


def _run(_args: argparse.Namespace, loaded: LoadedConfig, session: RelaySession) -> int:
    from kiosk.cache.integrity import begin_cache_check

    checked = begin_cache_check(loaded.database_url)  # checked while Qt and the kiosk load
    from kiosk.app.run import run

    return run(loaded, session, checked=checked)


def _own_relay(args: argparse.Namespace, config_path: Path) -> RelaySession:
    """Before the config is validated: the lock, the signals, and for `kiosk run` OFF with
    the last relay settings that worked (issue 12)."""
    session = RelaySession.take(config_path, list(args.overrides), args.verb)
    if args.verb == "run":
        try:
            session.switch_off_remembered()
        except BaseException:
            session.close()
            raise
    return session


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    install_redaction()  # before any handler: every record is redacted as it is made
    if args.verb == "demo":
        _configure_logging(args)
        from kiosk.demo.main import demo

        return demo(args.headless, args.screenshots, list(args.overrides))
    with _technician_lines():
        return _main(args)


@contextmanager
def _technician_lines() -> Iterator[None]:
    """What start-up did about a damaged cache reaches stderr as one plain line, whatever the
    logging level (kiosk/cache/integrity.py logs it; this verb's stderr shows it)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("kiosk: %(message)s"))
    integrity = logging.getLogger(INTEGRITY_LOGGER)
    integrity.addHandler(handler)
    integrity.propagate = False
    try:
        yield
    finally:
        integrity.removeHandler(handler)
        integrity.propagate = True


def _configure_logging(args: argparse.Namespace, loaded: LoadedConfig | None = None) -> None:
    from kiosk.config.fleet import LoggingSection
    from kiosk.system.logs import configure_logging

    if loaded is None:
        configure_logging(LoggingSection(), "", "", verbose=args.verbose)
    else:
        configure_logging(loaded.config.logging, loaded.kiosk_id, loaded.config.kiosk.branch,
                          verbose=args.verbose)


def _main(args: argparse.Namespace) -> int:
    session: RelaySession | None = None
    try:
        config_path = find_config(args.config)
        if args.verb in RELAY_VERBS:
            # With only drivers/ loaded: the rest of the kiosk takes seconds to import. Until
            # logging is set up below, warnings from here go to stderr plainly (lastResort).
            session = _own_relay(args, config_path)
        return _verb(args, config_path, session)
    except RelayBusy as err:
        print(f"kiosk {args.verb}: {err}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        if session is not None:
            session.close()  # relay off (again), handlers back, lock released


def _verb(args: argparse.Namespace, config_path: Path, session: RelaySession | None) -> int:
    """Validate the config and run the verb; every expected failure is one line and a code."""
    from sqlalchemy.exc import SQLAlchemyError

    from kiosk.cache.integrity import CacheDamaged
    from kiosk.config import ConfigError, load
    from kiosk.jobs.supervisor import error_line
    from kiosk.privacy.files import PrivateFileError

    _configure_logging(args)
    try:
        loaded = load(config_path, args.overrides)
        _configure_logging(args, loaded)
        if session is not None:
            return _relay_handler(args.verb)(args, loaded, session)
        return _handler(args.verb)(args, loaded)
    except ConfigError as err:
        for line in err.lines:
            print(line, file=sys.stderr)
        return EXIT_USAGE
    except PrivateFileError as err:
        print(f"kiosk: {err}", file=sys.stderr)
        return EXIT_USAGE
    except UsageError as err:
        print(f"kiosk {args.verb}: {err}", file=sys.stderr)
        return EXIT_USAGE
    except (OperationFailed, CacheDamaged) as err:
        print(f"kiosk {args.verb}: {err}", file=sys.stderr)
        return EXIT_FAILED
    except (SQLAlchemyError, sqlite3.DatabaseError) as err:
        # A database that fails under a verb (locked past the busy timeout, full, damaged
        # since start-up): one line naming it, never a traceback with SQL parameters.
        print(f"kiosk {args.verb}: database {loaded.database_url.split('///')[-1]}: "
              f"{error_line(err)}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())

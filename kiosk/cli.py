"""The `kiosk` command line (CONTRACT.md): argparse verbs -> services. Prints; nothing else does.

Exit status: 0 success, 1 operation failed, 2 bad usage or bad configuration.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk.cli_errors import OperationFailed, UsageError
from kiosk.config import ConfigError, LoadedConfig, find_config, load
from kiosk.keyed_hash import KeyFileError
from kiosk.redaction import install_redaction

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
Handler = Callable[[argparse.Namespace, LoadedConfig], int]


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
    pu.add_argument("--force", action="store_true", help="purge even after a clock jump")
    sy = verbs.add_parser("sync", help="one sync with the central system now")
    sy.add_argument("--full", action="store_true")
    dv = verbs.add_parser("devices", help="list serial ports and input devices")
    dv.add_argument("--watch", action="store_true", help="print one JSON line per card read")
    rt = verbs.add_parser("relay-test", help="pulse the configured relay once")
    rt.add_argument("--seconds", type=float, default=None)
    verbs.add_parser("sip2-check", help="connect to the SIP2 library system, log in, show "
                     "what it supports, or the step that failed")
    st = verbs.add_parser("status", help="cache, sync, outbox, readers and relay")
    st.add_argument("--json", action="store_true")
    return p


def _handlers() -> dict[str, Handler]:
    # Imported here so `kiosk explain` never loads Qt or the drivers it does not need.
    from kiosk import cli_door, cli_hardware, cli_privacy, cli_sip2, cli_sync

    return {
        "run": _run,
        "check-config": cli_door.check_config,
        "import-patrons": cli_door.import_patrons,
        "explain": cli_door.explain,
        "attempt": cli_door.attempt,
        "log": cli_door.show_log,
        "purge": cli_door.purge,
        "status": cli_door.status,
        "stats": cli_privacy.stats,
        "sync": cli_sync.sync,
        "devices": cli_hardware.devices,
        "relay-test": cli_hardware.relay_test,
        "sip2-check": cli_sip2.sip2_check,
    }


def _run(_args: argparse.Namespace, loaded: LoadedConfig) -> int:
    from kiosk.app import run

    return run(loaded)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    install_redaction()
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if args.verb == "demo":
        from kiosk.demo import demo

        return demo(args.headless, args.screenshots, list(args.overrides))
    try:
        loaded = load(find_config(args.config), args.overrides)
        return _handlers()[args.verb](args, loaded)
    except ConfigError as err:
        for line in err.lines:
            print(line, file=sys.stderr)
        return EXIT_USAGE
    except KeyFileError as err:
        print(f"kiosk: {err}", file=sys.stderr)
        return EXIT_USAGE
    except UsageError as err:
        print(f"kiosk {args.verb}: {err}", file=sys.stderr)
        return EXIT_USAGE
    except OperationFailed as err:
        print(f"kiosk {args.verb}: {err}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())

"""`kiosk` verbs for a technician with a laptop at the kiosk: devices, relay-test."""

from __future__ import annotations

import argparse
import json
import queue
import signal
import sys
import threading
import time
from typing import Final

from drivers.discovery import list_input_devices, list_serial_ports
from drivers.relays import BaseRelay
from drivers.types import CardRead, ReaderStatus, RelayFault
from kiosk.cli.errors import OperationFailed, UsageError
from kiosk.cli.relay_session import RelaySession
from kiosk.clock import SystemClock
from kiosk.config import LoadedConfig
from kiosk.privacy.audit import cli_actor, record_audit
from kiosk.services import build_services, readers_from_config

OFF_GRACE_S: Final = 3.0
"""After the pulse: time for the OFF to be taken (the relay retries it) before we say so."""


def devices(args: argparse.Namespace, loaded: LoadedConfig) -> int:
    if args.watch:
        return _watch(loaded)
    print("serial ports:")
    for port in list_serial_ports():
        print(f"  {port.device}  {port.vid_pid or '----:----'}  serial={port.serial_number or '-'}"
              f"  {port.description}")
        if port.by_id:
            print(f"      {port.by_id}")
    print("input devices:")
    for dev in list_input_devices():
        wedge = "  (keyboard / card-reader wedge)" if dev.looks_like_wedge else ""
        print(f"  {dev.path}  {dev.vid_pid}  {dev.name!r} phys={dev.phys}{wedge}")
        for link in dev.links:
            print(f"      {link}")
    return 0


def _watch(loaded: LoadedConfig) -> int:
    readers = readers_from_config(loaded.config.readers)
    if not readers:
        raise UsageError("no readers configured ([readers.<name>] in the config)")
    events: queue.Queue[CardRead | ReaderStatus | None] = queue.Queue()
    stop = threading.Event()

    def on_signal(_signum: int, _frame: object) -> None:
        stop.set()
        events.put(None)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    for reader in readers:
        reader.start(events.put, events.put)
    try:
        while not stop.is_set():
            item = events.get()
            if isinstance(item, CardRead):
                # CONTRACT.md: never the full CPR; `masked` is all a read shows.
                line = {"reader": item.reader, "kind": str(item.kind), "masked": item.masked}
                print(json.dumps(line), flush=True)
            elif isinstance(item, ReaderStatus):
                # stdout carries only the CONTRACT's card-read lines, so scripts can parse
                # every line alike; the technician still sees readers come and go.
                detail = f" ({item.detail})" if item.detail else ""
                print(f"reader {item.reader}: {item.state}{detail}", file=sys.stderr, flush=True)
    finally:
        for reader in readers:
            reader.stop()
    return 0


def relay_test(args: argparse.Namespace, loaded: LoadedConfig, session: RelaySession) -> int:
    """Pulse once and wait, bounded, until the board took the OFF that ends it."""
    seconds = args.seconds if args.seconds is not None else loaded.config.relay.pulse_seconds
    if not 0 < seconds <= 30:
        raise UsageError(f"--seconds: expected 0-30, got {seconds}")
    driver = loaded.config.relay.driver
    relay = session.configured(loaded)  # OFF first: the audit below opens the database
    _audit(loaded, "relay_test", f"seconds={seconds}")
    if relay.fault:
        raise OperationFailed(f"relay {driver}: {relay.fault}")
    try:
        relay.pulse(seconds)
    except RelayFault as err:
        raise OperationFailed(f"relay {driver}: ON not taken: {err}") from None
    if not _settles_off(relay, seconds + OFF_GRACE_S):
        relay.close()  # one last bounded try before the process goes
        raise OperationFailed(f"relay {driver}: OFF not taken within {OFF_GRACE_S:.0f} s after "
                              f"the pulse: {relay.fault or 'no reason given'}; the strike may "
                              "still be powered: check the board")
    print(json.dumps({"relay": driver, "pulsed_s": seconds}))
    return 0


def _settles_off(relay: BaseRelay, limit_s: float) -> bool:
    """Wait until the relay is off and the board took it, for at most `limit_s`."""
    deadline = time.monotonic() + limit_s
    while not relay.settled_off:
        if time.monotonic() >= deadline:
            return False
        # time.sleep, not an Event's wait: a stop signal's SystemExit raised inside the
        # Event's lock handling broke the lock (RuntimeError, exit 1 instead of 128 + n).
        time.sleep(0.02)
    return True


def _audit(loaded: LoadedConfig, action: str, detail: str) -> None:
    services = build_services(loaded, SystemClock())
    try:
        record_audit(services.sessions, services.clock.now(), action, cli_actor(), detail)
    finally:
        services.close()

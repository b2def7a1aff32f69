"""`kiosk` verbs at the door: explain (a dry run from the cache) and attempt (a door attempt
with this process's relay)."""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import replace

from drivers.relays import BaseRelay
from drivers.types import CardRead
from kiosk.access.service import AccessService, Evaluation
from kiosk.access.sip2 import Sip2AccessService
from kiosk.cli.args import card_read, checked_pin, clock_at, instant
from kiosk.cli.errors import OperationFailed, UsageError
from kiosk.cli.relay_session import RelaySession
from kiosk.config import LoadedConfig
from kiosk.door.controller import DoorController
from kiosk.door.flow import Phase
from kiosk.door.settings import door_settings
from kiosk.events import CardPresented, PinDigit, PinSubmitted
from kiosk.health.relay_faults import report_relay_faults
from kiosk.reasons import patron_text
from kiosk.services import build_services


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
    """A dry run everywhere: from the cache, nothing written or sent. With SIP2 `--live` asks
    the library system and counts like an attempt (CONTRACT.md), without the relay."""
    clock = clock_at(instant(args.at, "--at"))
    checked_pin(args.pin, loaded)
    if args.live and loaded.config.central.kind != "sip2":
        raise UsageError('--live: only with central.kind = "sip2" (a library system to ask); '
                         "without it explain already decides as the door would")
    services = build_services(loaded, clock)
    try:
        read = card_read(loaded, args.card)
        evaluation = _explained(services.access, read, args.pin, args.live)
        if args.live:
            services.access.record(evaluation)
    finally:
        services.close()
    pin_missing = evaluation.needs_pin
    print(json.dumps(decision_json(evaluation, pin_missing), ensure_ascii=False))
    return 0


def _explained(access: AccessService, read: CardRead, pin: str | None, live: bool) -> Evaluation:
    """The card, then the PIN if the card may go on; from the cache alone unless `live`.
    Without a PIN where one is needed: the evaluation says `needs_pin`."""
    cached = access if isinstance(access, Sip2AccessService) and not live else None
    screened = cached.screen_card_cached(read) if cached else access.screen_card(read)
    if screened.decision is not None:
        return screened
    if pin is None:
        return replace(access.check_pin(read, None), needs_pin=True)
    return cached.check_offline(read, pin) if cached else access.check_pin(read, pin)


def attempt(args: argparse.Namespace, loaded: LoadedConfig, session: RelaySession) -> int:
    """A door attempt; the relay is this process's (RelaySession: lock, signals, OFF)."""
    clock = clock_at(instant(args.at, "--at"))
    c = loaded.config
    checked_pin(args.pin, loaded)
    relay = session.configured(loaded)  # OFF before the database is opened (and migrated)
    try:
        services = build_services(loaded, clock)
    except BaseException:
        relay.close()
        raise
    # A board that did not take the start-up OFF (or stops taking commands) is a relay fault:
    # the door is out of service and no grant is claimed (kiosk/health/relay_faults.py).
    stop_report = report_relay_faults(relay, services.faults)
    try:
        door = DoorController(services.access, relay, clock, door_settings(loaded),
                              services.faults)
        door.handle(CardPresented(card_read(loaded, args.card)))
        if door.state.phase is Phase.AWAITING_PIN:
            # The screen submits at the last of pin_length digits (checked_pin: no more).
            for digit in args.pin:
                door.handle(PinDigit(digit))
            if door.state.phase is Phase.AWAITING_PIN and door.state.digits:
                door.handle(PinSubmitted())
        evaluation = door.state.evaluation
        _wait_for_pulse(relay, c.relay.pulse_seconds + 1.0)
    finally:
        relay.close()
        stop_report()
        services.close()
    if evaluation is None or evaluation.decision is None:
        raise OperationFailed("no decision was made")
    print(json.dumps(decision_json(evaluation), ensure_ascii=False))
    return 1 if door.out_of_service else 0


def _wait_for_pulse(relay: BaseRelay, limit_s: float) -> None:
    """Let a granted pulse run its course before close() switches the relay off."""
    deadline = time.monotonic() + limit_s
    while relay.is_on and time.monotonic() < deadline:
        time.sleep(0.05)  # not an Event's wait: see kiosk/cli/hardware.py _settles_off

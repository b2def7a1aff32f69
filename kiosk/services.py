"""Building the non-Qt services from a loaded config: database, key, access service, relay.

Shared by the command line and the Qt app so both run the same objects.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from drivers.hid_reader import HidCardReader
from drivers.relays import BaseRelay, make_relay
from drivers.serial_reader import SerialCardReader
from drivers.types import CardReader
from kiosk.access import AccessService
from kiosk.cache.db import open_database
from kiosk.clock import Clock
from kiosk.config import LoadedConfig
from kiosk.config.models import ReaderSection, RelaySection
from kiosk.keyed_hash import KeyedHasher, load_or_create_key
from kiosk.rules import rule_set_version
from kiosk.sip2_access import Sip2AccessService
from kiosk.sip2_link import DOOR_TIMEOUT_S, LiveLink, sip2_client
from sync.client import CentralClient
from sync.http_client import HttpCentralClient


@dataclass
class Services:
    loaded: LoadedConfig
    clock: Clock
    engine: Engine
    sessions: sessionmaker[Session]
    hasher: KeyedHasher
    access: AccessService
    key_fingerprint_source: bytes
    sip2: LiveLink | None = None
    """central.kind "sip2": the live link of the door and checkout screen."""

    def close(self) -> None:
        if self.sip2 is not None:
            self.sip2.close()
        self.engine.dispose()


def build_services(loaded: LoadedConfig, clock: Clock) -> Services:
    """Open (and migrate) the cache, load or create the installation key, wire the rules."""
    key = load_or_create_key(loaded.key_file)
    engine, sessions = open_database(loaded.database_url)
    hasher = KeyedHasher(key)
    version = rule_set_version(loaded.config)
    if loaded.config.central.kind == "sip2":
        # Learned cache: a live SIP2 check first, the cache behind it (kiosk/sip2_access.py).
        client = sip2_client(loaded, timeout_s=DOOR_TIMEOUT_S, retries=0, clock=clock)
        link = LiveLink(client, clock, deadline_s=DOOR_TIMEOUT_S)
        sip2 = Sip2AccessService(loaded, sessions, hasher, clock, version, link)
        return Services(loaded, clock, engine, sessions, hasher, sip2, key, link)
    access = AccessService(loaded, sessions, hasher, clock, version)
    return Services(loaded, clock, engine, sessions, hasher, access, key)


def relay_from_config(section: RelaySection) -> BaseRelay:
    """The configured relay, already switched off (a board keeps its last state after a crash)."""
    match section.driver:
        case "lcus" | "kmtronic":
            assert section.port is not None  # the config model requires it for these
            return make_relay(section.driver, port=section.port, channel=section.channel)
        case "numato":
            assert section.port is not None
            # relay.channel is 1-based for technicians; Numato numbers its relays from 0.
            return make_relay("numato", port=section.port, channel=section.channel - 1)
        case "gpio":
            return make_relay(
                "gpio",
                line=section.gpio_line,
                chip=section.gpio_chip,
                active_low=section.active_low,
            )
        case "command":
            return make_relay("command", argv=list(section.command))
        case _:
            return make_relay("null")


def readers_from_config(readers: Mapping[str, ReaderSection]) -> list[CardReader]:
    """One reader object per `[readers.<name>]` table; none is started yet."""
    out: list[CardReader] = []
    for name, r in readers.items():
        gap = r.idle_gap_ms / 1000
        if r.driver == "serial":
            assert r.port is not None  # the config model requires it
            out.append(SerialCardReader(name, r.port, r.baudrate, gap, r.card_patterns))
        else:
            assert r.device is not None
            out.append(HidCardReader(name, r.device, gap, r.card_patterns, r.phys, r.layout))
    return out


def central_client(loaded: LoadedConfig) -> CentralClient:
    central = loaded.config.central
    if central.kind != "http":
        raise ValueError(f"no sync client for central.kind {central.kind!r}")
    return HttpCentralClient(
        central.url,
        token_file=loaded.resolve(central.token_file) if central.token_file else None,
        ca_file=loaded.resolve(central.ca_file) if central.ca_file else None,
    )

"""Building the non-Qt services from a loaded config: database, key, access service, relay.

Shared by the command line and the Qt app so both run the same objects.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from drivers.hid_reader import HidCardReader
from drivers.relays import BaseRelay
from drivers.serial_reader import SerialCardReader
from drivers.types import CardReader
from kiosk.access.rules import rule_set_version
from kiosk.access.service import AccessService
from kiosk.access.sip2 import Sip2AccessService
from kiosk.cache.db import checkpoint, open_database
from kiosk.cache.integrity import (
    START_CHECK_BUDGET_S,
    Repair,
    Verdict,
    ensure_sound,
    private_cache_file,
)
from kiosk.clock import Clock, SystemClock
from kiosk.config import LoadedConfig
from kiosk.config.models import ReaderSection, RelaySection
from kiosk.health.clock_trust import (
    FIRST,
    ClockMemory,
    ClockTrust,
    CurrentTrust,
    clock_limits,
    read_clock,
)
from kiosk.health.faults import CACHE_REBUILD, Faults
from kiosk.privacy.key_guard import guarded_key
from kiosk.privacy.keyed_hash import KeyedHasher, KeyFileError
from kiosk.sip2.link import DOOR_TIMEOUT_S, LiveLink, sip2_client
from kiosk.sip2.rekey import rekey_plaintext
from kiosk.system.relay_owner import build_relay, held_by_other
from sync.client import CentralClient


@dataclass
class Services:
    loaded: LoadedConfig
    clock: Clock
    engine: Engine
    sessions: sessionmaker[Session]
    hasher: KeyedHasher
    access: AccessService
    key_fingerprint_source: bytes
    faults: Faults
    """The one owner of faults: the door's decisions read it (out_of_service)."""
    sip2: LiveLink | None = None
    """central.kind "sip2": the live link of the door and checkout screen."""
    repair: Repair | None = None
    """The cache file was damaged at start and moved to quarantine (kiosk/cache/integrity.py)."""
    clock_trust: CurrentTrust = field(default_factory=CurrentTrust)
    """The wall clock's verdict; the door reads it (the clock job of `kiosk run` sets it)."""

    def close(self) -> None:
        self.access.close()
        if self.sip2 is not None:
            self.sip2.close()
        self.engine.dispose()


def build_services(
    loaded: LoadedConfig, clock: Clock, faults: Faults | None = None,
    check_budget_s: float = START_CHECK_BUDGET_S, checked: Verdict | None = None,
) -> Services:
    """Open (and migrate) the cache, load or create the installation key, wire the rules.

    `faults`: the running kiosk's fault owner; a one-shot verb gets a fresh one.
    `check_budget_s`: how long the start-up integrity check may take (kiosk/cache/integrity.py);
    `checked`: that check, begun earlier (kiosk/cache/integrity.py begin_cache_check).
    """
    repair = _check_cache(loaded, check_budget_s, checked)
    engine, sessions = open_database(loaded.database_url)
    try:
        key = guarded_key(loaded.key_file, sessions)
    except KeyFileError:
        engine.dispose()
        raise
    hasher = KeyedHasher(key)
    faults = faults if faults is not None else Faults(clock)
    if repair is not None and loaded.config.central.kind == "http":
        # Out of order until the full sync has refilled the cache (kiosk/jobs/background.py).
        faults.set(CACHE_REBUILD, repair.line())
    link = None
    if loaded.config.central.kind == "sip2":
        if rekey_plaintext(sessions, hasher, clock.now().date()):  # rows from before issue 13
            checkpoint(engine)  # no copy of the old rows left in the WAL
        # Learned cache: a live SIP2 check first, the cache behind it (kiosk/access/sip2.py).
        client = sip2_client(loaded, timeout_s=DOOR_TIMEOUT_S, retries=0, clock=clock)
        link = LiveLink(client, clock, deadline_s=DOOR_TIMEOUT_S)
    trust = CurrentTrust(_machine_clock_trust(loaded, clock), faults)
    access = access_service(loaded, sessions, hasher, clock, faults, link, trust)
    return Services(loaded, clock, engine, sessions, hasher, access, key, faults, link, repair,
                    trust)


def _machine_clock_trust(loaded: LoadedConfig, clock: Clock) -> ClockTrust:
    """The kept verdict on this machine's clock (read only); a time a person gave (`--at`, a
    test's fixed clock) is not the machine's and is taken as said."""
    if not isinstance(clock, SystemClock):
        return FIRST
    memory = ClockMemory(loaded.data_dir)
    return memory.peek(read_clock(clock), clock_limits(loaded.config.retention))


def _check_cache(loaded: LoadedConfig, budget_s: float, checked: Verdict | None) -> Repair | None:
    """quick_check the SQLite cache before it is opened; quarantine it if damaged."""
    path = private_cache_file(loaded.database_url)  # others may read it: refused before opening
    if path is None:
        return None
    return ensure_sound(path, in_use_by=held_by_other(loaded.data_dir), budget_s=budget_s,
                        checked=checked)


def access_service(
    loaded: LoadedConfig, sessions: sessionmaker[Session], hasher: KeyedHasher, clock: Clock,
    faults: Faults, link: LiveLink | None, clock_trust: CurrentTrust | None = None,
) -> AccessService:
    """The door's access service: with a SIP2 live link, the learned cache behind it."""
    version = rule_set_version(loaded.config)
    access = (Sip2AccessService(loaded, sessions, hasher, clock, version, faults, link)
              if link is not None else AccessService(loaded, sessions, hasher, clock, version,
                                                      faults))
    if clock_trust is not None:
        access.clock_trust = clock_trust
    return access


def relay_from_config(section: RelaySection) -> BaseRelay:
    """The configured relay, already switched off (a board keeps its last state after a crash)."""
    return build_relay(section.model_dump(mode="json"))


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
    # Imported here: requests and the wire models are a twentieth of every verb's start-up
    # (`kiosk status`, `explain`), and only the verbs that sync use them.
    from sync.http_client import HttpCentralClient

    central = loaded.config.central
    if central.kind != "http":
        raise ValueError(f"no sync client for central.kind {central.kind!r}")
    return HttpCentralClient(
        central.url,
        token_file=loaded.resolve(central.token_file) if central.token_file else None,
        ca_file=loaded.resolve(central.ca_file) if central.ca_file else None,
        origin={"kiosk": loaded.kiosk_id, "branch": loaded.config.kiosk.branch},
    )

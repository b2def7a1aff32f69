"""Issue 13 "done when", played by the attacker: after a full scenario (door, HTTP sync, SIP2
checkout, an offline loan, the purge) steal every file of two kiosks' data directories (the
database, its -wal and -shm, the log file, the health files) and look for every CPR, card
number, PIN and full name used, in ASCII, UTF-8 and UTF-16; try the CPR space for unkeyed
hashes (reliability scenario 16, on a sample: `python -m bench.attacker --cpr-space full` runs
all 3.65·10^8); count the PIN verifiers that are cheap. Real parts only: the fake central and
its SIP2 ACS on 127.0.0.1, the kiosk's own command line, real files.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import re
import socket
import sqlite3
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from kioskkit import SELF_SERVICE_AT, write_config
from sip2kit import sip2_config
from sync_cli_kit import TOKEN

from bench.attacker import birth_dates, keyed_matches, stolen_credential_ids, try_space
from drivers.cardparse import parse_card
from kiosk.access.sip2 import Sip2AccessService
from kiosk.checkout.circulation import sip2_circulation
from kiosk.checkout.controller import CheckoutController
from kiosk.checkout.flow import FinishRequested, ItemScanned, Phase
from kiosk.cli.main import main
from kiosk.clock import FixedClock
from kiosk.config import load
from kiosk.events import CardPresented, PinDigit
from kiosk.privacy.redaction import install_redaction, uninstall_redaction
from kiosk.privacy.verifiers import upgrade_slice
from kiosk.services import build_services
from sync.fakes.central import FakeCentral, start_sip2_fake
from sync.fakes.synthetic import DEMO_PERSONAS, synthetic_patron
from sync.sip2.fakes.library_data import AVAILABLE, FROM_OTHER_BRANCH

POPULATION = 30
SEED = 5
AT = SELF_SERVICE_AT.isoformat()
LATER = (SELF_SERVICE_AT + timedelta(days=31)).isoformat()
NEXT_DAY = (SELF_SERVICE_AT + timedelta(days=1)).isoformat()
RECORDS = [synthetic_patron(i, SEED, SELF_SERVICE_AT.date()) for i in range(POPULATION)]
ANNA, BO = DEMO_PERSONAS[0], DEMO_PERSONAS[1]


@dataclass
class Kiosk:
    """One kiosk installation: its config, its data directory, the --set overrides."""

    config: Path
    overrides: list[str]
    outputs: list[str] = field(default_factory=list)

    @property
    def data(self) -> Path:
        return self.config.parent / "data"

    def __call__(self, *argv: str) -> tuple[int, str]:
        out, err = io.StringIO(), io.StringIO()
        sets = [a for o in self.overrides for a in ("--set", o)]
        with redirect_stdout(out), redirect_stderr(err):
            code = main(["--config", str(self.config), "--set", "relay.pulse_seconds=0.05",
                         *sets, *argv])
        self.outputs += [out.getvalue(), err.getvalue()]
        return code, out.getvalue()


@dataclass
class Stolen:
    blobs: dict[str, bytes]
    """Every file of both data directories (the key files apart), by path."""
    keys: dict[str, bytes]
    """The installation keys, for the attacker who has them too."""
    http: Kiosk
    sip2: Kiosk


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def stolen(tmp_path_factory: pytest.TempPathFactory) -> Stolen:
    root = tmp_path_factory.mktemp("attacker")
    install_redaction()
    logger = logging.getLogger()
    level = logger.level
    logger.setLevel(logging.DEBUG)
    central = FakeCentral(POPULATION, seed=SEED, token=TOKEN, today=SELF_SERVICE_AT.date())
    handlers: list[logging.Handler] = []
    try:
        with central.serve("127.0.0.1", 0) as url:
            acs = start_sip2_fake(_free_port(), central)
            try:
                http = _http_kiosk(root / "http", url, handlers)
                sip2 = _sip2_kiosk(root / "sip2", acs, handlers)
            finally:
                acs.stop()
    finally:
        for handler in handlers:
            logger.removeHandler(handler)
            handler.close()
        logger.setLevel(level)
        uninstall_redaction()
    blobs: dict[str, bytes] = {}
    keys: dict[str, bytes] = {}
    for kiosk in (http, sip2):
        for path in sorted(kiosk.data.iterdir()):
            (keys if path.name == "installation.key" else blobs)[str(path)] = path.read_bytes()
        blobs[f"{kiosk.data}/command output"] = "".join(kiosk.outputs).encode()
    return Stolen(blobs, keys, http, sip2)


def _log_to(kiosk: Kiosk, handlers: list[logging.Handler]) -> None:
    """The kiosk's log on its disk, at DEBUG, as a deployment logging to a file would have it."""
    kiosk.data.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(kiosk.data / "kiosk.log", encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    handlers.append(handler)


def _http_kiosk(where: Path, url: str, handlers: list[logging.Handler]) -> Kiosk:
    where.mkdir()
    token = where / "central.token"
    token.write_text(TOKEN + "\n", encoding="utf-8")
    token.chmod(0o600)
    kiosk = Kiosk(write_config(where), ['central.kind="http"', f'central.url="{url}"',
                                        f'central.token_file="{token}"'])
    _log_to(kiosk, handlers)
    assert kiosk("sync", "--full")[0] == 0
    cpr = str(RECORDS[0]["cpr"])
    visits = [(ANNA.card, ANNA.pin), (cpr, "0000"), (cpr, ANNA.pin), (BO.card, BO.pin),
              (str(RECORDS[12]["cards"][0]["number"]), "0000")]
    for card, pin in visits:
        assert kiosk("attempt", "--card", card, "--pin", pin, "--at", AT)[0] == 0
    assert kiosk("explain", "--card", cpr, "--pin", ANNA.pin, "--at", AT)[0] == 0
    assert kiosk("export", "--card", ANNA.card, "--at", AT)[0] == 0
    _upgrade_window(kiosk)
    assert kiosk("sync", "--full")[0] == 0  # unchanged data: nothing may become cheap again
    for verb in (("log", "--json"), ("status", "--json"), ("log", "--audit")):
        assert kiosk(*verb)[0] == 0
    assert kiosk("purge", "--now", LATER, "--force")[0] == 0
    return kiosk


def _upgrade_window(kiosk: Kiosk) -> None:
    """What `kiosk run` does in the background, run to its end."""
    built = build_services(load(kiosk.config, kiosk.overrides), FixedClock(SELF_SERVICE_AT))
    try:
        while upgrade_slice(built.sessions, built.hasher, slice_s=0.2) is not None:
            pass
    finally:
        built.close()


def _sip2_kiosk(where: Path, acs: Any, handlers: list[logging.Handler]) -> Kiosk:
    where.mkdir()
    loaded = sip2_config(where, acs.port, 'central.offline_circulation="checkin_and_checkout"')
    kiosk = Kiosk(loaded.path, ['central.kind="sip2"',
                                'central.offline_circulation="checkin_and_checkout"'])
    _log_to(kiosk, handlers)
    anna_cpr = str(RECORDS[0]["cpr"])
    for card, pin in ((ANNA.card, ANNA.pin), (BO.card, "0000"), (anna_cpr, ANNA.pin)):
        assert kiosk("attempt", "--card", card, "--pin", pin, "--at", AT)[0] == 0
    clock = FixedClock(SELF_SERVICE_AT)
    services = build_services(load(kiosk.config, kiosk.overrides), clock)
    try:
        assert isinstance(services.access, Sip2AccessService)
        assert services.sip2 is not None
        ctl = CheckoutController(sip2_circulation(
            services.access, services.sip2, services.sessions, clock,
            loaded.config.central.offline_circulation), clock)
        _borrow(ctl, AVAILABLE)
        ctl.handle(FinishRequested())
        acs.stop()
        _borrow(ctl, FROM_OTHER_BRANCH)  # offline: queued, its card number sealed
        assert ctl.state.lines[0].kind == "queued"
        ctl.handle(FinishRequested())
    finally:
        services.close()
    acs.start()
    assert kiosk("sync")[0] == 0  # the offline loan reaches the library system, then goes
    assert kiosk("export", "--card", ANNA.card, "--at", AT)[0] == 0
    # A day later: the learned patrons are still there (30 days), so their rows are stolen too.
    assert kiosk("purge", "--now", NEXT_DAY, "--force")[0] == 0
    return kiosk


def _borrow(ctl: CheckoutController, item: str) -> None:
    ctl.handle(CardPresented(parse_card(ANNA.card, "checkout")))
    for digit in ANNA.pin:
        ctl.handle(PinDigit(digit))
    assert ctl.state.phase is Phase.SESSION, ctl.state.refusal
    ctl.handle(ItemScanned(item))


# --- what the attacker looks for ----------------------------------------------------------


def _encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def _needles() -> dict[str, list[bytes]]:
    found: dict[str, list[bytes]] = {}
    for r in RECORDS:
        pid = str(r["patron_id"])
        if r.get("cpr"):
            cpr = str(r["cpr"]).replace("-", "")
            found[f"cpr {cpr}"] = _encodings(cpr) + _encodings(f"{cpr[:6]}-{cpr[6:]}")
            found[f"sha256(cpr) {cpr}"] = [hashlib.sha256(cpr.encode()).digest(),
                                            hashlib.sha256(cpr.encode()).hexdigest().encode()]
        for card in r["cards"]:
            found[f"card {card['number']}"] = _encodings(str(card["number"]))
        found[f"name {r['name']}"] = _encodings(str(r["name"]))
        pin = str(r["pin"])
        found[f"pin of {pid}"] = [f'"pin": "{pin}"'.encode(), f"AD{pin}".encode(),
                                  f"pin={pin}".encode(), f"{pid}\0{pin}".encode(),
                                  hashlib.sha256(pin.encode()).hexdigest().encode(),
                                  hashlib.sha256(f"{pid}{pin}".encode()).hexdigest().encode()]
        born = date.fromisoformat(str(r["birth_date"]))
        if (SELF_SERVICE_AT.date() - born).days > 19 * 366:  # an adult's: no rule needs it
            found[f"birth date of adult {pid}"] = [born.isoformat().encode()]
    return found


def test_the_scan_sees_what_the_kiosk_did(stolen: Stolen) -> None:
    """The files are real and full: otherwise 'nothing found' would prove nothing."""
    names = {Path(p).name for p in stolen.blobs}
    assert {"kiosk.db", "kiosk.log", "command output"} <= names
    log = b"".join(b for p, b in stolen.blobs.items() if p.endswith("kiosk.log"))
    assert b"SIP2 <-" in log  # the SIP2 exchanges were logged at DEBUG
    assert b"door granted" in log
    assert b"Anna" in b"".join(stolen.blobs.values())  # the first name is kept, by design
    assert len(stolen.keys) == 2


def test_no_cpr_card_number_pin_or_full_name_in_any_stolen_file(stolen: Stolen) -> None:
    hits = [(Path(path).name, what) for what, needles in _needles().items()
            for path, blob in stolen.blobs.items() for needle in needles if needle in blob]
    assert hits == []


def test_no_persona_pin_stands_alone_in_the_logs_or_the_output(stolen: Stolen) -> None:
    text = b"".join(b for p, b in stolen.blobs.items()
                    if p.endswith(("kiosk.log", "command output"))).decode("utf-8", "replace")
    for persona in (ANNA, BO):
        hits = re.findall(rf".{{0,20}}(?<![0-9*]){persona.pin}(?![0-9]).{{0,5}}", text)
        assert hits == [], hits


def test_no_database_cell_is_a_pin_a_cpr_or_a_card_number(stolen: Stolen) -> None:
    secrets = {str(r["pin"]) for r in RECORDS} | {str(r["cpr"]) for r in RECORDS if r["cpr"]}
    secrets |= {str(c["number"]) for r in RECORDS for c in r["cards"]}
    for path in stolen.blobs:
        if not path.endswith("kiosk.db"):
            continue
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            for table in tables:
                for row in db.execute(f'SELECT * FROM "{table}"'):
                    cells = {str(c) for c in row}
                    cells |= {str(v) for c in row if isinstance(c, str) and c.startswith("{")
                              for v in _json_values(c)}
                    assert not secrets & cells, (path, table)


def _json_values(text: str) -> list[object]:
    try:
        value = json.loads(text)
    except ValueError:
        return []
    return list(value.values()) if isinstance(value, dict) else []


def test_the_cpr_space_without_the_key_finds_nobody(stolen: Stolen) -> None:
    """Scenario 16 on a sample that holds every true CPR (their birth dates, all 10,000
    serials each): plain SHA-256 and HMAC under guessable keys, 0 matches; with the key, all."""
    cprs = [str(r["cpr"]) for r in RECORDS if r["cpr"]]
    database = next(p for p in stolen.blobs if p.endswith("http/data/kiosk.db"))
    ids = stolen_credential_ids(Path(database))
    assert len(ids) >= len(cprs)
    result = try_space(ids, birth_dates(cprs))
    assert result.candidates >= 10_000 * len({c[:6] for c in cprs})
    assert result.matches == dict.fromkeys(result.matches, 0)
    key = next(k for p, k in stolen.keys.items() if "/http/" in p)
    assert keyed_matches(ids, key, cprs) == len(cprs)


def test_no_pin_verifier_is_cheap(stolen: Stolen) -> None:
    """After the upgrade window and a full sync of unchanged data: every verifier is argon2id,
    and the SIP2 kiosk never wrote a fast one, not even for a moment (not in the WAL either)."""
    code, out = stolen.http("status", "--json")
    assert code == 0
    assert json.loads(out)["pin_verifiers"] == {"memory_hard": POPULATION, "fast": 0}
    code, out = stolen.sip2("status", "--json")
    assert json.loads(out)["pin_verifiers"] == {"memory_hard": 2, "fast": 0}  # Anna twice
    sip2_files = b"".join(b for p, b in stolen.blobs.items() if "/sip2/data/" in p)
    assert b"hk1$" not in sip2_files

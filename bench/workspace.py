"""A throw-away kiosk installation for the benchmarks: config, data dir, services, patrons.

The shipped config.toml with its data_dir pointed into the workspace, so every figure is taken
on the configuration a library gets (WAL, synchronous=FULL, secure_delete).
"""

from __future__ import annotations

import random
import resource
import sqlite3
import threading
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kiosk.clock import COPENHAGEN, FixedClock
from kiosk.config import LoadedConfig, load
from kiosk.services import Services, build_services
from sync.fakes.synthetic import card_number, synthetic_patron

REPO = Path(__file__).resolve().parent.parent
SHIPPED_CONFIG = REPO / "config.toml"
TODAY = date(2026, 11, 21)
"""The fake central generates its population as of this day; the clock below agrees."""
SELF_SERVICE_AT = datetime(2026, 11, 21, 12, 0, tzinfo=COPENHAGEN)
"""Saturday noon: self-service hours, so a card needs a PIN."""
STAFFED_AT = datetime(2026, 11, 23, 12, 0, tzinfo=COPENHAGEN)
"""Monday noon: staffed hours, where the shipped config lets a card in without a PIN."""
SEED = 1


def write_config(root: Path, extra: str = "") -> Path:
    text = SHIPPED_CONFIG.read_text(encoding="utf-8")
    line = 'data_dir = "data"'
    if line not in text:
        raise RuntimeError("the shipped config.toml no longer sets data_dir = \"data\"")
    text = text.replace(line, f'data_dir = "{(root / "data").as_posix()}"', 1)
    root.mkdir(parents=True, exist_ok=True)
    path = root / "config.toml"
    path.write_text(text + extra, encoding="utf-8")
    return path


def open_services(config: Path, at: datetime = SELF_SERVICE_AT) -> tuple[Services, FixedClock]:
    loaded: LoadedConfig = load(config)
    clock = FixedClock(at)
    return build_services(loaded, clock), clock


def database_file(services: Services) -> Path:
    return Path(services.engine.url.database or "")


def peak_rss_mb() -> float:
    """This process's peak resident set (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    rss = _rss_of("self")
    return float("nan") if rss is None else rss


class FamilyRss:
    """The highest resident set of this process and its children together, sampled every
    `every_s` on a thread while the block runs: the workers and the sync peak at different
    times, so the sum of their peaks overstates what the machine needs at once. A peak
    shorter than the sampling step can be missed; `peak_mb` is never below this process's own
    peak, which the system measures exactly."""

    def __init__(self, every_s: float = 0.05) -> None:
        self._every_s = every_s
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="rss-sampler", daemon=True)
        self.sampled_mb = 0.0

    def __enter__(self) -> FamilyRss:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._done.set()
        self._thread.join()

    @property
    def peak_mb(self) -> float:
        return max(self.sampled_mb, peak_rss_mb())

    def _sample(self) -> None:
        while not self._done.wait(self._every_s):
            total = current_rss_mb()
            for children in Path("/proc/self/task").glob("*/children"):
                try:
                    pids = children.read_text().split()
                except OSError:
                    continue  # the thread ended while we looked
                total += sum(rss or 0.0 for rss in map(_rss_of, pids))  # None: it ended
            self.sampled_mb = max(self.sampled_mb, total)


def _rss_of(pid: str) -> float | None:
    """VmRSS of /proc/<pid> in MB; None when the process is gone (or has no memory left)."""
    try:
        status = (Path("/proc") / pid / "status").read_text()
    except OSError:
        return None
    return next((int(line.split()[1]) / 1024 for line in status.splitlines()
                 if line.startswith("VmRSS:")), None)


@dataclass(frozen=True, slots=True)
class Visitor:
    card: str
    pin: str
    patron_id: str


def visitors(patrons: int, count: int, rng: random.Random) -> list[Visitor]:
    """`count` patrons drawn at random from the population, with their card and PIN."""
    out = []
    for index in rng.sample(range(patrons), min(count, patrons)):
        record = synthetic_patron(index, SEED, TODAY)
        out.append(Visitor(card_number(index), record["pin"], record["patron_id"]))
    return out


def cached_patrons(config: Path) -> int | None:
    """How many patrons the workspace's cache holds, or None when it has none yet."""
    database = config.parent / "data" / "kiosk.db"
    if not database.exists():
        return None
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as connection:
        try:
            return int(connection.execute("SELECT count(*) FROM patrons").fetchone()[0])
        except sqlite3.OperationalError:  # not migrated yet
            return None

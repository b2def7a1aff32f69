"""The attacker with the disk: what a stolen kiosk data directory gives away, and at what cost.

`python -m bench.attacker [--cpr-space sample|full] [--patrons N] [--workdir DIR]` prints
one JSON line per figure (bench/figures.py) and a table at the end:

- the CPR space (reliability scenario 16): every 10-digit candidate with a real DDMMYY date
  (36,525 days × 10,000 serials ≈ 3.65·10^8) hashed with plain SHA-256 and with HMAC-SHA256
  under keys an attacker might try (empty, all zeros), compared with the stolen `credentials`
  table: 0 matches without the key; with the key every known patron matches (the sanity
  check that the comparison could succeed). `sample` (the default) runs the birth dates of the
  known patrons plus neighbouring days and extrapolates the full space's time from the
  measured rate; `full` runs the whole space on every core;
- the cost of one PIN guess with the key: a fast verifier (hk1, HMAC-SHA256) against a
  memory-hard one (a2k1, argon2id 19 MiB, t=2, p=1), so one PIN (10,000 guesses) and a
  population of N patrons;
- the upgrade rate at the kiosk's share of a core, so how long a fresh import of N patrons
  stays partly cheap.

The same functions are the attacker in tests/privacy (on a sample, quickly).
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from bench.figures import Figure
    from kiosk.services import Services

CPR_DAYS: Final = 36_525
"""DDMMYY dates over a century of birth years (the 7th digit picks the century)."""
SERIALS: Final = 10_000
CPR_SPACE: Final = CPR_DAYS * SERIALS
FIRST_DAY: Final = date(1937, 1, 1)
"""The century the candidates' DDMMYY run over; any 100 years give the same strings."""


@dataclass(frozen=True, slots=True)
class Guess:
    """One way an attacker without the key could have hashed a CPR."""

    name: str
    digest: Callable[[bytes], bytes]


def _hmac(key: bytes, prefix: bytes) -> Callable[[bytes], bytes]:
    return lambda cpr: hmac.digest(key, prefix + cpr, "sha256")


UNKEYED: Final[tuple[Guess, ...]] = (
    Guess("sha256(cpr)", lambda cpr: hashlib.sha256(cpr).digest()),
    Guess("sha256(kiosk message)", lambda cpr: hashlib.sha256(b"cred\0cpr\0" + cpr).digest()),
    Guess("hmac(empty key)", _hmac(b"", b"cred\0cpr\0")),
    Guess("hmac(zero key)", _hmac(bytes(32), b"cred\0cpr\0")),
)
"""Plain SHA-256, and the kiosk's own HMAC message under keys one would try without the file:
the format is no secret (it is in this repository), only the key is."""


def ddmmyy(day: date) -> bytes:
    return day.strftime("%d%m%y").encode()


def days(first: date = FIRST_DAY, count: int = CPR_DAYS) -> Iterator[date]:
    for n in range(count):
        yield first + timedelta(days=n)


def candidates(dates: Iterable[date]) -> Iterator[bytes]:
    """Every CPR of those birth dates: DDMMYY + 0000..9999."""
    for day in dates:
        head = ddmmyy(day)
        for serial in range(SERIALS):
            yield head + b"%04d" % serial


@dataclass(frozen=True, slots=True)
class SpaceResult:
    candidates: int
    hashes: int
    seconds: float
    matches: dict[str, int]
    """Guess name -> how many stolen credential ids it produced."""

    @property
    def rate(self) -> float:
        """Hashes per second, all guesses together, on one core."""
        return self.hashes / self.seconds if self.seconds > 0 else 0.0


def try_space(
    stolen_ids: set[bytes], dates: Sequence[date], guesses: Sequence[Guess] = UNKEYED
) -> SpaceResult:
    """Hash every candidate of `dates` every way in `guesses`; count hits in `stolen_ids`."""
    matches = dict.fromkeys((g.name for g in guesses), 0)
    count = 0
    start = time.perf_counter()
    for cpr in candidates(dates):
        count += 1
        for guess in guesses:
            if guess.digest(cpr) in stolen_ids:
                matches[guess.name] += 1
    seconds = time.perf_counter() - start
    return SpaceResult(count, count * len(guesses), seconds, matches)


def _try_chunk(args: tuple[frozenset[bytes], int, int]) -> SpaceResult:
    stolen, first, count = args
    return try_space(set(stolen), list(days(FIRST_DAY + timedelta(days=first), count)))


def try_full_space(stolen_ids: set[bytes], workers: int | None = None) -> SpaceResult:
    """The whole 3.65·10^8 space on every core (minutes, not seconds: a benchmark)."""
    workers = workers or os.cpu_count() or 1
    step = 365
    chunks = [(frozenset(stolen_ids), first, min(step, CPR_DAYS - first))
              for first in range(0, CPR_DAYS, step)]
    start = time.perf_counter()
    total = SpaceResult(0, 0, 0.0, dict.fromkeys((g.name for g in UNKEYED), 0))
    with ProcessPoolExecutor(workers) as pool:
        for part in pool.map(_try_chunk, chunks):
            total = SpaceResult(total.candidates + part.candidates, total.hashes + part.hashes,
                                0.0, {k: total.matches[k] + part.matches[k] for k in part.matches})
    wall = time.perf_counter() - start
    return SpaceResult(total.candidates, total.hashes, wall, total.matches)


def keyed_matches(stolen_ids: set[bytes], key: bytes, cprs: Iterable[str]) -> int:
    """With the key, the known CPRs are found (the scan could have succeeded)."""
    guess = _hmac(key, b"cred\0cpr\0")
    return sum(guess(c.encode()) in stolen_ids for c in cprs)


# --- PINs: the cost of a guess with the key ---------------------------------------------------


def seconds_per_guess(verify: Callable[[str], bool], guesses: int) -> float:
    start = time.perf_counter()
    for n in range(guesses):
        verify(f"{n % 10_000:04d}")
    return (time.perf_counter() - start) / guesses


def fast_guess_s(key: bytes, guesses: int = 100_000) -> float:
    """One guess against an hk1 verifier: the HMAC the kiosk computes, compared."""
    from kiosk.privacy.keyed_hash import KeyedHasher

    hasher = KeyedHasher(key)
    verifier = hasher.fast_verifier("1000001", "9999")
    return seconds_per_guess(lambda pin: hasher.verify(verifier, "1000001", pin), guesses)


def memory_hard_guess_s(key: bytes, guesses: int = 20) -> float:
    """One guess against an a2k1 verifier: argon2id (19 MiB, t=2, p=1) over that HMAC."""
    from kiosk.privacy.keyed_hash import KeyedHasher

    hasher = KeyedHasher(key)
    verifier = hasher.upgrade(hasher.fast_verifier("1000001", "9999"))
    return seconds_per_guess(lambda pin: hasher.verify(verifier, "1000001", pin), guesses)


# --- the command ------------------------------------------------------------------------------


def _kiosk(root: Path, patrons: int) -> tuple[Services, list[str]]:
    """A kiosk with `patrons` synthetic patrons imported as a sync would (hk1 verifiers);
    returns its services and the patrons' CPRs (what the attacker is after)."""
    from bench.workspace import SEED, TODAY, open_services, write_config
    from kiosk.cache.patrons import apply_records
    from sync.fakes.synthetic import synthetic_patron
    from sync.records import parse_patron

    services, _clock = open_services(write_config(root))
    records = [parse_patron(synthetic_patron(i, SEED, TODAY), "bench") for i in range(patrons)]
    with services.sessions.begin() as session:
        apply_records(session, records, services.hasher, today=TODAY)
    return services, [r.cpr.replace("-", "") for r in records if r.cpr]


def stolen_credential_ids(database: Path) -> set[bytes]:
    """What the thief reads from a copied kiosk.db: the credentials table's keys."""
    import sqlite3

    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        return {bytes(row[0]) for row in db.execute("SELECT id FROM credentials")}


def birth_dates(cprs: Iterable[str], around: int = 0) -> list[date]:
    """The DDMMYY days of `cprs` (as dates in FIRST_DAY's century) and `around` days either
    side: a sample of the space that holds every true CPR."""
    out: set[date] = set()
    for cpr in cprs:
        dd, mm, yy = int(cpr[0:2]), int(cpr[2:4]), int(cpr[4:6])
        year = 1900 + yy if 1900 + yy >= FIRST_DAY.year else 2000 + yy
        day = date(year, mm, dd)
        out.update(day + timedelta(days=d) for d in range(-around, around + 1))
    return sorted(out)


def upgrades_per_s(services: Services, seconds: float) -> tuple[float, int]:
    """Verifiers upgraded per second of wall time by the background job's own loop (slices
    at UPGRADE_SHARE of a core, with its pauses), over about `seconds`."""
    from kiosk.privacy.verifiers import upgrade_slice, verifier_counts

    with services.sessions() as session:
        before = verifier_counts(session)["fast"]
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        pause = upgrade_slice(services.sessions, services.hasher)
        if pause is None:
            break
        time.sleep(pause)
    wall = time.perf_counter() - start
    with services.sessions() as session:
        done = before - verifier_counts(session)["fast"]
    return done / wall, done


def figures(args: argparse.Namespace, root: Path) -> list[Figure]:
    from bench.figures import Figure, emit
    from kiosk.privacy.verifiers import UPGRADE_SHARE

    services, cprs = _kiosk(root, args.patrons)
    try:
        database = Path(services.engine.url.database or "")
        stolen = stolen_credential_ids(database)
        key = services.loaded.key_file.read_bytes()
        out = [emit(Figure("stolen credential ids", len(stolen), "rows", None, args.patrons))]
        if args.cpr_space == "full":
            space = try_full_space(stolen)
            note = f"all {CPR_SPACE:.3g} candidates, {os.cpu_count()} processes"
        else:
            space = try_space(stolen, birth_dates(cprs, around=args.around))
            note = "sample: the known patrons' birth dates ± --around days"
        unkeyed = sum(space.matches.values())
        out += [emit(Figure("CPR candidates tried", space.candidates, "candidates", None,
                            len(UNKEYED), note)),
                emit(Figure("unkeyed hash rate, one core", space.rate / 1e6, "M hashes/s",
                            None, space.hashes, ", ".join(g.name for g in UNKEYED))),
                emit(Figure("full CPR space, all guesses, one core",
                            CPR_SPACE * len(UNKEYED) / space.rate / 60 if space.rate else None,
                            "min", None, CPR_SPACE, "at the measured rate")),
                emit(Figure("matches without the key", unkeyed, "patrons", 0, space.candidates)),
                emit(Figure("matches with the key (sanity)", keyed_matches(stolen, key, cprs),
                            "patrons", None, len(cprs), f"of {len(cprs)} known CPRs"))]
        fast = fast_guess_s(key)
        hard = memory_hard_guess_s(key, args.argon2_guesses)
        rate, done = upgrades_per_s(services, args.upgrade_seconds)
        n = args.population
        out += [emit(Figure("PIN guess, hk1 (fast)", fast * 1e6, "µs", None, 100_000)),
                emit(Figure("one PIN, hk1: 10,000 guesses", fast * 1e4, "s", None, 10_000)),
                emit(Figure("PIN guess, a2k1 (argon2id)", hard * 1e3, "ms", None,
                            args.argon2_guesses)),
                emit(Figure("one PIN, a2k1: 10,000 guesses", hard * 1e4 / 60, "min", None,
                            10_000)),
                emit(Figure(f"{n:,} PINs, hk1", fast * 1e4 * n / 3600, "core-hours", None, n)),
                emit(Figure(f"{n:,} PINs, a2k1", hard * 1e4 * n / 86400 / 365, "core-years",
                            None, n)),
                emit(Figure(f"upgrades at {UPGRADE_SHARE:g} of a core", rate, "verifiers/s",
                            None, done)),
                emit(Figure(f"fresh import of {n:,}: partly cheap for", n / rate / 3600
                            if rate else None, "hours", None, n, "until every hk1 is a2k1"))]
        return out
    finally:
        services.close()


def main(argv: Sequence[str] | None = None) -> int:
    import sys
    import tempfile

    from bench.figures import table

    parser = argparse.ArgumentParser(prog="python -m bench.attacker", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cpr-space", choices=("sample", "full"), default="sample")
    parser.add_argument("--around", type=int, default=3,
                        help="sample: days either side of each known birth date (default 3)")
    parser.add_argument("--patrons", type=int, default=300, help="patrons in the stolen cache")
    parser.add_argument("--population", type=int, default=100_000,
                        help="patrons the cost figures are given for (default 100,000)")
    parser.add_argument("--argon2-guesses", type=int, default=20)
    parser.add_argument("--upgrade-seconds", type=float, default=20.0,
                        help="how long to watch the background upgrade (default 20 s)")
    parser.add_argument("--workdir", type=Path, help="keep the kiosk here (default: temp)")
    args = parser.parse_args(argv)
    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
        found = figures(args, args.workdir)
    else:
        with tempfile.TemporaryDirectory(prefix="kiosk-attacker-") as tmp:
            found = figures(args, Path(tmp))
    sys.stderr.write(table(found) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

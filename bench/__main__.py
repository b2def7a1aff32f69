"""`python -m bench [--patrons N] [--quick] [--only SECTION,...] [--workdir DIR]`: every figure
of issues 8 and 18.

Order matters: the full sync builds the N-patron cache that the delta sync, the door figures
and `kiosk run` then use, so the door is measured on a cache filled the way a kiosk fills it.
With `--only` and a `--workdir` that already holds a cache of N patrons, that cache is used
and no full sync runs unless `full_sync` is asked for. The closing verdict line names the
commit measured, whether the tree was dirty, and the load average before and after.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from bench import coldstart, door, during_sync, kioskrun, provenance, purgebench, syncbench
from bench.figures import Figure, table
from bench.workspace import cached_patrons, open_services, visitors, write_config


@dataclass(frozen=True, slots=True)
class Plan:
    patrons: int
    decisions: int
    pin_patrons: int
    visits: int
    purge_rows: int
    purge_cycles: int


FULL = Plan(1_000_000, 10_000, 300, 10_000, 1_000_000, 3)
QUICK = Plan(100_000, 2_000, 40, 2_000, 100_000, 2)
SECTIONS = ("full_sync", "delta_sync", "during_sync", "decision", "pin_to_relay", "cold_start",
            "status", "kiosk_run", "purge")
"""In the order they run. cold_start and status drop the page cache first (as root)."""
_NEED_CACHE = frozenset(SECTIONS) - {"full_sync", "purge"}


def run(plan: Plan, root: Path, only: frozenset[str]) -> list[Figure]:
    figures: list[Figure] = []
    kiosk_dir = root / "kiosk"
    kiosk_dir.mkdir(parents=True, exist_ok=True)
    config = write_config(kiosk_dir)
    refill = "full_sync" in only or (
        bool(only & _NEED_CACHE) and cached_patrons(config) != plan.patrons)
    if refill or only & {"delta_sync", "during_sync"}:
        # Kept only for the full sync's two timings: the deltas change the data after them.
        with _section("sync"), syncbench.fake_central(plan.patrons, keep_snapshot=refill) as url:
            if refill:
                figures += syncbench.full_sync(config, url, plan.patrons)
            if "delta_sync" in only:
                figures += syncbench.delta_sync(config, url, plan.patrons)
            if "during_sync" in only:
                figures += during_sync.measure(config, url, plan.patrons, plan.decisions)
    if only & {"decision", "pin_to_relay"}:
        figures += _door(plan, config, only)
    steps: list[tuple[str, Callable[[], list[Figure]]]] = [
        ("cold_start", lambda: coldstart.cold_start(config, plan.patrons)),
        ("status", lambda: coldstart.status(config, plan.patrons)),
        ("kiosk_run", lambda: kioskrun.kiosk_run(config, plan.patrons, plan.visits)),
        ("purge", lambda: purgebench.purge_cycles(root / "purge", plan.purge_rows,
                                                  plan.purge_cycles)),
    ]
    for name, step in steps:
        if name in only:
            with _section(name):
                figures += step()
    return figures


def _door(plan: Plan, config: Path, only: frozenset[str]) -> list[Figure]:
    figures: list[Figure] = []
    services, _clock = open_services(config)
    try:
        rng = random.Random(42)
        people = visitors(plan.patrons, plan.decisions, rng)
        if "decision" in only:
            with _section("decision"):
                figures += door.decision(services, people, plan.patrons)
        if "pin_to_relay" in only:
            with _section("pin_to_relay"):
                figures += door.pin_to_relay(services, visitors(plan.patrons, plan.pin_patrons,
                                                                rng))
    finally:
        services.close()
    return figures


@contextmanager
def _section(name: str) -> Iterator[None]:
    """How long each section took, on stderr: the JSON lines on stdout stay machine-readable."""
    start = time.perf_counter()
    yield
    sys.stderr.write(f"bench: {name} took {time.perf_counter() - start:.1f} s\n")


def _sections(text: str | None) -> frozenset[str]:
    if text is None:
        return frozenset(SECTIONS)
    chosen = frozenset(s.strip() for s in text.split(",") if s.strip())
    unknown = sorted(chosen - set(SECTIONS))
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown section {', '.join(unknown) or '(none)'}; choose from {', '.join(SECTIONS)}")
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="100,000 patrons, under a minute")
    parser.add_argument("--patrons", type=int, help="cache size (default 1,000,000)")
    parser.add_argument("--only", type=_sections, default=None, metavar="SECTION,...",
                        help=f"run only these sections: {', '.join(SECTIONS)}")
    parser.add_argument("--workdir", type=Path, help="keep the databases here (default: temp)")
    parser.add_argument("--max-load", type=float, default=provenance.QUIET_LOAD,
                        help="wait (up to --patience s) for a 1-minute load under this")
    parser.add_argument("--patience", type=float, default=600.0)
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    if args.patrons:
        plan = replace(plan, patrons=args.patrons)
    only = args.only if args.only is not None else frozenset(SECTIONS)
    before = provenance.wait_for_quiet(args.max_load, args.patience)
    if args.workdir is not None:
        figures = run(plan, args.workdir, only)
    else:
        with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
            figures = run(plan, Path(tmp), only)
    after = provenance.load()
    sys.stdout.write("\n" + table(figures) + "\n")
    missed = [f.name for f in figures if f.verdict == "MISSED"]
    verdict = f"MISSED: {', '.join(missed)}" if missed else "every goal met"
    sys.stdout.write(f"\nbench verdict: {verdict}; {plan.patrons:,} patrons; "
                     f"{provenance.commit().line()}; load average {before:.2f} before, "
                     f"{after:.2f} after\n")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

"""`python -m bench [--patrons N] [--quick] [--workdir DIR]`: every figure of issue 8.

Order matters: the full sync builds the N-patron cache that the delta sync, the door figures
and `kiosk run` then use, so the door is measured on a cache filled the way a kiosk fills it.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench import door, kioskrun, purgebench, syncbench
from bench.figures import Figure, table
from bench.workspace import open_services, visitors, write_config


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


def run(plan: Plan, root: Path) -> list[Figure]:
    figures: list[Figure] = []
    kiosk_dir = root / "kiosk"
    kiosk_dir.mkdir(parents=True, exist_ok=True)
    config = write_config(kiosk_dir)
    with _section("sync"), syncbench.fake_central(plan.patrons) as url:
        figures += syncbench.full_sync(config, url, plan.patrons)
        figures += syncbench.delta_sync(config, url, plan.patrons)
    services, _clock = open_services(config)
    try:
        rng = random.Random(42)
        with _section("decision"):
            figures += door.decision(services, visitors(plan.patrons, plan.decisions, rng))
        with _section("pin_to_relay"):
            people = visitors(plan.patrons, plan.pin_patrons, rng)
            figures += door.pin_to_relay(services, people)
    finally:
        services.close()
    with _section("kiosk run"):
        figures += kioskrun.kiosk_run(config, plan.patrons, plan.visits)
    with _section("purge"):
        figures += purgebench.purge_cycles(root / "purge", plan.purge_rows, plan.purge_cycles)
    return figures


@contextmanager
def _section(name: str) -> Iterator[None]:
    """How long each section took, on stderr: the JSON lines on stdout stay machine-readable."""
    start = time.perf_counter()
    yield
    sys.stderr.write(f"bench: {name} took {time.perf_counter() - start:.1f} s\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="100,000 patrons, under a minute")
    parser.add_argument("--patrons", type=int, help="cache size (default 1,000,000)")
    parser.add_argument("--workdir", type=Path, help="keep the databases here (default: temp)")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    if args.patrons:
        plan = Plan(args.patrons, *vars_of(plan)[1:])
    if args.workdir is not None:
        figures = run(plan, args.workdir)
    else:
        with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
            figures = run(plan, Path(tmp))
    sys.stdout.write("\n" + table(figures) + "\n")
    missed = [f.name for f in figures if f.verdict == "MISSED"]
    return 1 if missed else 0


def vars_of(plan: Plan) -> tuple[int, ...]:
    return (plan.patrons, plan.decisions, plan.pin_patrons, plan.visits, plan.purge_rows,
            plan.purge_cycles)


if __name__ == "__main__":
    sys.exit(main())

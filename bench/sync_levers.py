"""Full syncs with different settings or code, interleaved in one run:
`python -m bench.sync_levers [--patrons N] [--page-limits 1000,5000] [--trees DIR,DIR]
[--rounds R]`.

Each round runs one full sync (a fresh child process, bench/sync_child.py) per setting into a
cache that already holds the population, against one fake central in its own process; the best
wall and CPU time of each setting are printed, and its highest peak RSS. `--trees` compares
worktrees (each with its own .venv) instead of page limits: each tree syncs its own cache with
its own code, so two commits are measured in one run. The central keeps its snapshot rendered
(bench/syncbench.py) unless `--generating-central`. Interleaving, not one setting after the
other, because the machine is shared and its load moves by the minute.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.syncbench import fake_central
from bench.workspace import REPO, write_config


def _list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _sync(tree: Path, config: Path, url: str, limit: str | None) -> tuple[float, float, float]:
    """One full sync by `tree`'s code: (seconds the child reports, the child's CPU seconds,
    the peak RSS of the sync and its workers in MB)."""
    cpu = _children_cpu()
    started = time.perf_counter()
    out = subprocess.run(
        [str(tree / ".venv" / "bin" / "python"), "-m", "bench.sync_child", "full", str(config),
         url, *([limit] if limit else [])],
        check=True, capture_output=True, text=True, cwd=tree)
    wall = time.perf_counter() - started
    report = json.loads(out.stdout.strip().splitlines()[-1])
    return (float(report.get("seconds", wall)), _children_cpu() - cpu,
            float(report.get("peak_rss_mb", 0.0)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sync_levers", description=__doc__)
    parser.add_argument("--patrons", type=int, default=100_000)
    parser.add_argument("--page-limits", type=_list, default=["1000", "5000"])
    parser.add_argument("--trees", type=_list, default=[])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--generating-central", action="store_true",
                        help="the central makes each page when asked, as before 2026-12-03, "
                             "instead of keeping its snapshot rendered")
    args = parser.parse_args(argv)
    if args.trees:
        settings = {f"tree {t}": (Path(t), None) for t in args.trees}
    else:
        settings = {f"page limit {n}": (REPO, n) for n in args.page_limits}
    best = {name: (float("inf"), float("inf"), 0.0) for name in settings}
    with tempfile.TemporaryDirectory(prefix="kiosk-levers-") as tmp, \
            fake_central(args.patrons, keep_snapshot=not args.generating_central) as url:
        configs = {name: write_config(Path(tmp) / str(n)) for n, name in enumerate(settings)}
        for name, (tree, _limit) in settings.items():
            _sync(tree, configs[name], url, None)  # the cache holds the population
        for _ in range(args.rounds):
            for name, (tree, limit) in settings.items():
                wall, cpu, rss = _sync(tree, configs[name], url, limit)
                was = best[name]
                best[name] = (min(was[0], wall), min(was[1], cpu), max(was[2], rss))
    for name, (wall, cpu, rss) in best.items():
        sys.stdout.write(f"{name}: full sync of {args.patrons:,}, best of {args.rounds}: "
                         f"{wall:.1f} s wall, {cpu:.1f} s CPU (the sync process), "
                         f"highest peak RSS {rss:.0f} MB (sync and workers)\n")
    sys.stdout.write(f"load average after: {os.getloadavg()[0]:.2f}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What a benchmark run measured and under what conditions: the commit, a dirty tree, the load.

A figure without its commit cannot be compared with the next one (issue 18: a cold start of
4.22 s could not be placed); a figure taken while other work ran on the two cores is noise.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.workspace import REPO

QUIET_LOAD = 1.5
"""1-minute load average under which the 2-core machine counts as quiet enough to measure."""


@dataclass(frozen=True, slots=True)
class Commit:
    describe: str
    sha: str
    dirty: bool

    def line(self) -> str:
        state = "dirty tree: uncommitted changes were measured" if self.dirty else "clean tree"
        return f"commit {self.describe} ({self.sha[:12]}, {state})"


def commit(repo: Path = REPO) -> Commit:
    """The commit under measurement; `dirty` when tracked files differ from it."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                              check=False)
        return done.stdout.strip() if done.returncode == 0 else ""

    sha = git("rev-parse", "HEAD") or "unknown"
    describe = git("describe", "--always", "--tags") or sha[:12]
    dirty = bool(git("status", "--porcelain", "--untracked-files=no"))
    return Commit(describe, sha, dirty)


def load() -> float:
    return os.getloadavg()[0]


def wait_for_quiet(limit: float, patience_s: float) -> float:
    """Wait (up to `patience_s`) until the 1-minute load is under `limit`; the load then."""
    deadline = time.monotonic() + patience_s
    current = load()
    while current >= limit and time.monotonic() < deadline:
        sys.stderr.write(f"bench: load {current:.2f} >= {limit:g}, waiting to measure\n")
        time.sleep(min(30.0, max(1.0, deadline - time.monotonic())))
        current = load()
    return current


def drop_page_cache() -> str | None:
    """Empty the kernel's page cache, as after a reboot. None when done, else why not."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n", encoding="ascii")
    except OSError as err:
        return f"page cache not dropped ({err.strerror or err}); warm cache"
    return None

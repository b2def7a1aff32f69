"""`kiosk run` (offscreen Qt) measured from outside the process: start-up, idle memory, visits."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.figures import Figure, emit
from bench.workspace import REPO


def _child(config: Path, patrons: int, visits: int) -> tuple[float, dict[str, dict[str, Any]],
                                                                 str]:
    """Run bench.kiosk_child; (start time, its events by name, last stderr line)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-m", "bench.kiosk_child", str(config), str(patrons), str(visits)],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=1800, check=False,
    )
    events: dict[str, dict[str, Any]] = {}
    for line in out.stdout.splitlines():
        if line.startswith("{"):
            obj = json.loads(line)
            events[obj["event"]] = obj
    reason = (out.stderr.strip().splitlines() or ["no output"])[-1][:120]
    return started, events, reason


def start_only(config: Path, patrons: int) -> tuple[float | None, float | None]:
    """(seconds from process start to the first event-loop turn with the window shown, RSS)."""
    started, events, reason = _child(config, patrons, 0)
    if "shown" not in events:
        sys.stderr.write(f"bench: kiosk run failed: {reason}\n")
        return None, None
    return events["shown"]["wall"] - started, events["shown"]["rss_mb"]


def kiosk_run(config: Path, patrons: int, visits: int) -> list[Figure]:
    started, events, reason = _child(config, patrons, visits)
    if "visits" not in events:
        return [emit(Figure("run_start_s", None, "s", None, 0, f"kiosk run failed: {reason}")),
                emit(Figure("idle_rss_mb", None, "MB", 150, 0, f"kiosk run failed: {reason}"))]
    shown, played = events["shown"], events["visits"]
    growth = played["rss_end_mb"] - played["rss_half_mb"]
    return [
        emit(Figure("run_start_s", shown["wall"] - started, "s", None, patrons,
                    "start of the visits run (page cache warm; cold: cold_start_s)")),
        emit(Figure("idle_rss_mb", played["rss_end_mb"], "MB", 150, visits,
                    "kiosk run (Qt offscreen) after the visits, card-only staffed hours")),
        emit(Figure("idle_rss_growth_last_half_mb", growth, "MB", None, visits // 2,
                    "RSS change over the second half of the visits")),
        emit(Figure("visit_s", played["seconds"] / visits, "s", None, visits,
                    "one visit through the window incl. durable entry-log write")),
    ]

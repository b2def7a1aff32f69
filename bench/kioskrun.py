"""Cold start and idle memory of `kiosk run` (offscreen Qt), measured from outside the process."""

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


def kiosk_run(config: Path, patrons: int, visits: int) -> list[Figure]:
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
    if "visits" not in events:
        reason = (out.stderr.strip().splitlines() or ["no output"])[-1][:120]
        return [emit(Figure("cold_start_s", None, "s", 2, 0, f"kiosk run failed: {reason}")),
                emit(Figure("idle_rss_mb", None, "MB", 150, 0, f"kiosk run failed: {reason}"))]
    shown, played = events["shown"], events["visits"]
    growth = played["rss_end_mb"] - played["rss_half_mb"]
    return [
        emit(Figure("cold_start_s", shown["wall"] - started, "s", 2, patrons,
                    "process start to the first event-loop turn with the window shown")),
        emit(Figure("cold_start_rss_mb", shown["rss_mb"], "MB", None, patrons)),
        emit(Figure("idle_rss_mb", played["rss_end_mb"], "MB", 150, visits,
                    "kiosk run (Qt offscreen) after the visits, card-only staffed hours")),
        emit(Figure("idle_rss_growth_last_half_mb", growth, "MB", None, visits // 2,
                    "RSS change over the second half of the visits")),
        emit(Figure("visit_s", played["seconds"] / visits, "s", None, visits,
                    "one visit through the window incl. durable entry-log write")),
    ]

"""Start-up with a cold page cache, as after a reboot: `kiosk run` to its first screen, and
`kiosk status` (issue 18: 4.2 s and 11.7 s at 1 M patrons against 2 s and 1 s).

The kernel's page cache is dropped before each cold measurement (`echo 3 >
/proc/sys/vm/drop_caches`, root only; otherwise the figure says it was taken warm). Baseline in
the same run and state: the interpreter importing the kiosk's command line without touching
the cache, so the figure can be read as imports + the work that grows with the cache.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.figures import Figure, emit
from bench.kioskrun import start_only
from bench.provenance import drop_page_cache
from bench.workspace import REPO


def _timed(argv: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, cwd=REPO, env=env, timeout=600)
    return time.perf_counter() - start


def _cold(note: str | None) -> str:
    return note or "page cache dropped first"


def cold_start(config: Path, patrons: int) -> list[Figure]:
    note = drop_page_cache()
    seconds, rss = start_only(config, patrons)
    again, _ = start_only(config, patrons)
    base_note = drop_page_cache()
    base = _timed([sys.executable, "-c", "import kiosk.app.run, PySide6.QtWidgets"])
    return [
        emit(Figure("cold_start_s", seconds, "s", 2, patrons,
                    f"kiosk run to its first event-loop turn with the window shown; "
                    f"{_cold(note)}")),
        emit(Figure("cold_start_rss_mb", rss, "MB", None, patrons)),
        emit(Figure("warm_start_s", again, "s", None, patrons, "the same again, warm")),
        emit(Figure("cold_start_baseline_imports_s", base, "s", None, 0,
                    f"python importing kiosk run and Qt, no cache; {_cold(base_note)}")),
    ]


def status(config: Path, patrons: int) -> list[Figure]:
    kiosk = [sys.executable, "-m", "kiosk", "--config", str(config)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    note = drop_page_cache()
    cold = _timed([*kiosk, "status", "--json"], env)
    warm = min(_timed([*kiosk, "status", "--json"], env) for _ in range(2))
    base_note = drop_page_cache()
    base = _timed([*kiosk, "--help"], env)
    return [
        emit(Figure("status_cold_s", cold, "s", 1, patrons,
                    f"kiosk status --json, whole process; {_cold(note)}")),
        emit(Figure("status_warm_s", warm, "s", None, patrons, "best of two more, warm")),
        emit(Figure("status_baseline_help_s", base, "s", None, 0,
                    f"kiosk --help: the same interpreter and imports, no cache; "
                    f"{_cold(base_note)}")),
    ]

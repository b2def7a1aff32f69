"""The door core runs without Qt: with PySide6 made unimportable, the flow, rules, drivers, sync
and `kiosk explain` still work (DESIGN.md dependency rule)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kioskkit import REPO, write_config

SCRIPT = """
import sys
sys.modules["PySide6"] = None  # any `import PySide6...` now raises ImportError
import kiosk.flow, kiosk.rules, drivers, sync
import drivers.cardparse, drivers.cpr, sync.records, kiosk.schedule, kiosk.access
from kiosk.cli import main
code = main(["--config", sys.argv[1], "explain", "--card", "1705901234", "--pin", "1234"])
assert not any(name.startswith("PySide6.") for name in sys.modules), "Qt was imported"
sys.exit(code)
"""


def _run(config: Path, script: str = SCRIPT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script, str(config)],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
    )


def test_explain_runs_without_qt(tmp_path: Path) -> None:
    result = _run(write_config(tmp_path))
    assert result.returncode == 0, result.stderr
    decision = json.loads(result.stdout)
    assert decision["reason"] == "unknown_card"  # empty cache
    assert decision["patron"] is None


def test_the_guard_works(tmp_path: Path) -> None:
    # The same script fails when something does import Qt: the test above can fail.
    qt_first = SCRIPT.replace("import kiosk.flow,", "import PySide6.QtCore, kiosk.flow,")
    result = _run(write_config(tmp_path), qt_first)
    assert result.returncode != 0
    assert "ImportError" in result.stderr or "ModuleNotFoundError" in result.stderr

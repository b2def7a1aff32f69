"""The door core runs without Qt: with PySide6 made unimportable, the flow, rules, drivers, sync
and `kiosk explain` still work (DESIGN.md dependency rule)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from kioskkit import REPO, write_config

SCRIPT = """
import sys
sys.modules["PySide6"] = None  # any `import PySide6...` now raises ImportError
import kiosk.door.flow, kiosk.access.rules, drivers, sync
import drivers.cardparse, drivers.cpr, sync.records, kiosk.schedule, kiosk.access.service
from kiosk.cli.main import main
# A fixed time inside self-service hours: the answer must not depend on when the test runs.
code = main(["--config", sys.argv[1], "explain", "--card", "1705901234", "--pin", "1234",
             "--at", "2026-11-21T12:00"])
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
    qt_first = SCRIPT.replace("import kiosk.door.flow,", "import PySide6.QtCore, kiosk.door.flow,")
    result = _run(write_config(tmp_path), qt_first)
    assert result.returncode != 0
    assert "ImportError" in result.stderr or "ModuleNotFoundError" in result.stderr


# Each import-linter contract in pyproject.toml, and one import that breaks it.
BREAKS = {
    "edges": ("drivers/fake.py", "import kiosk.clock"),
    "drivers-sync": ("sync/backoff.py", "import drivers.types"),
    "sync-drivers": ("drivers/framing.py", "import sync.backoff"),
    "qt": ("kiosk/door/view.py", "import PySide6.QtCore"),
    "ui": ("kiosk/door/view.py", "import kiosk.ui.theme"),
    "app": ("kiosk/cli/door.py", "import kiosk.app.assemble"),
    "door-checkout": ("kiosk/checkout/view.py", "import kiosk.door.flow"),
}


def _contract_ids() -> set[str]:
    with (REPO / "pyproject.toml").open("rb") as f:
        contracts = tomllib.load(f)["tool"]["importlinter"]["contracts"]
    return {c["id"] for c in contracts}


def _lint(tree: Path, *contracts: str) -> subprocess.CompletedProcess[str]:
    lint = Path(sys.executable).with_name("lint-imports")
    env = {**os.environ, "PYTHONPATH": str(tree)}  # the copy, not the installed tree
    only = [arg for c in contracts for arg in ("--contract", c)]
    return subprocess.run([str(lint), "--no-cache", *only],
                          cwd=tree, env=env, capture_output=True, text=True, timeout=120,
                          check=False)


@pytest.fixture(scope="module")
def copy_of_the_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = tmp_path_factory.mktemp("tree")
    for package in ("kiosk", "drivers", "sync"):
        shutil.copytree(REPO / package, tree / package,
                        ignore=shutil.ignore_patterns("__pycache__", "*.qm"))
    shutil.copy(REPO / "pyproject.toml", tree / "pyproject.toml")
    kept = _lint(tree)
    assert kept.returncode == 0, kept.stdout  # every contract holds before one is broken
    return tree


def test_every_contract_has_a_breaking_import() -> None:
    assert _contract_ids() == set(BREAKS)


@pytest.mark.parametrize("contract", sorted(BREAKS))
def test_each_import_contract_fails_when_broken(copy_of_the_tree: Path, contract: str) -> None:
    tree = copy_of_the_tree
    module, line = BREAKS[contract]
    path = tree / module
    original = path.read_text(encoding="utf-8")
    path.write_text(original + f"\n{line}  # noqa\n", encoding="utf-8")
    try:
        broken = _lint(tree, contract)
    finally:
        path.write_text(original, encoding="utf-8")
    assert broken.returncode == 1, broken.stdout
    assert "BROKEN" in broken.stdout


DOCUMENTS = ["README.md", "config.toml", *sorted(
    str(p.relative_to(REPO)) for p in (REPO / "docs").rglob("*") if p.suffix in (".md", ".yaml"))]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_documents_point_only_inside_the_repository(name: str) -> None:
    # A fresh clone must be able to read its own docs (issue 11): no ../shared, no reference
    # notes that live elsewhere, and every relative link resolves to a file in the repository.
    path = REPO / name
    text = path.read_text(encoding="utf-8")
    for outside in ("../shared", "shared/", "protocols.md", "reliability.md", "DESIGN.md",
                    "STYLE.md", "CONTRACT.md", "DEVELOPERS.md"):
        assert outside not in text, f"{name} points outside the repository: {outside}"
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if "://" in target:
            continue
        resolved = (path.parent / target).resolve()
        assert resolved.is_relative_to(REPO), f"{name}: {target} leaves the repository"
        assert resolved.exists(), f"{name}: {target} does not exist"


def test_every_ui_module_needs_qt() -> None:
    # kiosk/ui holds widgets, screens and their plumbing only: a module there that reaches no
    # PySide6 import (directly or through what it imports) is core logic in the wrong package.
    import grimp

    graph = grimp.build_graph("kiosk", "PySide6", include_external_packages=True)
    ui_modules = {m for m in graph.find_descendants("kiosk.ui")
                  if not (REPO / (m.replace(".", "/") + "/__init__.py")).exists()}
    assert len(ui_modules) > 20  # the walk found the package
    qt_free = sorted(m for m in ui_modules if not graph.chain_exists(m, "PySide6"))
    assert qt_free == [], f"Qt-free modules under kiosk/ui: {qt_free}"


def test_no_module_is_longer_than_400_lines() -> None:
    # Small modules with names that say what they hold: a long one is two modules.
    lengths = {path.relative_to(REPO).as_posix(): len(path.read_text().splitlines())
               for package in ("kiosk", "drivers", "sync", "bench")
               for path in (REPO / package).rglob("*.py")}
    assert len(lengths) > 100
    assert {name: n for name, n in lengths.items() if n > 400} == {}

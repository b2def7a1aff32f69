"""kiosk/ui holds Qt only (issue 11): every module there imports Qt, directly or through another
kiosk/ui module that does. Qt-free logic belongs in the core (kiosk/door, kiosk/checkout,
kiosk/health) or, for the translation catalogue's tooling, in kiosk/translations."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def _holds_code(path: Path) -> bool:
    """A package marker with nothing but its docstring holds no logic to move."""
    body = ast.parse(path.read_text(encoding="utf-8")).body
    return any(not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)) for n in body)


def qt_free_modules(root: Path, package: str) -> list[str]:
    """Modules under `root` (the package `package`) that import no Qt, not even through
    another module of the package."""
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        name = ".".join((package, *parts)).removesuffix(".__init__")
        modules[name] = _imports(path) if _holds_code(path) else None
    qt = {name for name, imports in modules.items()
          if imports is not None and any(i.split(".")[0] == "PySide6" for i in imports)}
    grew = True
    while grew:  # a module importing a Qt module of the package is Qt too
        more = {name for name, imports in modules.items() if imports is not None
                and name not in qt and imports & qt}
        qt |= more
        grew = bool(more)
    return sorted(name for name, imports in modules.items()
                  if imports is not None and name not in qt)


def test_every_module_under_kiosk_ui_imports_qt() -> None:
    free = qt_free_modules(REPO / "kiosk" / "ui", "kiosk.ui")
    assert not free, f"Qt-free modules in kiosk/ui (move them to the core): {free}"


def test_the_check_finds_a_qt_free_module(tmp_path: Path) -> None:
    ui = tmp_path / "ui"
    ui.mkdir()
    (ui / "__init__.py").write_text('"""Only a docstring."""\n', encoding="utf-8")
    (ui / "widget.py").write_text("from PySide6.QtWidgets import QLabel\n", encoding="utf-8")
    (ui / "texts.py").write_text("from ui.widget import QLabel\n", encoding="utf-8")
    (ui / "rules.py").write_text("import json\n\ndef rule() -> int:\n    return 1\n",
                                 encoding="utf-8")
    assert qt_free_modules(ui, "ui") == ["ui.rules"]

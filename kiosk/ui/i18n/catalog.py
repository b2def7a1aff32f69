"""Qt Linguist .ts catalogs without Qt: extract `tr("…")` strings, read and write .ts XML.

The .ts files in this folder are the sources translators edit; `python -m kiosk.ui.i18n build`
compiles them to .qm with pyside6-lrelease, and the UI falls back to reading the .ts directly
when no up-to-date .qm is there (a fresh checkout, the tests).
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Final

CONTEXT: Final = "kiosk"
SOURCE_LANG: Final = "en"
HERE: Final = Path(__file__).resolve().parent
UI_ROOT: Final = HERE.parent


def ts_path(lang: str, directory: Path = HERE) -> Path:
    return directory / f"kiosk_{lang}.ts"


def qm_path(lang: str, directory: Path = HERE) -> Path:
    return directory / f"kiosk_{lang}.qm"


def extract(root: Path = UI_ROOT) -> list[str]:
    """Every literal passed as first argument to `tr(...)` under `root`, in source order."""
    seen: dict[str, None] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if _is_tr_call(node):
                assert isinstance(node, ast.Call)
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    seen.setdefault(first.value, None)
    return list(seen)


def _is_tr_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call) or not node.args:
        return False
    func = node.func
    return (isinstance(func, ast.Name) and func.id == "tr") or (
        isinstance(func, ast.Attribute) and func.attr == "tr"
    )


def read_ts(path: Path) -> dict[str, str]:
    """source -> translation, finished or not (an empty translation means "not yet")."""
    root = ET.parse(path).getroot()
    out: dict[str, str] = {}
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = translation.text if translation is not None and translation.text else ""
        if translation is not None and translation.get("type") == "obsolete":
            continue
        out[source] = text
    return out


def write_ts(path: Path, lang: str, sources: Iterable[str], known: Mapping[str, str]) -> None:
    """Write a .ts with `sources` in order, keeping the translations already in `known`."""
    root = ET.Element("TS", version="2.1", language=lang, sourcelanguage=SOURCE_LANG)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source in sources:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        text = known.get(source, "")
        if text:
            translation.text = text
        else:
            translation.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")

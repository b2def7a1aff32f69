"""Qt Linguist .ts catalogs without Qt: extract `tr("…")` strings, read and write .ts XML.

The .ts files in this folder are the sources translators edit; `python -m kiosk.translations
build` compiles them to .qm with pyside6-lrelease, and the UI falls back to reading the .ts
directly when no up-to-date .qm is there (a fresh checkout, the tests).
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Final

from kiosk.checkout.types import REFUSAL_TEXT
from kiosk.reasons import PATRON_TEXT

CONTEXT: Final = "kiosk"
SOURCE_LANG: Final = "en"
LANGS: Final = ("da", "de", "pl", "uk", "ar")
"""The catalogues besides the English source."""
REVIEWED: Final = frozenset({"da"})
"""Languages a native speaker has checked; the others' .ts files mark every translation as a
draft (type "unfinished" and NEEDS_REVIEW) until someone does."""
NEEDS_REVIEW: Final = "Draft, not yet reviewed by a native speaker: please check and correct."
HERE: Final = Path(__file__).resolve().parent
UI_ROOT: Final = HERE.parent / "ui"
"""Where the tr() calls are: the screens and widgets (read as text, never imported here)."""


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


def domain_texts() -> dict[str, str]:
    """The core's patron texts (denial reasons, item refusals), English -> Danish: the screens
    show them through the catalogue in the languages beyond the core's Danish and English."""
    out: dict[str, str] = {}
    for table in (PATRON_TEXT, REFUSAL_TEXT):
        for texts in table.values():
            out[texts["en"]] = texts["da"]
    return out


def sources(root: Path = UI_ROOT) -> list[str]:
    """Everything the screens may show through tr(): its literals, then the core's texts."""
    return list(dict.fromkeys([*extract(root), *domain_texts()]))


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


def write_ts(path: Path, lang: str, sources: Iterable[str], known: Mapping[str, str],
             reviewed: bool = True) -> None:
    """Write a .ts with `sources` in order, keeping the translations already in `known`.

    `reviewed=False`: every translation stays "unfinished" with a note for the translator,
    until a native speaker has checked it (Qt Linguist lists them as not done; the kiosk and
    lrelease use them meanwhile)."""
    root = ET.Element("TS", version="2.1", language=lang, sourcelanguage=SOURCE_LANG)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source in sources:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        if not reviewed:
            ET.SubElement(message, "translatorcomment").text = NEEDS_REVIEW
        translation = ET.SubElement(message, "translation")
        text = known.get(source, "")
        if text:
            translation.text = text
        if not text or not reviewed:
            translation.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")

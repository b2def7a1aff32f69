"""Translations: every tr() string has Danish, and the compiled catalog says the same as the .ts."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from kiosk.ui.i18n import Translations, TsTranslator, tr
from kiosk.ui.i18n.__main__ import build
from kiosk.ui.i18n.catalog import CONTEXT, HERE, extract, read_ts


def test_every_string_has_a_danish_translation() -> None:
    known = read_ts(HERE / "kiosk_da.ts")
    missing = [s for s in extract() if not known.get(s)]
    assert not missing, f"run `python -m kiosk.ui.i18n update` and translate: {missing}"


def test_switching_language_changes_tr(qapp: object) -> None:
    translations = Translations()
    try:
        assert tr("Type your PIN") == "Type your PIN"
        assert translations.use("da")
        assert tr("Type your PIN") == "Tast din pinkode"
        assert tr("Welcome, %1", "Anna") == "Velkommen, Anna"
        assert not translations.use("da")
    finally:
        translations.close()
    assert tr("Type your PIN") == "Type your PIN"


def _lrelease() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease")


@pytest.mark.skipif(_lrelease() is None, reason="pyside6-lrelease not installed")
def test_compiled_catalog_matches_the_source(tmp_path: Path, qapp: object) -> None:
    assert build(tmp_path) == 0
    compiled = QTranslator()
    assert compiled.load(str(tmp_path / "kiosk_da.qm"))
    source = TsTranslator(read_ts(HERE / "kiosk_da.ts"))
    for text in extract():
        assert compiled.translate(CONTEXT, text) == source.translate(CONTEXT, text)

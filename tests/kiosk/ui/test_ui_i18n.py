"""Translations: every tr() string (and every patron text of the core) has a translation in every
screen language, drafts are marked for a native speaker's review, and the compiled catalogs say
the same as the .ts sources."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from kiosk.reasons import SCREEN_LANGS
from kiosk.translations.__main__ import build
from kiosk.translations.catalog import (
    CONTEXT,
    LANGS,
    NEEDS_REVIEW,
    REVIEWED,
    read_ts,
    sources,
    ts_path,
)
from kiosk.ui.i18n import Translations, TsTranslator, tr

PLACEHOLDER = re.compile(r"%\d")


def test_every_screen_language_has_a_catalogue() -> None:
    assert set(LANGS) == set(SCREEN_LANGS) - {"en"}  # English is the source


@pytest.mark.parametrize("lang", LANGS)
def test_every_string_is_translated_with_its_placeholders(lang: str) -> None:
    known = read_ts(ts_path(lang))
    missing = [s for s in sources() if not known.get(s)]
    assert not missing, f"run `python -m kiosk.translations update` and translate: {missing}"
    for source in sources():
        assert sorted(PLACEHOLDER.findall(known[source])) == sorted(PLACEHOLDER.findall(source)), \
            f"kiosk_{lang}.ts: {source!r} -> {known[source]!r}"


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang not in REVIEWED])
def test_drafts_are_marked_for_a_native_speakers_review(lang: str) -> None:
    root = ET.parse(ts_path(lang)).getroot()
    messages = list(root.iter("message"))
    assert len(messages) == len(sources())
    for message in messages:
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") == "unfinished"
        assert message.findtext("translatorcomment") == NEEDS_REVIEW


def test_switching_language_changes_tr(qapp: object) -> None:
    translations = Translations()
    try:
        assert tr("Type your PIN") == "Type your PIN"
        assert translations.use("da")
        assert tr("Type your PIN") == "Tast din pinkode"
        assert tr("Welcome, %1", "Anna") == "Velkommen, Anna"
        assert not translations.use("da")
        assert translations.use("uk")
        assert tr("Type your PIN") == "Введіть свій PIN-код"
        assert translations.use("ar")
        assert tr("Welcome, %1", "Anna") == "أهلًا بك، Anna"
    finally:
        translations.close()
    assert tr("Type your PIN") == "Type your PIN"


def _lrelease() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease")


@pytest.mark.skipif(_lrelease() is None, reason="pyside6-lrelease not installed")
def test_compiled_catalogs_match_the_sources(tmp_path: Path, qapp: object) -> None:
    # Drafts are "unfinished": lrelease must still compile them, or the screen would fall back
    # to English in German, Polish, Ukrainian and Arabic.
    assert build(tmp_path) == 0
    for lang in LANGS:
        compiled = QTranslator()
        assert compiled.load(str(tmp_path / f"kiosk_{lang}.qm"))
        source = TsTranslator(read_ts(ts_path(lang)))
        for text in sources():
            assert compiled.translate(CONTEXT, text) == source.translate(CONTEXT, text), \
                (lang, text)

"""Languages on screen through Qt's translation system: `tr()` and one QTranslator per language.

Source strings are English (so a translator for a third language starts from English); the
other languages come from kiosk/translations/ (the Qt-free catalogue: .ts sources, compiled
.qm, and `python -m kiosk.translations`). `Translations.use(lang)` swaps the installed
translator; screens then re-render, which calls `tr()` again.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

from kiosk.translations.catalog import CONTEXT, HERE, SOURCE_LANG, qm_path, read_ts, ts_path

log = logging.getLogger(__name__)


_ts_catalog: dict[str, str] | None = None
"""The messages of the TsTranslator in use. It is never installed in Qt: every call of a Python
override of QTranslator.translate drops one reference to None (shiboken passes the null
`disambiguation` as a borrowed None), and on Python 3.11 the process then dies with "Fatal Python
error: none_dealloc" after some thousands of screen refreshes (bench: `kiosk run`)."""


def tr(text: str, *args: object) -> str:
    """`text` in the current language, with %1, %2, … replaced by `args`."""
    catalog = _ts_catalog
    out = catalog.get(text, text) if catalog is not None else QCoreApplication.translate(
        CONTEXT, text)
    for number, arg in enumerate(args, start=1):
        out = out.replace(f"%{number}", str(arg))
    return out


class TsTranslator(QTranslator):
    """A translator read straight from a .ts file, for when no compiled .qm is at hand."""

    def __init__(self, messages: dict[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._messages = {k: v for k, v in messages.items() if v}

    @property
    def messages(self) -> dict[str, str]:
        return self._messages

    def translate(
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,  # noqa: ARG002 - Qt's signature
        n: int = -1,  # noqa: ARG002
    ) -> str | None:
        # None (not "") lets Qt fall back to the source text.
        return self._messages.get(source) if context == CONTEXT else None

    def isEmpty(self) -> bool:
        return not self._messages


def load_translator(lang: str) -> QTranslator | None:
    """The compiled catalog if it is at least as new as its .ts, else the .ts itself."""
    ts, qm = ts_path(lang, HERE), qm_path(lang, HERE)
    if qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime):
        translator = QTranslator()
        if translator.load(str(qm)):
            return translator
        log.warning("cannot load %s; reading %s instead", qm.name, ts.name)
    if ts.is_file():
        return TsTranslator(read_ts(ts))
    log.warning("no translation for language %s; showing English", lang)
    return None


class Translations:
    """The application's language. Qt's translators are global, so every instance shares one
    state: in mode "both" the door window and the checkout screen each `use()` their patron's
    language right before they render, and `tr()` then answers in it."""

    _lang: str = SOURCE_LANG
    _installed: QTranslator | None = None
    _cache: dict[str, QTranslator | None] = {}  # noqa: RUF012 - shared on purpose

    @property
    def lang(self) -> str:
        return Translations._lang

    def use(self, lang: str) -> bool:
        """Switch to `lang`; True when the language changed (screens must re-render)."""
        shared = Translations
        if lang == shared._lang:
            return False
        if shared._installed is not None:
            QCoreApplication.removeTranslator(shared._installed)
            shared._installed = None
        _use_catalog(None)
        if lang != SOURCE_LANG:
            if lang not in shared._cache:
                shared._cache[lang] = load_translator(lang)
            translator = shared._cache[lang]
            if isinstance(translator, TsTranslator):
                _use_catalog(translator.messages)
            elif translator is not None:
                QCoreApplication.installTranslator(translator)
                shared._installed = translator
        shared._lang = lang
        return True

    def close(self) -> None:
        self.use(SOURCE_LANG)


def _use_catalog(messages: dict[str, str] | None) -> None:
    global _ts_catalog
    _ts_catalog = messages

"""`python -m kiosk.translations update|build|check`: keep the .ts sources and .qm catalogs current.

update: add new tr() strings (and the core's patron texts) to every kiosk_<lang>.ts, keeping
        the translations; Danish gets the core's own Danish for the patron texts.
build:  compile each .ts to .qm with pyside6-lrelease (from the venv or PATH).
check:  exit 1 if a string lacks a translation; say how many are drafts awaiting review.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from kiosk.translations.catalog import (
    HERE,
    LANGS,
    NEEDS_REVIEW,
    REVIEWED,
    domain_texts,
    qm_path,
    read_ts,
    sources,
    ts_path,
    write_ts,
)


def _lrelease() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease")


def update() -> int:
    wanted = sources()
    for lang in LANGS:
        path = ts_path(lang)
        known = read_ts(path) if path.exists() else {}
        if lang == "da":
            known = {**domain_texts(), **{k: v for k, v in known.items() if v}}
        write_ts(path, lang, wanted, known, reviewed=lang in REVIEWED)
        missing = [s for s in wanted if not known.get(s)]
        sys.stdout.write(f"{path.name}: {len(wanted)} strings, {len(missing)} untranslated\n")
    return 0


def build(out_dir: Path = HERE) -> int:
    tool = _lrelease()
    if tool is None:
        sys.stderr.write("pyside6-lrelease not found; the UI reads the .ts files instead\n")
        return 1
    for lang in LANGS:
        ts, qm = ts_path(lang), qm_path(lang, out_dir)
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        sys.stdout.write(f"built {qm}\n")
    return 0


def check() -> int:
    wanted = sources()
    bad = 0
    for lang in LANGS:
        known = read_ts(ts_path(lang))
        for source in wanted:
            if not known.get(source):
                sys.stdout.write(f"kiosk_{lang}.ts: untranslated: {source!r}\n")
                bad += 1
        if lang not in REVIEWED:
            sys.stdout.write(f"kiosk_{lang}.ts: {len(wanted)} drafts ({NEEDS_REVIEW})\n")
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    verbs = {"update": update, "build": build, "check": check}
    if len(argv) != 1 or argv[0] not in verbs:
        sys.stderr.write("usage: python -m kiosk.translations update|build|check\n")
        return 2
    return verbs[argv[0]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

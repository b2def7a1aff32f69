"""`python -m kiosk.ui.i18n update|build|check`: keep the .ts sources and .qm catalogs current.

update: add new tr() strings from kiosk/ui to every kiosk_<lang>.ts (translations are kept).
build:  compile each .ts to .qm with pyside6-lrelease (from the venv or PATH).
check:  exit 1 if a tr() string lacks a translation.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from kiosk.ui.i18n.catalog import HERE, extract, qm_path, read_ts, write_ts

LANGS = ("da",)


def _lrelease() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease")


def update() -> int:
    sources = extract()
    for lang in LANGS:
        path = HERE / f"kiosk_{lang}.ts"
        known = read_ts(path) if path.exists() else {}
        write_ts(path, lang, sources, known)
        missing = [s for s in sources if not known.get(s)]
        sys.stdout.write(f"{path.name}: {len(sources)} strings, {len(missing)} untranslated\n")
    return 0


def build(out_dir: Path = HERE) -> int:
    tool = _lrelease()
    if tool is None:
        sys.stderr.write("pyside6-lrelease not found; the UI reads the .ts files instead\n")
        return 1
    for lang in LANGS:
        ts, qm = HERE / f"kiosk_{lang}.ts", qm_path(lang, out_dir)
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        sys.stdout.write(f"built {qm}\n")
    return 0


def check() -> int:
    sources = extract()
    bad = 0
    for lang in LANGS:
        known = read_ts(HERE / f"kiosk_{lang}.ts")
        for source in sources:
            if not known.get(source):
                sys.stdout.write(f"kiosk_{lang}.ts: untranslated: {source!r}\n")
                bad += 1
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    verbs = {"update": update, "build": build, "check": check}
    if len(argv) != 1 or argv[0] not in verbs:
        sys.stderr.write("usage: python -m kiosk.ui.i18n update|build|check\n")
        return 2
    return verbs[argv[0]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

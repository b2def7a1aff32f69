"""The page decoder of another commit beside this tree's, interleaved in one process:
`python -m bench.ab_records REV [--pages N]`.

On a shared machine two runs minutes apart differ by more than a small lever gains, so each
decoder decodes the same 5,000-record page in turn and the best CPU time of each is printed.
REV's `sync/records.py` is loaded from git as a module of its own (its imports must still
resolve in this tree).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import msgspec

import sync.records
from bench.workspace import REPO
from sync.fakes.synthetic import synthetic_patrons

PAGE = 5000


def _records_of(rev: str, folder: Path) -> ModuleType:
    source = subprocess.run(["git", "-C", str(REPO), "show", f"{rev}:sync/records.py"],
                            check=True, capture_output=True, text=True).stdout
    path = folder / "records_at_rev.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("records_at_rev", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # msgspec resolves the Structs' annotations through it
    spec.loader.exec_module(module)
    return module


def _decoder(module: Any) -> msgspec.json.Decoder[Any]:
    return msgspec.json.Decoder(list[module.PatronRecord], dec_hook=module.decode_hook)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ab_records", description=__doc__)
    parser.add_argument("rev", help="the commit to compare with, e.g. HEAD~1")
    parser.add_argument("--pages", type=int, default=15)
    args = parser.parse_args(argv)
    body = json.dumps(list(synthetic_patrons(PAGE, 1, date(2026, 11, 21)))).encode()
    with tempfile.TemporaryDirectory() as tmp:
        decoders = {args.rev: _decoder(_records_of(args.rev, Path(tmp))),
                    "this tree": _decoder(sync.records)}
        best = dict.fromkeys(decoders, float("inf"))
        for _ in range(args.pages):
            for name, decoder in decoders.items():
                start = time.process_time()
                decoder.decode(body)
                best[name] = min(best[name], time.process_time() - start)
    for name, seconds in best.items():
        sys.stdout.write(f"{name}: {PAGE / seconds:,.0f} records per CPU second "
                         f"(best of {args.pages} pages of {PAGE:,})\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`python -m sync.conformance --url URL --token-file F [--ca-file CA] [--patron ID ...]`:
check a central against docs/central-api.md; one line per check; exit 0 only if all hold."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sync.client import TokenFileError
from sync.conformance.checks import CHECKS, Check, Context
from sync.conformance.probe import CheckFailed, Probe
from sync.http_client import read_token

GUIDE = "docs/central-api.md"


def run(ctx: Context, checks: Sequence[Check], out: Callable[[str], None]) -> int:
    """Run the checks in order, print one line each; the number that failed."""
    failed = 0
    for name, section, check in checks:
        try:
            check(ctx)
        except CheckFailed as err:
            failed += 1
            out(f"FAIL  {name}  ({GUIDE} \"{section}\"): {err}")
        else:
            out(f"PASS  {name}  ({GUIDE} \"{section}\")")
    for pid in ctx.made:  # leave the test server as it was
        ctx.probe.call("DELETE", f"/v1/test/patrons/{pid}")
    return failed


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        token = read_token(Path(args.token_file))
    except TokenFileError as err:
        print(f"--token-file: {err}", file=sys.stderr)
        return 2
    probe = Probe(args.url, token, Path(args.ca_file) if args.ca_file else None)
    try:
        failed = run(Context(probe, known=list(args.patron)), CHECKS, print)
    finally:
        probe.close()
    total = len(CHECKS)
    print(f"{total - failed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m sync.conformance", description=__doc__)
    p.add_argument("--url", required=True, help="the central's base URL (a test server)")
    p.add_argument("--token-file", required=True, help="file holding the bearer token")
    p.add_argument("--ca-file", help="CA certificate(s) to trust, for a private CA")
    p.add_argument("--patron", action="append", default=[], metavar="ID",
                   help="an existing patron the snapshot must hold (repeatable)")
    return p


if __name__ == "__main__":
    sys.exit(main())

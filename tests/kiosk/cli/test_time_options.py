"""Every verb's time option reads a time one way (kiosk/cli/args.py `instant`): something that
is not an ISO 8601 time is a usage error naming the option and what was given, exit 2, no
traceback, and nothing is done."""

from __future__ import annotations

import pytest
from kioskkit import KioskCli

CASES = {
    "explain --at": ("explain", "--card", "3300001234", "--at", "yesterday"),
    "log --since": ("log", "--since", "yesterday"),
    "purge --now": ("purge", "--now", "yesterday"),
    "stats --from": ("stats", "--from", "yesterday"),
    "stats --to": ("stats", "--to", "yesterday"),
    "export --at": ("export", "--card", "3300001234", "--at", "yesterday"),
}


@pytest.mark.parametrize("argv", CASES.values(), ids=CASES.keys())
def test_a_time_that_is_not_one_is_a_usage_error(kiosk: KioskCli, argv: tuple[str, ...]) -> None:
    option = argv[-2]
    result = kiosk(*argv)
    assert result.code == 2
    assert "Traceback" not in result.err
    assert f"{option}: not an ISO 8601 time: 'yesterday'" in result.err
    assert result.out == ""

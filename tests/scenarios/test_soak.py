"""reliability.md #23, shortened: simulated days of door visits, syncs and nightly purges on a
real cache against the fake central leave no file descriptor behind, keep the database at its
size, and make no error. The 7-day run with its RSS figure is `python -m bench.soak`."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bench.soak import soak


@pytest.mark.slow
def test_three_simulated_days_leak_nothing(tmp_path: Path) -> None:
    result = soak(tmp_path, days=3, visit_every=timedelta(minutes=5),
                  sync_every=timedelta(hours=1))
    assert result.errors == []
    assert result.purges == 3
    assert result.syncs == 72
    second, third = result.days[1], result.days[2]
    assert third.fds == second.fds, "a file descriptor leaked"
    assert abs(third.db_bytes - second.db_bytes) <= 0.1 * second.db_bytes

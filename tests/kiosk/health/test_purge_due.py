"""When the purge is overdue, and when that is a fault (a day overdue)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from kiosk.clock import COPENHAGEN
from kiosk.health.purge_due import purge_due

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=COPENHAGEN)
H, D = timedelta(hours=1), timedelta(days=1)
PERIOD = timedelta(days=30)


@pytest.mark.parametrize(
    ("last", "oldest", "overdue", "fault"),
    [
        (NOW - 2 * H, NOW - 40 * D, False, None),
        (NOW - 24 * H, None, False, None),  # due now: the job runs about now
        (NOW - 26 * H, None, True, None),
        (NOW - 47 * H, None, True, None),
        (NOW - 49 * H, None, True, "no purge since 2026-11-19T11:00"),
        (NOW - 44 * D, NOW - 45 * D, True, "no purge since 2026-10-08T12:00"),
        (None, None, False, None),  # a new kiosk: nothing to purge
        (None, NOW - 29 * D, False, None),
        (None, NOW - 30 * D - 2 * H, True, None),
        (None, NOW - 44 * D, True, "never purged; the oldest entry is from 2026-10-08"),
    ],
    ids=["fresh", "due", "overdue", "nearly-a-day", "a-day-over", "six-weeks", "new",
         "young-entries", "never-just-over", "never-44d"],
)
def test_purge_due(last: datetime | None, oldest: datetime | None, overdue: bool,
                   fault: str | None) -> None:
    due = purge_due(last, oldest, NOW, PERIOD)
    assert due.overdue is overdue
    if fault is None:
        assert due.fault is None
    else:
        assert due.fault is not None
        assert due.fault.startswith(fault)
        assert due.since is not None
        assert due.since <= NOW

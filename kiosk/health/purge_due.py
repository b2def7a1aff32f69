"""Is the purge overdue? Pure: the last purge, the oldest entry, now, the policy.

The purge runs daily (kiosk/jobs/background.py). It is overdue when none succeeded in the last
day (with an hour's grace for the run itself), and a fault when it is overdue by more than a
day: personal data may then be kept past the library's published periods. A kiosk that never
purged is overdue once an entry is older than the entry-log period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

PURGE_EVERY: Final = timedelta(hours=24)
GRACE: Final = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class PurgeDue:
    overdue: bool
    fault: str | None = None
    """Set when overdue by more than a day: what a technician reads."""
    since: datetime | None = None
    """When the fault began (the moment it became a day overdue)."""


def purge_due(
    last_purge: datetime | None, oldest_entry: datetime | None, now: datetime,
    entry_log_period: timedelta,
) -> PurgeDue:
    if last_purge is not None:
        due_at = last_purge + PURGE_EVERY + GRACE
        fault_at = last_purge + 2 * PURGE_EVERY
        what = f"no purge since {last_purge.isoformat(timespec='minutes')}"
    elif oldest_entry is not None:
        due_at = oldest_entry + entry_log_period
        fault_at = due_at + PURGE_EVERY
        what = f"never purged; the oldest entry is from {oldest_entry.date().isoformat()}"
    else:
        return PurgeDue(False)
    if now <= due_at:
        return PurgeDue(False)
    if now <= fault_at:
        return PurgeDue(True)
    return PurgeDue(True, f"{what}: personal data may be kept longer than the policy allows",
                    fault_at)

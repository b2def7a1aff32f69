"""Retention: the library's privacy policy applied to the cache, idempotent and clock-safe.

Entry-log rows go 30 days (config may shorten) after the entry. A wall clock that moved
backwards, or forwards by more than `retention.max_clock_jump` since the last purge, skips
the purge: a clock set to 2030 by mistake must not wipe this month's log.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from kiosk.cache import queries
from kiosk.cache.db import checkpoint
from kiosk.config.models import RetentionSection

log = logging.getLogger(__name__)
LAST_PURGE_KEY = "last_purge_at"


@dataclass(frozen=True, slots=True)
class RuleResult:
    rule: str
    table: str
    action: str
    cutoff: datetime
    rows: int


@dataclass(frozen=True, slots=True)
class PurgeReport:
    results: tuple[RuleResult, ...]
    dry_run: bool
    skipped: str | None = None
    """Why nothing was purged (clock jump), or None."""


def clock_problem(last: datetime | None, now: datetime, max_jump: timedelta) -> str | None:
    if last is None:
        return None
    if now < last:
        return f"clock moved back from {last.isoformat()} to {now.isoformat()}"
    if now - last > max_jump:
        return f"clock jumped {now - last} since the last purge (more than {max_jump})"
    return None


def purge(
    engine: Engine,
    sessions: sessionmaker[Session],
    policy: RetentionSection,
    now: datetime,
    dry_run: bool = False,
    force: bool = False,
) -> PurgeReport:
    """Apply the rules at `now`. `force` accepts a clock jump (a technician's explicit call)."""
    cutoff = now - timedelta(days=policy.entry_log_days)
    with sessions.begin() as session:
        last_text = queries.get_state(session, LAST_PURGE_KEY)
        last = datetime.fromisoformat(last_text) if last_text else None
        problem = None if force else clock_problem(last, now, policy.max_clock_jump)
        if problem is not None:
            log.warning("purge skipped: %s", problem)
            return PurgeReport((), dry_run, skipped=problem)
        if dry_run:
            rows = queries.count_entries_before(session, cutoff)
        else:
            rows = queries.delete_entries_before(session, cutoff)
            queries.set_state(session, LAST_PURGE_KEY, now.isoformat())
    if not dry_run:
        checkpoint(engine)
        log.info("purge: %d entry-log rows older than %s deleted", rows, cutoff.isoformat())
    result = RuleResult("entry_log", "entry_log", "delete", cutoff, rows)
    return PurgeReport((result,), dry_run)

"""Runs a CentralClient against the cache: full and delta sync, outbox upload, status.

A delta page is applied in one transaction and the cursor moves only with the last page. A
full sync fills staging tables page by page and one transaction swaps them in, so a failure
or a kill halfway leaves the previous cache whole. Failures are logged once on the change
and once on recovery (STYLE.md E13).
"""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.access import LAST_SYNC_KEY
from kiosk.cache import queries
from kiosk.cache.models import OutboxItem
from kiosk.cache.patrons import ApplyCounts, apply_records, begin_staging, swap_staging
from kiosk.clock import Clock
from kiosk.keyed_hash import KeyedHasher
from sync.client import EVENT_KINDS, CentralClient, CentralError, EventItem, Gone, iter_pages

log = logging.getLogger(__name__)
CURSOR_KEY = "sync_cursor"
ERROR_KEY = "last_sync_error"
BACKOFF_CAP = timedelta(minutes=5)


@dataclass(slots=True)
class SyncReport:
    full: bool
    counts: ApplyCounts = field(default_factory=ApplyCounts)
    pages: int = 0

    def summary(self) -> str:
        kind = "full" if self.full else "delta"
        return (f"{kind} sync: {self.counts.upserted} patrons updated, "
                f"{self.counts.deleted} deleted, {self.pages} pages")


@dataclass(slots=True)
class OutboxReport:
    sent: int = 0
    parked: int = 0
    failed: int = 0
    error: str | None = None


class SyncService:
    def __init__(
        self,
        client: CentralClient,
        sessions: sessionmaker[Session],
        hasher: KeyedHasher,
        clock: Clock,
        rng: random.Random | None = None,
        after_deletions: Callable[[], None] | None = None,
    ) -> None:
        self.client = client
        self.sessions = sessions
        self.hasher = hasher
        self.clock = clock
        self._rng = rng or random.Random()
        self._failing = False
        self._after_deletions = after_deletions
        """Run when a sync erased patrons: the purge, so their bytes leave the files now."""

    def sync(self, full: bool = False) -> SyncReport:
        """One sync; raises CentralError (after recording it) when the central fails."""
        with self.sessions() as session:
            cursor = None if full else queries.get_state(session, CURSOR_KEY)
        try:
            try:
                report = self._full() if cursor is None else self._delta(cursor)
            except Gone:
                log.warning("central forgot our cursor; starting a full sync")
                report = self._full()
        except CentralError as err:
            self._record_failure(err)
            raise
        self._record_success()
        if report.counts.deleted and self._after_deletions is not None:
            self._after_deletions()
        return report

    def _delta(self, cursor: str) -> SyncReport:
        report = SyncReport(full=False)
        for page in iter_pages(self.client, cursor):
            with self.sessions.begin() as session:
                report.counts.add(apply_records(session, page.records, self.hasher))
                if page.is_last and page.cursor is not None:
                    queries.set_state(session, CURSOR_KEY, page.cursor)
            report.pages += 1
        return report

    def _full(self) -> SyncReport:
        report = SyncReport(full=True)
        with self.sessions.begin() as session:
            begin_staging(session)
        final_cursor = None
        for page in iter_pages(self.client, None):
            with self.sessions.begin() as session:
                apply_records(session, page.records, self.hasher, staging=True)
            report.pages += 1
            final_cursor = page.cursor
        with self.sessions.begin() as session:
            report.counts = swap_staging(session)
            if final_cursor is not None:
                queries.set_state(session, CURSOR_KEY, final_cursor)
        return report

    def _record_success(self) -> None:
        with self.sessions.begin() as session:
            queries.set_state(session, LAST_SYNC_KEY, self.clock.now().isoformat())
            queries.set_state(session, ERROR_KEY, "")
        if self._failing:
            log.info("sync with the central system recovered")
        self._failing = False

    def _record_failure(self, err: CentralError) -> None:
        with self.sessions.begin() as session:
            queries.set_state(session, ERROR_KEY, f"{self.clock.now().isoformat()} {err}")
        if not self._failing:
            log.error("sync with the central system failing: %s", err)
        self._failing = True

    def send_outbox(self, batch: int = 200) -> OutboxReport:
        """Upload due outbox items in batches until none is due or the central fails."""
        report = OutboxReport()
        while True:
            now = self.clock.now()
            with self.sessions() as session:
                due = _due_items(session, now, batch)
                items = [_event(i) for i in due]
            if not items:
                return report
            try:
                acks = self.client.upload_events(items)
            except CentralError as err:
                self._postpone([i.idempotency_key for i in items], now)
                report.failed += len(items)
                report.error = str(err)
                return report
            self._apply_acks(acks, now, report)

    def _apply_acks(self, acks: Sequence[object], now: datetime, report: OutboxReport) -> None:
        with self.sessions.begin() as session:
            for ack in acks:
                key = getattr(ack, "idempotency_key", "")
                row = session.scalar(select(OutboxItem).where(OutboxItem.idempotency_key == key))
                if row is None:
                    continue
                if getattr(ack, "acknowledged", False):
                    row.sent_at = now
                    report.sent += 1
                else:
                    row.parked_error = getattr(ack, "message", None) or getattr(
                        ack, "error", None) or "rejected"
                    report.parked += 1

    def _postpone(self, keys: list[str], now: datetime) -> None:
        with self.sessions.begin() as session:
            for row in session.scalars(
                select(OutboxItem).where(OutboxItem.idempotency_key.in_(keys))
            ):
                row.attempts += 1
                # Capped full jitter: many kiosks coming back at once do not stampede.
                cap = min(BACKOFF_CAP.total_seconds(), 2.0 ** min(row.attempts, 20))
                row.next_attempt_at = now + timedelta(seconds=self._rng.uniform(0, cap))


def _due_items(session: Session, now: datetime, batch: int) -> list[OutboxItem]:
    rows = session.scalars(
        select(OutboxItem)
        .where(OutboxItem.sent_at.is_(None), OutboxItem.parked_error.is_(None))
        # Only what the sync API takes: SIP2 offline circulation is replayed over SIP2.
        .where(OutboxItem.kind.in_(EVENT_KINDS))
        .where((OutboxItem.next_attempt_at.is_(None)) | (OutboxItem.next_attempt_at <= now))
        .order_by(OutboxItem.id)
        .limit(batch)
    )
    return list(rows)


def _event(item: OutboxItem) -> EventItem:
    return EventItem(
        idempotency_key=item.idempotency_key,
        kind=item.kind,  # type: ignore[arg-type]
        occurred_at=item.created_at,
        payload=json.loads(item.payload),
    )

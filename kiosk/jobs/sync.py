"""Runs a CentralClient against the cache: full and delta sync, outbox upload, status.

A delta page is applied in one transaction and the cursor moves only with the last page. A
full sync fills staging tables page by page and one transaction swaps them in, so a failure
or a kill halfway leaves the previous cache whole. Failures are logged once on the change
and once on recovery (STYLE.md E13).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.access.service import LAST_SYNC_KEY
from kiosk.cache import queries
from kiosk.cache.models import OutboxItem
from kiosk.cache.patrons import (
    ApplyCounts,
    RowError,
    apply_records,
    write_staged,
)
from kiosk.cache.staging import staging
from kiosk.cache.swap import swap_staging
from kiosk.clock import Clock
from kiosk.jobs.snapshot_worker import (
    PageRules,
    StagedPage,
    pages_by_workers,
    pages_here,
    staged_page,
    usable,
    worth_a_worker,
)
from kiosk.privacy.keyed_hash import KeyedHasher
from sync.client import (
    EVENT_KINDS,
    BadRecord,
    CentralClient,
    CentralError,
    ClientError,
    EventItem,
    Gone,
    RefusedRecord,
    SyncPage,
    iter_pages,
)
from sync.records import PatronRecord, RecordError

log = logging.getLogger(__name__)
CURSOR_KEY = "sync_cursor"
ERROR_KEY = "last_sync_error"
BACKOFF_CAP = timedelta(minutes=5)
RESTART_CODES = frozenset({"invalid_cursor", "invalid_page_token"})
"""400 codes after which a delta cannot go on (docs/central-api.md): a full sync follows."""


@dataclass(slots=True)
class SyncReport:
    full: bool
    counts: ApplyCounts = field(default_factory=ApplyCounts)
    pages: int = 0
    refused: list[RefusedRecord] = field(default_factory=list)
    """Records left out as unusable (an enumeration value of a later API version)."""
    inactive: int = 0
    """Records not kept because the patron is inactive beyond the retention period."""
    fell_back: str | None = None
    """Why a delta became a full sync in this run (410, invalid cursor), or None."""

    def summary(self) -> str:
        kind = "full" if self.full else "delta"
        text = (f"{kind} sync: {self.counts.upserted} patrons updated, "
                f"{self.counts.deleted} deleted, {self.pages} pages")
        if self.inactive:
            text += f", {self.inactive} inactive beyond the retention period not kept"
        if self.refused:
            text += f", {len(self.refused)} records refused as unusable"
        return text + (f" (after: {self.fell_back})" if self.fell_back else "")

    def problem(self) -> str | None:
        """The refused records as one line for last_sync_error, or None."""
        if not self.refused:
            return None
        more = f" and {len(self.refused) - 1} more" if len(self.refused) > 1 else ""
        return f"record refused as unusable: {self.refused[0]}{more}"


@dataclass(slots=True)
class OutboxReport:
    sent: int = 0
    parked: int = 0
    failed: int = 0
    error: str | None = None


@dataclass(slots=True)
class RunReport:
    """One `kiosk sync`: the patron part and the events part, each done or failed."""

    patrons: SyncReport | None
    patrons_error: str | None
    outbox: OutboxReport
    skipped: str | None = None

    def problems(self) -> list[str]:
        found = [self.patrons_error, self.patrons.problem() if self.patrons else None,
                 f"events: {self.outbox.error}" if self.outbox.error else None]
        return [p for p in found if p]

    @property
    def ok(self) -> bool:
        return not self.problems() and self.skipped is None


class SyncService:
    def __init__(
        self,
        client: CentralClient,
        sessions: sessionmaker[Session],
        hasher: KeyedHasher,
        clock: Clock,
        rng: random.Random | None = None,
        after_deletions: Callable[[], None] | None = None,
        inactive_after: timedelta | None = None,
    ) -> None:
        self.client = client
        self.sessions = sessions
        self.hasher = hasher
        self.clock = clock
        self._rng = rng or random.Random()
        self._failing = False
        self._after_deletions = after_deletions
        """Run when a sync erased patrons: the purge, so their bytes leave the files now."""
        self._inactive_after = inactive_after
        """retention.inactive_patron_days: older last_activity is not kept (it would be purged
        and come back with every full sync)."""
        self.not_before: datetime | None = None
        """A Retry-After beyond the client's cap: scheduled runs leave the central alone
        until then (docs/central-api.md "Rates")."""

    def run(self, full: bool = False, *, scheduled: bool = False) -> RunReport:
        """Patrons, then events whatever became of the patrons; the failures recorded once."""
        now = self.clock.now()
        if scheduled and self.not_before is not None and now < self.not_before:
            wait = f"central asked to wait until {self.not_before.isoformat()}"
            return RunReport(None, None, OutboxReport(), skipped=wait)
        patrons: SyncReport | None = None
        error: str | None = None
        try:
            patrons = self.sync(full)
        except CentralError as err:
            error = str(err)
        outbox = self.send_outbox()
        result = RunReport(patrons, error, outbox)
        if outbox.error:
            self._write_error(result.problems())
        return result

    def sync(self, full: bool = False) -> SyncReport:
        """One patron sync; raises CentralError (after recording it) when the central fails."""
        with self.sessions() as session:
            cursor = None if full else queries.get_state(session, CURSOR_KEY)
        try:
            report = self._full() if cursor is None else self._delta_or_full(cursor)
        except CentralError as err:
            self._record_failure(err)
            raise
        self._record_success(report)
        if report.counts.deleted and self._after_deletions is not None:
            self._after_deletions()
        return report

    def _delta_or_full(self, cursor: str) -> SyncReport:
        try:
            return self._delta(cursor)
        except Gone as err:
            reason = str(err)
        except ClientError as err:
            if err.code not in RESTART_CODES:
                raise
            reason = str(err)
        log.warning("central cannot continue from our cursor (%s); starting a full sync", reason)
        report = self._full()
        report.fell_back = reason
        return report

    def _delta(self, cursor: str) -> SyncReport:
        report = SyncReport(full=False)
        for page in iter_pages(self.client, cursor):
            report.pages += 1
            records = self._usable(page, report)
            with self.sessions.begin() as session:
                report.counts.add(self._apply(session, records, report.pages, staging=False))
                if page.is_last:
                    queries.set_state(session, CURSOR_KEY, page.cursor)
        return report

    def _full(self) -> SyncReport:
        report = SyncReport(full=True)
        today = self.clock.now().date()
        cutoff = (self.clock.now() - self._inactive_after).date() \
            if self._inactive_after is not None else None
        rules = PageRules(self.hasher, today, cutoff)
        with staging(self.sessions) as sessions, self._pages(rules) as pages:
            final_cursor = None
            for staged in pages:
                report.pages += 1
                self._note(staged, report)
                with sessions.begin() as session:
                    write_staged(session, staged.rows)
                final_cursor = staged.cursor
                del staged  # not kept while the next page arrives (peak RSS, issue 18)
            with sessions.begin() as session:
                report.counts = swap_staging(session)
                if final_cursor is not None:
                    queries.set_state(session, CURSOR_KEY, final_cursor)
        return report

    @contextlib.contextmanager
    def _pages(self, rules: PageRules) -> Iterator[Iterator[StagedPage]]:
        """The snapshot's pages as staging rows: the first made here, the rest by a worker
        process when the snapshot is large (kiosk/jobs/snapshot_worker.py)."""
        page = self.client.fetch_page(None, None)
        with self.sessions() as session:
            first = staged_page(page, 1, rules, session)
        settings = worth_a_worker(self.client, page)
        if settings is None:
            yield itertools.chain([first], pages_here(self.client, first, rules, self.sessions))
            return
        url = self.sessions.kw["bind"].url.render_as_string(hide_password=False)
        with pages_by_workers(settings, url, rules, first) as rest:
            yield itertools.chain([first], rest)

    def _usable(self, page: SyncPage, report: SyncReport) -> list[PatronRecord]:
        """A delta page's records with refused and long-inactive patrons turned into deletions."""
        cutoff = (self.clock.now() - self._inactive_after).date() \
            if self._inactive_after is not None else None
        records, inactive = usable(page, cutoff)
        self._note_refused(page.refused, report)
        report.inactive += inactive
        return records

    def _note(self, staged: StagedPage, report: SyncReport) -> None:
        self._note_refused(staged.refused, report)
        report.inactive += staged.inactive

    @staticmethod
    def _note_refused(refused: Sequence[RefusedRecord], report: SyncReport) -> None:
        for record in refused:
            log.warning("sync: record refused as unusable, patron left out: %s", record)
            report.refused.append(record)

    def _apply(
        self, session: Session, records: list[PatronRecord], page_no: int, *, staging: bool
    ) -> ApplyCounts:
        try:
            return apply_records(session, records, self.hasher, staging=staging,
                                 today=self.clock.now().date())
        except RowError as err:
            problem = RecordError(f"page {page_no}", err.field, err.problem)
            raise BadRecord(page_no, err.index, err.patron_id, problem) from None

    def _record_success(self, report: SyncReport) -> None:
        problem = report.problem()
        with self.sessions.begin() as session:
            queries.set_state(session, LAST_SYNC_KEY, self.clock.now().isoformat())
            queries.set_state(session, ERROR_KEY, self._stamped(problem) if problem else "")
        self.not_before = None
        if self._failing and problem is None:
            log.info("sync with the central system recovered")
        self._failing = problem is not None

    def _record_failure(self, err: CentralError) -> None:
        self._write_error([str(err)])
        retry_after = getattr(err, "retry_after", None)
        if isinstance(retry_after, int | float):
            self.not_before = self.clock.now() + timedelta(seconds=retry_after)
        if not self._failing:
            log.error("sync with the central system failing: %s", err)
        self._failing = True

    def _write_error(self, problems: list[str]) -> None:
        with self.sessions.begin() as session:
            queries.set_state(session, ERROR_KEY, self._stamped("; ".join(problems)))

    def _stamped(self, text: str) -> str:
        return f"{self.clock.now().isoformat()} {text}"

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
                log.warning("events upload failed, %d items wait: %s", len(items), err)
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

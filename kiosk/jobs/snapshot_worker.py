"""A full snapshot's pages turned into staging rows: here, or by worker processes while the
sync writes the rows they sent before (issue 18).

Fetching, validating, keyed hashes and row parameters were about half of a full sync's CPU,
all on the one thread that also writes, beside the door's worker in the same interpreter. In
processes of their own they run on the other cores and hold no lock of the kiosk's
interpreter. Two take turns, page by page (pages_by_workers): one alone was slower than the
writer. The workers only read the cache (the verifiers they keep); the sync process alone
writes, so the crash guarantee is the staging file's (kiosk/cache/staging.py). Their failures
arrive as the same CentralError a sync in one process raises, and their log lines go through
the kiosk's logging (its redaction filter included).
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import logging
import multiprocessing
import os
import signal
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from multiprocessing.connection import Connection
from typing import Final

from sqlalchemy.orm import Session, sessionmaker

from kiosk.cache.db import make_engine
from kiosk.cache.patrons import RowError, StagedRows, kept_verifiers, stage_rows
from kiosk.privacy.keyed_hash import KeyedHasher
from sync.client import BadRecord, CentralClient, CentralError, RefusedRecord, SyncPage
from sync.http_client import ClientSettings
from sync.records import PatronRecord, RecordError

log = logging.getLogger(__name__)
WORKERS: Final = 2
"""Worker processes for one snapshot: one decoded and staged while the sync wrote, and it was
the slower (bench/RESULTS.md, lever 29). Two keep the sync process, which only writes, busy."""
WORKER_NICENESS: Final = 10
"""Added to each worker's nice value (os.nice): lower priority than the kiosk's own process."""
WORKER_FROM_RECORDS: Final = 1000
"""A snapshot whose first page holds fewer records is small (a test, a village library): the
worker's start (about 0.4 s of imports) would cost more than it saves."""


@dataclass(frozen=True, slots=True)
class PageRules:
    """What turns a page into rows, the same in either process."""

    hasher: KeyedHasher
    today: date
    """The kiosk's local date: which birth dates are still needed."""
    inactive_before: date | None
    """retention.inactive_patron_days: a last activity before this is not kept."""


@dataclass(frozen=True, slots=True)
class StagedPage:
    page_no: int
    rows: StagedRows
    refused: tuple[RefusedRecord, ...]
    inactive: int
    cursor: str
    next_page: str | None


@dataclass(frozen=True, slots=True)
class _LogLine:
    level: int
    logger: str
    message: str


@dataclass(frozen=True, slots=True)
class _Failed:
    error: CentralError | RuntimeError


def usable(page: SyncPage, inactive_before: date | None) -> tuple[list[PatronRecord], int]:
    """The page's records with refused and long-inactive patrons turned into deletions, and
    how many were inactive."""
    records = list(page.records)
    records += [PatronRecord(patron_id=r.patron_id, deleted=True) for r in page.refused]
    if inactive_before is None:
        return records, 0
    inactive = 0
    for i, record in enumerate(records):
        if record.last_activity is not None and record.last_activity < inactive_before:
            inactive += 1
            records[i] = PatronRecord(patron_id=record.patron_id, deleted=True)
    return records, inactive


def staged_page(page: SyncPage, page_no: int, rules: PageRules, cache: Session) -> StagedPage:
    """One fetched page as staging rows, with the verifiers `cache` keeps; BadRecord names a
    record that cannot become one."""
    records, inactive = usable(page, rules.inactive_before)
    try:
        rows = stage_rows(records, rules.hasher, rules.today, kept_verifiers(cache, records),
                          cache.get_bind().dialect)
    except RowError as err:
        problem = RecordError(f"page {page_no}", err.field, err.problem)
        raise BadRecord(page_no, err.index, err.patron_id, problem) from None
    return StagedPage(page_no, rows, page.refused, inactive, page.cursor, page.next_page)


def pages_here(client: CentralClient, first: StagedPage, rules: PageRules,
               cache: sessionmaker[Session]) -> Iterator[StagedPage]:
    """The pages after `first`, made in this process."""
    token, page_no = first.next_page, first.page_no
    while token is not None:
        page_no += 1
        page = client.fetch_page(None, token)
        with cache() as session:
            staged = staged_page(page, page_no, rules, session)
        yield staged
        token = page.next_page


def worth_a_worker(client: CentralClient, first: SyncPage) -> ClientSettings | None:
    """The settings to give the workers, or None when this snapshot is done here: one page, a
    small one, or a client another process cannot rebuild (a test's fake)."""
    settings = getattr(client, "settings", None)
    if first.next_page is None or len(first.records) < WORKER_FROM_RECORDS:
        return None
    return settings if isinstance(settings, ClientSettings) else None


@contextlib.contextmanager
def pages_by_workers(settings: ClientSettings, database_url: str, rules: PageRules,
                     first: StagedPage) -> Iterator[Iterator[StagedPage]]:
    """The pages after `first`, made by WORKERS processes in turn; they are stopped when the
    block ends, however it ends.

    The worker whose turn it is fetches its page, reads the next page's token from it without
    decoding the records and hands the token on over a ring of pipes, so the next worker
    fetches while this one decodes and makes rows. Each sends its pages to the sync on a pipe
    of its own, which the sync reads in page order."""
    context = multiprocessing.get_context("spawn")  # no fork of a process with Qt and threads
    ring = [context.Pipe(duplex=False) for _ in range(WORKERS)]  # (reader, writer): i -> i+1
    outs = [context.Pipe(duplex=False) for _ in range(WORKERS)]
    workers = []
    for i in range(WORKERS):
        turn = (first.page_no + 1, first.next_page) if i == 0 else None
        workers.append(context.Process(
            target=_work, name=f"kiosk-snapshot-worker-{i + 1}", daemon=True,
            args=(settings, database_url, rules, turn, ring[i - 1][0], ring[i][1],
                  outs[i][1])))
    try:
        for worker in workers:
            worker.start()
        log.info("full sync: pages after the first made by %d worker processes (pids %s)",
                 WORKERS, ", ".join(str(w.pid) for w in workers))
        # Ours alone now: when a worker dies, the sync's recv() and the next worker's end.
        for reader, writer in ring:
            reader.close()
            writer.close()
        for _ours, theirs in outs:
            theirs.close()
        yield _received([ours for ours, _theirs in outs], workers, first.page_no + 1)
    finally:
        for connection in itertools.chain(*ring, *outs):
            connection.close()  # a worker still sending gets a broken pipe and ends
        for worker in workers:
            if worker.pid is None:
                continue  # never started
            worker.join(timeout=5)
            if worker.is_alive():
                worker.kill()
                worker.join()


def _received(ours: Sequence[Connection], workers: Sequence[multiprocessing.process.BaseProcess],
              page_no: int) -> Iterator[StagedPage]:
    """The workers' pages in page order: page n comes from worker (n - page_no) % WORKERS."""
    for turn in itertools.count():
        conn, worker = ours[turn % len(ours)], workers[turn % len(ours)]
        while True:
            try:
                message = conn.recv()
            except EOFError:
                raise _ended(worker, workers, page_no + turn) from None
            if isinstance(message, _LogLine):
                logging.getLogger(message.logger).log(message.level, "%s", message.message)
            elif isinstance(message, _Failed):
                raise message.error
            else:
                break
        last = message.next_page is None
        yield message
        del message  # not kept while the next page arrives (peak RSS, issue 18)
        if last:
            return


def _ended(worker: multiprocessing.process.BaseProcess,
           workers: Sequence[multiprocessing.process.BaseProcess], page_no: int) -> RuntimeError:
    """The error of a sync whose worker for `page_no` ended before sending it. A worker that
    ended cleanly did so because another one died first: that one is named."""
    worker.join(timeout=5)
    if worker.exitcode == 0:
        for other in workers:
            other.join(timeout=5)
        worker = next((w for w in workers if w.exitcode not in (0, None)), worker)
    return RuntimeError(f"{worker.name} ended without finishing (exit code {worker.exitcode}); "
                        f"page {page_no} was not made")


class _Forward(logging.Handler):
    """The worker's log lines, sent to the kiosk to be filtered and written there."""

    def __init__(self, out: Connection) -> None:
        super().__init__(logging.INFO)
        self._out = out

    def emit(self, record: logging.LogRecord) -> None:
        self._out.send(_LogLine(record.levelno, record.name, record.getMessage()))


Turn = tuple[int, str]
"""(page number, page token): whose turn it is to fetch, handed round the ring."""


def _work(settings: ClientSettings, database_url: str, rules: PageRules, turn: Turn | None,
          turns_in: Connection, turns_out: Connection, out: Connection) -> None:
    """A worker process: wait for a turn, fetch that page, hand the next turn on, stage the
    page and send it; until a turn says there is no next page or a pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the kiosk to act on
    # The door first: on a busy machine the kiosk's process (the door, and the sync's writer)
    # gets the cores before the workers do; on an idle one this changes nothing.
    os.nice(WORKER_NICENESS)
    root = logging.getLogger()
    root.handlers[:] = [_Forward(out)]
    root.setLevel(logging.INFO)
    gc.freeze()  # the imports: kept out of the collector's passes (kiosk/system/heap.py)
    try:
        engine = make_engine(database_url)
        sessions = sessionmaker(engine)
        with settings.client() as client:
            while True:
                if turn is None:
                    turn = turns_in.recv()
                if turn is None:
                    break  # the page before was the last
                page_no, token = turn
                client.continue_after(page_no - 1)
                body = client.fetch_body(None, token)
                token_after = body.next_page()
                turns_out.send(None if token_after is None else (page_no + 1, token_after))
                # Each page's bytes, records and rows go as soon as they are used: the peaks
                # of three processes add up (bench/RESULTS.md, lever 29).
                page = body.decoded()
                del body
                with sessions() as session:
                    staged = staged_page(page, page_no, rules, session)
                del page
                out.send(staged)
                del staged
                turn = None
        engine.dispose()
    except CentralError as err:
        out.send(_Failed(err))
    except (BrokenPipeError, EOFError):
        return  # the sync or another worker ended (or was killed): nobody to tell
    except Exception as err:  # noqa: BLE001 - any other failure reaches the sync as one line
        out.send(_Failed(RuntimeError(f"snapshot worker: {type(err).__name__}: {err}")))
    finally:
        turns_out.close()  # the next worker, waiting for a turn, ends

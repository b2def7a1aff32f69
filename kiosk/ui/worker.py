"""The controller worker: one thread that makes every call into the door and checkout controllers.

DESIGN.md: the GUI thread never blocks on I/O. A card check reads SQLite, verifies a PIN
(argon2id, ~25 ms) and may ask the library system over SIP2 (up to 2 s); so does a loan. The
window posts each event here in order and gets back a snapshot (frozen dataclasses: safe to
hand across threads) through `done`, a Signal(object) emitted on this thread and delivered,
queued, on the GUI thread (STYLE.md pattern 8 / E14, the other direction).

A plain `threading.Thread` with a `queue.Queue`, not a QThread: the jobs are Qt-free calls that
need no event loop; the queue keeps them in order and makes "a Tick is already waiting" a
plain lookup; `join(timeout)` bounds shutdown; and the thread is an ordinary Python thread the
UI tests' leak guard can see. The door and the checkout screen share one worker when both run
(kiosk.mode "both"): they may share one SIP2 connection, which must not be used from two
threads at once.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Final

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Job:
    run: Callable[[], object]
    then: Callable[[object], None]
    key: Hashable | None
    failed: Callable[[Exception], None] | None


@dataclass(frozen=True, slots=True)
class _Done:
    then: Callable[[Any], None]
    result: object


_STOP: Final = object()


class ControllerWorker(QObject):
    """Runs posted jobs one at a time, in order, on its own thread; results come back queued."""

    join_s: float = 5.0
    """How long `stop()` waits for a call in progress (a SIP2 call ends within 2 s)."""

    done = Signal(object)
    """Emitted on the worker thread; connected slots run on the GUI thread."""

    def __init__(self, name: str = "controller-worker", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._jobs: queue.Queue[_Job | object] = queue.Queue()
        self._lock = threading.Lock()
        self._queued: set[Hashable] = set()
        self._thread: threading.Thread | None = None
        self._closed = False
        self.stopping = threading.Event()
        """Set when `stop()` begins: no new job starts after that."""
        self.done.connect(self._deliver)

    def post(
        self,
        run: Callable[[], Any],
        then: Callable[[Any], None],
        key: Hashable | None = None,
        failed: Callable[[Exception], None] | None = None,
    ) -> bool:
        """Queue `run`; `then(result)` runs on the GUI thread afterwards. False if dropped.

        A job with a `key` is dropped while another with the same key still waits (Ticks do not
        pile up behind a slow call). After `stop()` every job is dropped. If `run` raises, the
        error is logged here and `failed(error)` runs on the GUI thread instead of `then`.
        """
        with self._lock:
            if self._closed or (key is not None and key in self._queued):
                return False
            if key is not None:
                self._queued.add(key)
            if self._thread is None:  # started on first use: no thread for an unused screen
                self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
                self._thread.start()
        self._jobs.put(_Job(run, then, key, failed))
        return True

    def stop(self) -> None:
        """Finish the call in progress (bounded by `join_s`), drop the rest, join the thread."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            thread = self._thread
        self.stopping.set()
        self._jobs.put(_STOP)
        if thread is None:
            return
        thread.join(self.join_s)
        if thread.is_alive():
            log.error("%s: a call did not end within %.1f s; going on without it",
                      self.name, self.join_s)

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is _STOP or self.stopping.is_set():
                return
            assert isinstance(job, _Job)
            if job.key is not None:
                with self._lock:
                    self._queued.discard(job.key)
            try:
                done = _Done(job.then, job.run())
            except Exception as err:
                # A bug in a controller must not end the worker: the next event still runs.
                log.exception("%s: a job failed", self.name)
                if job.failed is None:
                    continue
                done = _Done(job.failed, err)
            if not self.stopping.is_set():
                self.done.emit(done)

    def _deliver(self, done: object) -> None:
        if self.stopping.is_set():
            return  # the window is closing: nothing more to render
        assert isinstance(done, _Done)
        done.then(done.result)

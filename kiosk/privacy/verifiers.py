"""Memory-hard PIN verifiers, computed off the door path.

A PIN the library system just confirmed over SIP2 gets its argon2id verifier (~23 ms) on one
worker thread, after the door has decided: the door never waits, and no fast `hk1` verifier is
ever written for it. The PIN waits in memory only until its verifier is made.

A sync or an import writes fast `hk1` verifiers (a million in seconds); the background
upgrades them to argon2id at a bounded share of a core (`upgrade_slice`), and a PIN whose
pin_version did not change keeps its upgraded verifier through every later sync
(kiosk/cache/patrons.py). `verifier_counts` says how many are still fast. No Qt.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy import Select, func, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.cache.counting import FAST_KEY, MEMORY_HARD_KEY
from kiosk.cache.models import Patron
from kiosk.cache.queries import get_state
from kiosk.privacy.keyed_hash import KeyedHasher

log = logging.getLogger(__name__)
CLOSE_WAIT_S: Final = 10.0
SETTLE_WAIT_S: Final = 2.0

_Job = tuple[str, str, datetime]


class VerifierWriter:
    """`submit(patron_id, pin, verified_at)` returns at once; the verifier follows."""

    def __init__(self, sessions: sessionmaker[Session], hasher: KeyedHasher) -> None:
        self.sessions = sessions
        self.hasher = hasher
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._idle = threading.Condition()
        self._pending = 0

    def submit(self, patron_id: str, pin: str, verified_at: datetime) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="pin-verifiers",
                                                daemon=True)
                self._thread.start()
        with self._idle:
            self._pending += 1
        self._jobs.put((patron_id, pin, verified_at))

    def settle(self, timeout: float = SETTLE_WAIT_S) -> bool:
        """Wait until every submitted verifier is stored (the offline path asks first: a PIN
        confirmed live a moment ago must be checkable now). False after `timeout`."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def close(self, timeout: float = CLOSE_WAIT_S) -> None:
        """Write what was submitted (a one-shot `kiosk attempt` too), then stop."""
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._jobs.put(None)
            thread.join(timeout)

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                self._store(*job)
            finally:
                with self._idle:
                    self._pending -= 1
                    self._idle.notify_all()

    def _store(self, patron_id: str, pin: str, verified_at: datetime) -> None:
        verifier = self.hasher.memory_hard_verifier(patron_id, pin)
        try:
            with self.sessions.begin() as session:
                # Only for the answer it belongs to: a later visit may have changed it.
                session.execute(update(Patron).where(
                    Patron.patron_id == patron_id, Patron.verified_at == verified_at,
                ).values(pin_verifier=verifier))
        except SQLAlchemyError as err:
            # Without a verifier the patron is only not admitted offline (cannot_verify)
            # until the next visit: fail-secure, nothing else to do.
            log.warning("PIN verifier of learned patron %s not stored: %s", patron_id,
                        type(err).__name__)


# --- upgrades: the fast hk1 verifiers a sync or an import wrote, to argon2id -----------------

UPGRADE_SHARE: Final = 0.5
"""Of one core, at most this share goes to upgrades (measured per slice): the door's own
argon2id checks and a sync keep the rest, and a 2-core kiosk has a whole core free."""
UPGRADE_SLICE_S: Final = 0.5
UPGRADE_BATCH: Final = 4
"""Verifiers hashed outside a transaction, then written in one short one (~4 × 23 ms of
hashing never holds the database's write lock)."""


def verifier_counts(session: Session) -> dict[str, int]:
    """`kiosk status --json` `pin_verifiers`: memory-hard (argon2id: a2k1, a2p1) and fast (hk1).

    O(1): the counts the triggers keep (kiosk/cache/counting.py); counted where they are not."""
    kept_fast, kept_hard = get_state(session, FAST_KEY), get_state(session, MEMORY_HARD_KEY)
    if kept_fast is not None and kept_hard is not None:
        return {"memory_hard": int(kept_hard), "fast": int(kept_fast)}
    rows = session.execute(
        select(func.substr(Patron.pin_verifier, 1, 4), func.count())
        .where(Patron.pin_verifier.is_not(None))
        .group_by(func.substr(Patron.pin_verifier, 1, 4))
    )
    counts = {str(prefix): int(n) for prefix, n in rows}
    fast = counts.pop("hk1$", 0)
    return {"memory_hard": sum(counts.values()), "fast": fast}


@dataclass(slots=True)
class UpgradeCursor:
    """Where the upgrades stopped, in patron-id order. Without it every batch scanned from the
    first row past all those already upgraded: near the end of a million patrons 0.7-1.3 s of
    reading a batch against ~0.1 s of hashing (issue 18). Kept in memory: a restart reads the
    upgraded rows once more, and a pass that reaches the end starts again from the first, so a
    sync's new hk1 rows behind the cursor are found on the next pass."""

    after: str = ""


def fast_after(after: str, limit: int) -> Select[str, str | None]:
    """The next `limit` fast verifiers after patron id `after`: a range of the id index."""
    return (select(Patron.patron_id, Patron.pin_verifier)
            .where(Patron.patron_id > after, Patron.pin_verifier.like("hk1$%"))
            .order_by(Patron.patron_id)
            .limit(limit))


def upgrade_some_verifiers(
    sessions: sessionmaker[Session], hasher: KeyedHasher, limit: int,
    cursor: UpgradeCursor | None = None,
) -> int:
    """Turn up to `limit` fast hk1 PIN verifiers into argon2id ones (a2k1), without the PINs;
    after `cursor` (moved on), or from the first patron.

    The hashing (~23 ms each, the GIL released) happens outside any transaction; a row a sync
    or a visit rewrote meanwhile keeps the newer value (the UPDATE matches the old verifier
    only). Returns how many were found to upgrade."""
    after = cursor.after if cursor is not None else ""
    with sessions() as session:
        rows = session.execute(fast_after(after, limit)).all()
    if cursor is not None:
        cursor.after = rows[-1][0] if len(rows) == limit else ""  # short: the pass is over
    upgraded = [(pid, old, hasher.upgrade(old)) for pid, old in rows if old is not None]
    if upgraded:
        with sessions.begin() as session:
            for patron_id, old, new in upgraded:
                session.execute(update(Patron).where(
                    Patron.patron_id == patron_id, Patron.pin_verifier == old,
                ).values(pin_verifier=new))
    return len(rows)


def upgrade_slice(
    sessions: sessionmaker[Session], hasher: KeyedHasher, share: float = UPGRADE_SHARE,
    slice_s: float = UPGRADE_SLICE_S, monotonic: Callable[[], float] = time.monotonic,
    cursor: UpgradeCursor | None = None,
) -> float | None:
    """Upgrade for about `slice_s`; then the pause that keeps the upgrades at `share` of a core
    (seconds), or None when none is left. The work is in the database, so a restart simply
    goes on where it stopped."""
    start = monotonic()
    while monotonic() - start < slice_s:
        if upgrade_some_verifiers(sessions, hasher, UPGRADE_BATCH, cursor) < UPGRADE_BATCH:
            return None
    spent = monotonic() - start
    return spent * (1 - share) / share

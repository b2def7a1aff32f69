"""kill -9 during a checkout (reliability.md #6, issue 12): loans and returns made while the
library system is away are a local row and an outbox item in one transaction. Killed at random
moments, the file stays whole, every acknowledged loan or return is kept, and no loan is ever
without the outbox item that tells the library system (or the other way round)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from faultkit import Child, integrity, scalar

LOANS = "SELECT count(*) FROM loans"
RETURNS = "SELECT count(*) FROM loans WHERE returned_at IS NOT NULL"
QUEUED = "SELECT count(*) FROM outbox WHERE kind = '{kind}'"


def acknowledged(child: Child) -> int:
    assert child.proc.stdout is not None
    child.lines += child.proc.stdout.read().splitlines()
    done = [int(line.split()[1]) for line in child.lines if line.startswith("recorded ")]
    return max(done, default=0)


@pytest.mark.slow
def test_kill_9_during_checkouts_keeps_every_acknowledged_loan_and_its_outbox_item(
    seeded: Path,
) -> None:
    db = seeded.parent / "data" / "kiosk.db"
    rng = random.Random(6)
    total = 0
    for _ in range(6):
        child = Child("checkouts", str(seeded), "1000000")
        try:
            child.wait_line("start")
            child.kill_after(rng.uniform(0.05, 0.8))
            acked = acknowledged(child)
        finally:
            child.close()
        assert integrity(db) == "ok"
        loans = scalar(db, LOANS)
        checkouts = scalar(db, QUEUED.format(kind="sip2_checkout"))
        checkins = scalar(db, QUEUED.format(kind="sip2_checkin"))
        assert loans == checkouts, "a loan without its outbox item, or an item without its loan"
        assert checkins <= checkouts
        done = checkouts + checkins - total
        assert acked <= done <= acked + 1, "an acknowledged loan or return was lost"
        total = checkouts + checkins
    assert total > 0

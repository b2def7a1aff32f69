"""The verifier upgrade goes through the patrons in id order from where it stopped (issue 18):
before, every batch of four read from the first row past all those already upgraded, which at a
million patrons cost more than the hashing. A pass that reaches the end starts again, so a row
a sync made fast again behind the cursor is upgraded on the next pass."""

from __future__ import annotations

from kioskkit import patron
from sqlalchemy import select, text, update

from kiosk.cache.models import Patron
from kiosk.cache.patrons import apply_records
from kiosk.privacy.verifiers import UpgradeCursor, fast_after, upgrade_some_verifiers
from kiosk.services import Services

IDS = [f"10{n:05d}" for n in range(10)]


def _seed(services: Services) -> None:
    records = [patron(patron_id=pid, cpr=None, cards=[{"number": f"33{n:08d}",
                                                        "status": "active"}])
               for n, pid in enumerate(IDS)]
    with services.sessions.begin() as session:
        apply_records(session, records, services.hasher, today=services.clock.now().date())


def _fast(services: Services) -> list[str]:
    with services.sessions() as session:
        return list(session.scalars(select(Patron.patron_id)
                                    .where(Patron.pin_verifier.like("hk1$%"))
                                    .order_by(Patron.patron_id)))


def test_batches_go_on_from_where_the_last_one_stopped(services: Services) -> None:
    _seed(services)
    cursor = UpgradeCursor()
    assert upgrade_some_verifiers(services.sessions, services.hasher, 4, cursor) == 4
    assert (_fast(services), cursor.after) == (IDS[4:], IDS[3])
    # A sync writes a fast verifier again for a patron behind the cursor.
    with services.sessions.begin() as session:
        session.execute(update(Patron).where(Patron.patron_id == IDS[0]).values(
            pin_verifier=services.hasher.fast_verifier(IDS[0], "1234")))
    assert upgrade_some_verifiers(services.sessions, services.hasher, 4, cursor) == 4
    assert _fast(services) == [IDS[0], IDS[8], IDS[9]]
    assert upgrade_some_verifiers(services.sessions, services.hasher, 4, cursor) == 2
    assert cursor.after == ""  # the end of the pass: the next one starts at the first patron
    assert upgrade_some_verifiers(services.sessions, services.hasher, 4, cursor) == 1
    assert _fast(services) == []
    with services.sessions() as session:
        for pid in IDS:
            row = session.get(Patron, pid)
            assert row is not None
            assert row.pin_verifier is not None
            assert services.hasher.verify(row.pin_verifier, pid, "1234")


def test_the_batch_is_found_by_the_id_index_not_by_reading_the_table(
    services: Services,
) -> None:
    query = fast_after(IDS[3], 4).compile(services.engine,
                                          compile_kwargs={"literal_binds": True})
    with services.sessions() as session:
        plan = " ".join(str(row[-1]) for row in session.execute(
            text(f"EXPLAIN QUERY PLAN {query}")))
    assert "USING INDEX" in plan
    assert "patron_id>?" in plan
    assert "TEMP B-TREE" not in plan  # no sort: the index is in id order

"""Full snapshot paging and deltas (block, unblock, deletion, additions) against FakeCentral."""

from __future__ import annotations

import pytest
import requests
from central_kit import POPULATION, SEED, TODAY, FakeControl, MakeClient

from sync.client import Gone, SyncPage, iter_pages
from sync.fakes.central import FakeCentral
from sync.fakes.synthetic import DEMO_PERSONAS, synthetic_patron
from sync.http_client import HttpCentralClient


def full_sync(client: HttpCentralClient, cursor: str | None = None) -> list[SyncPage]:
    return list(iter_pages(client, cursor))


def test_snapshot_pages_cover_the_population_once(client: HttpCentralClient) -> None:
    pages = full_sync(client)

    ids = [r.patron_id for p in pages for r in p.records]
    assert len(pages) == 3  # 50 patrons, 20 a page
    assert [len(p.records) for p in pages] == [20, 20, 10]
    assert len(ids) == len(set(ids)) == POPULATION
    assert all(p.next_page for p in pages[:-1])
    assert pages[-1].next_page is None
    assert pages[-1].cursor == "0"


def test_snapshot_starts_with_the_demo_personas(client: HttpCentralClient) -> None:
    first = client.fetch_page(None, None).records

    assert [r.patron_id for r in first[: len(DEMO_PERSONAS)]] == [
        p.patron_id for p in DEMO_PERSONAS
    ]
    anna = first[0]
    assert anna.name == "Anna Jensen"
    assert anna.pin == "1234"
    assert anna.self_service_opt_in


def test_records_arrive_exactly_as_generated(client: HttpCentralClient) -> None:
    record = full_sync(client)[1].records[5]  # patron index 25
    expected = synthetic_patron(25, SEED, TODAY)

    assert record.patron_id == expected["patron_id"]
    assert record.cpr == expected["cpr"]
    assert record.pin == expected["pin"]
    assert str(record.debt_dkk) == expected["debt_dkk"]


def test_delta_carries_block_unblock_and_deletion(
    client: HttpCentralClient, ctl: FakeControl
) -> None:
    cursor = full_sync(client)[-1].cursor
    ctl.patch("1000001", blocked={"since": "2026-11-20", "reason": "F"})
    ctl.patch("1000002", blocked=None)
    ctl.patch("1000010", deleted=True)

    delta = full_sync(client, cursor)

    by_id = {r.patron_id: r for p in delta for r in p.records}
    assert set(by_id) == {"1000001", "1000002", "1000010"}
    assert by_id["1000001"].blocked is not None
    assert by_id["1000001"].blocked.reason == "F"
    assert by_id["1000002"].blocked is None
    assert by_id["1000010"].deleted
    assert delta[-1].cursor == "3"


def test_delta_sends_each_patron_once_in_its_final_state(
    client: HttpCentralClient, ctl: FakeControl
) -> None:
    ctl.patch("1000001", debt_dkk="10.00")
    ctl.patch("1000001", debt_dkk="20.00")

    records = [r for p in full_sync(client, "0") for r in p.records]

    assert [(r.patron_id, str(r.debt_dkk)) for r in records] == [("1000001", "20.00")]


def test_empty_delta_keeps_the_cursor(client: HttpCentralClient) -> None:
    pages = full_sync(client, "0")

    assert pages == [SyncPage(records=[], next_page=None, cursor="0")]


def test_added_patron_appears_in_delta_and_next_snapshot(
    client: HttpCentralClient, ctl: FakeControl
) -> None:
    new = {**synthetic_patron(3, SEED, TODAY), "patron_id": "X-1", "cards": []}
    ctl.add(new)

    delta = [r.patron_id for p in full_sync(client, "0") for r in p.records]
    snapshot = [r.patron_id for p in full_sync(client) for r in p.records]

    assert delta == ["X-1"]
    assert snapshot[-1] == "X-1"
    assert len(snapshot) == POPULATION + 1


def test_deleted_patron_is_absent_from_the_next_snapshot(
    client: HttpCentralClient, ctl: FakeControl
) -> None:
    ctl.patch("1000005", deleted=True)

    ids = [r.patron_id for p in full_sync(client) for r in p.records]

    assert "1000005" not in ids
    assert len(ids) == POPULATION - 1


def test_snapshot_in_progress_is_not_disturbed_by_changes(
    client: HttpCentralClient, ctl: FakeControl
) -> None:
    first = client.fetch_page(None, None)
    ctl.patch("1000030", deleted=True)  # on a page not fetched yet
    rest = full_sync_from(client, first)

    ids = [r.patron_id for p in [first, *rest] for r in p.records]
    assert "1000030" in ids  # the snapshot is as of its first page...
    assert rest[-1].cursor == "0"  # ...and its cursor says so, so the delta brings the deletion
    delta = full_sync(client, rest[-1].cursor)
    assert [(r.patron_id, r.deleted) for p in delta for r in p.records] == [("1000030", True)]


def full_sync_from(client: HttpCentralClient, page: SyncPage) -> list[SyncPage]:
    pages = []
    while page.next_page is not None:
        page = client.fetch_page(None, page.next_page)
        pages.append(page)
    return pages


def test_delta_pages_when_many_changed(make_client: MakeClient, ctl: FakeControl) -> None:
    client = make_client(page_limit=4)
    for i in range(10):
        ctl.patch(str(1000001 + i), debt_dkk="1.00")

    pages = full_sync(client, "0")

    assert [len(p.records) for p in pages] == [4, 4, 2]
    assert pages[-1].cursor == "10"


def test_expired_page_token_is_gone(client: HttpCentralClient, ctl: FakeControl) -> None:
    first = client.fetch_page(None, None)
    ctl.post("/_fake/expire", {})

    with pytest.raises(Gone, match=r"410.*full sync"):
        client.fetch_page(None, first.next_page)


def test_compacted_cursor_is_gone(client: HttpCentralClient, ctl: FakeControl) -> None:
    ctl.patch("1000001", debt_dkk="1.00")
    ctl.post("/_fake/compact", {})

    with pytest.raises(Gone, match="cursor_expired"):
        client.fetch_page("0", None)
    assert full_sync(client, "1")[-1].cursor == "1"  # the compaction point itself still works


def test_cursor_from_another_server_lifetime_is_gone(client: HttpCentralClient) -> None:
    with pytest.raises(Gone):
        client.fetch_page("999", None)


@pytest.mark.parametrize(
    ("limit", "status", "count"),
    [("0", 400, None), ("abc", 400, None), ("", 400, None), ("5001", 400, None),
     ("7", 200, 7), ("5000", 200, POPULATION)],
    ids=["zero", "not-a-number", "empty", "above-max", "seven", "max"],
)
def test_limit_is_bounded(
    central: FakeCentral, limit: str, status: int, count: int | None
) -> None:
    resp = requests.get(f"{central.url}/v1/patrons", params={"limit": limit}, timeout=5)

    assert resp.status_code == status
    if count is None:
        assert resp.json()["error"] == "invalid_limit"
    else:
        assert len(resp.json()["records"]) == count


def test_client_refuses_a_page_limit_beyond_the_api_maximum() -> None:
    with pytest.raises(ValueError, match=r"page_limit must be 1\.\.5000"):
        HttpCentralClient("http://127.0.0.1:1", page_limit=5001)


def test_the_kiosk_asks_5000_records_a_snapshot_page_and_1000_a_delta_page() -> None:
    """A full snapshot is staged in a file of its own, so its pages may be large (fewer round
    trips, less delay for the door); a delta page is one transaction on the cache, so it stays
    at 1000 (docs/central-api.md "Sizes and time limits")."""
    fake = FakeCentral(6000, seed=SEED, today=TODAY)
    with fake.serve("127.0.0.1", 0) as url, HttpCentralClient(url) as client:
        snapshot = full_sync(client)
        assert [len(p.records) for p in snapshot] == [5000, 1000]
        ctl = FakeControl(url)
        for n in range(1200):
            ctl.patch(str(1000001 + n * 5), debt_dkk="1.00")
        delta = full_sync(client, snapshot[-1].cursor)
        assert [len(p.records) for p in delta] == [1000, 200]

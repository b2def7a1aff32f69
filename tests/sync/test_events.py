"""Event upload: per-item acks, duplicates acknowledged and applied once, rejections parked."""

from __future__ import annotations

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import requests
from central_kit import FakeControl, MakeClient, RecordedSleep

from sync.client import AckStatus, BadPayload, EventItem
from sync.fakes.central import FakeCentral
from sync.http_client import HttpCentralClient

AT = datetime(2026, 11, 21, 12, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))


# docs/central-api.md "Event payloads": what each kind carries.
PAYLOADS: dict[str, dict[str, object]] = {
    "entry": {"at": "2026-11-21T11:00:00+00:00", "mode": "self_service", "reason": "ok",
              "granted": True},
    "checkout": {"patron_id": "1000001", "item_id": "5210098765"},
    "checkin": {"item_id": "5210098765"},
    "renew": {"patron_id": "1000001", "item_id": "5210098765"},
}


def item(kind: str = "entry", **payload: object) -> EventItem:
    return EventItem(str(uuid.uuid4()), kind, AT, {**PAYLOADS[kind], **payload})  # type: ignore[arg-type]


def test_new_items_are_accepted(client: HttpCentralClient, ctl: FakeControl) -> None:
    items = [item("entry"), item("checkout", item_id="5001"), item("checkin"), item("renew")]

    acks = client.upload_events(items)

    assert [a.idempotency_key for a in acks] == [i.idempotency_key for i in items]
    assert all(a.status is AckStatus.ACCEPTED and a.acknowledged for a in acks)
    seen = ctl.events()
    assert seen["received_total"] == seen["applied_total"] == 4
    first = seen["events"][0]
    assert first["occurred_at"] == "2026-11-21T12:00:00+01:00"
    assert first["payload"] == PAYLOADS["entry"]


def test_resent_item_is_a_duplicate_and_applied_once(
    client: HttpCentralClient, ctl: FakeControl
) -> None:
    sent = item()
    client.upload_events([sent])

    again = client.upload_events([sent, item()])

    assert [a.status for a in again] == [AckStatus.DUPLICATE, AckStatus.ACCEPTED]
    assert again[0].acknowledged
    by_key = {e["idempotency_key"]: e for e in ctl.events()["events"]}
    assert by_key[sent.idempotency_key]["received"] == 2
    assert by_key[sent.idempotency_key]["applied"] == 1


def test_lost_reply_is_retried_and_the_effect_happens_once(
    client: HttpCentralClient, ctl: FakeControl, sleeps: RecordedSleep
) -> None:
    sent = [item(), item("checkout")]
    ctl.fault("drop")  # the central applies the upload, then the reply is lost

    acks = client.upload_events(sent)

    assert [a.status for a in acks] == [AckStatus.DUPLICATE, AckStatus.DUPLICATE]
    assert len(sleeps.delays) == 1
    seen = ctl.events()
    assert seen["received_total"] == 4
    assert seen["applied_total"] == 2


def test_rejected_kind_is_parked_with_the_reason(
    client: HttpCentralClient, ctl: FakeControl
) -> None:
    ctl.reject("renew", "renewal_limit", "item renewed too many times")

    acks = client.upload_events([item("entry"), item("renew")])

    assert acks[0].acknowledged
    assert acks[1].status is AckStatus.REJECTED
    assert not acks[1].acknowledged
    assert (acks[1].error, acks[1].message) == ("renewal_limit", "item renewed too many times")


def test_invalid_item_is_rejected_individually(central: FakeCentral) -> None:
    good = item().to_wire()
    naive = {**item().to_wire(), "occurred_at": "2026-11-21T12:00:00"}

    answer = requests.post(f"{central.url}/v1/events", json={"items": [naive, good]}, timeout=5)

    acks = answer.json()["acks"]
    assert [a["status"] for a in acks] == ["rejected", "accepted"]
    assert acks[0]["error"] == "invalid_item"
    assert "offset" in acks[0]["message"]


@pytest.mark.parametrize(
    ("when", "kind", "message"),
    [(datetime(2026, 11, 21, 12, 0), "entry", "needs a time zone"),  # noqa: DTZ001
     (AT, "borrow", "unknown kind 'borrow'")],
    ids=["naive-time", "unknown-kind"],
)
def test_event_item_refuses_what_the_api_would_reject(
    when: datetime, kind: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        EventItem("k1", kind, when, {})  # type: ignore[arg-type]


def test_malformed_upload_request_is_a_400(central: FakeCentral) -> None:
    answer = requests.post(f"{central.url}/v1/events", json={"items": [{"kind": "entry"}]},
                           timeout=5)

    assert answer.status_code == 400
    assert answer.json()["error"] == "invalid_request"


def test_large_uploads_are_split_into_batches(
    client: HttpCentralClient, central: FakeCentral, ctl: FakeControl
) -> None:
    items = [item() for _ in range(1201)]

    acks = client.upload_events(items)

    assert len(acks) == 1201
    assert all(a.status is AckStatus.ACCEPTED for a in acks)
    assert central.requests == 3  # 500 + 500 + 201
    assert ctl.events()["applied_total"] == 1201


def test_nothing_to_send_sends_nothing(client: HttpCentralClient, central: FakeCentral) -> None:
    assert client.upload_events([]) == []
    assert central.requests == 0


@pytest.mark.parametrize(
    ("mode", "message"),
    [("malformed", "expected an object with an 'acks' list"), ("truncated", "malformed JSON")],
)
def test_broken_events_answer_is_bad_payload(
    client: HttpCentralClient, ctl: FakeControl, mode: str, message: str
) -> None:
    ctl.fault(mode)

    with pytest.raises(BadPayload, match=message):
        client.upload_events([item()])


def test_events_upload_respects_auth_and_retries(
    make_client: MakeClient, ctl: FakeControl, sleeps: RecordedSleep
) -> None:
    client = make_client()
    ctl.fault("503", count=2)

    acks = client.upload_events([item()])

    assert acks[0].status is AckStatus.ACCEPTED
    assert len(sleeps.delays) == 2

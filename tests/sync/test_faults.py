"""Every fault the fake central can play gives its typed error, with a clear one-line message."""

from __future__ import annotations

import socket
from datetime import UTC, datetime

import pytest
from central_kit import FakeControl, MakeClient, RecordedSleep

from sync.client import (
    BadPayload,
    BadRecord,
    CentralError,
    ClientError,
    Gone,
    NotJson,
    RateLimited,
    ServerError,
    Timeout,
    Unreachable,
)
from sync.fakes.central import FakeCentral
from sync.http_client import HttpCentralClient


@pytest.mark.parametrize(
    ("mode", "error", "message"),
    [
        ("html", NotJson, r"page 1: expected JSON, got text/html: '<!DOCTYPE html><html>"),
        ("truncated", BadPayload, r"page 1: malformed JSON \(truncated\)"),
        ("malformed", BadPayload, r"page 1: 'records' must be a list, got dict"),
        ("invalid_record", BadRecord, r"page 1, record 2 \(patron_id 1000003\): birth_date: "),
        ("gone", Gone, r"HTTP 410"),
        ("404", ClientError, r"page 1: HTTP 404: not_found: injected fault"),
    ],
    ids=lambda v: v if isinstance(v, str) and v.isalnum() else None,
)
def test_fault_mode_gives_typed_error(
    client: HttpCentralClient,
    ctl: FakeControl,
    sleeps: RecordedSleep,
    mode: str,
    error: type[CentralError],
    message: str,
) -> None:
    ctl.fault(mode)

    with pytest.raises(error, match=message) as caught:
        client.fetch_page(None, None)

    assert "\n" not in str(caught.value)
    assert sleeps.delays == []  # none of these is retried at once
    assert client.fetch_page(None, None).records  # the next request is fine again


def test_bad_record_names_page_record_and_field(
    client: HttpCentralClient, ctl: FakeControl
) -> None:
    first = client.fetch_page(None, None)
    ctl.fault("invalid_record")

    with pytest.raises(BadRecord) as caught:
        client.fetch_page(None, first.next_page)

    err = caught.value
    assert (err.page, err.index, err.patron_id, err.field) == (2, 2, "1000023", "birth_date")


@pytest.mark.parametrize("mode", ["500", "503", "drop"])
def test_transient_faults_are_retried_with_capped_full_jitter(
    client: HttpCentralClient,
    central: FakeCentral,
    ctl: FakeControl,
    sleeps: RecordedSleep,
    mode: str,
) -> None:
    ctl.fault(mode, count=3)

    page = client.fetch_page(None, None)

    assert len(page.records) == 20
    assert central.requests == 4
    assert len(sleeps.delays) == 3
    for attempt, delay in enumerate(sleeps.delays):
        assert 0 <= delay <= min(300, 0.5 * 2**attempt)


def test_server_error_after_the_last_retry(
    make_client: MakeClient, central: FakeCentral, ctl: FakeControl, sleeps: RecordedSleep
) -> None:
    client = make_client(retries=2)
    ctl.fault("502", count=10)

    with pytest.raises(ServerError, match=r"HTTP 502 \(attempt 3 of 3\)") as caught:
        client.fetch_page(None, None)

    assert caught.value.status == 502
    assert central.requests == 3
    assert len(sleeps.delays) == 2


def test_retry_after_seconds_is_honoured(
    client: HttpCentralClient, ctl: FakeControl, sleeps: RecordedSleep
) -> None:
    ctl.fault("429", count=2, seconds=7)

    client.fetch_page(None, None)

    assert sleeps.delays == [7.0, 7.0]


def test_retry_after_on_503_is_honoured(
    client: HttpCentralClient, ctl: FakeControl, sleeps: RecordedSleep
) -> None:
    ctl.fault("503", seconds=12)

    client.fetch_page(None, None)

    assert sleeps.delays == [12.0]


def test_retry_after_beyond_the_cap_goes_back_to_the_caller(
    make_client: MakeClient, ctl: FakeControl, sleeps: RecordedSleep
) -> None:
    client = make_client(backoff_cap=60)
    ctl.fault("429", seconds=3600)

    with pytest.raises(RateLimited, match="Retry-After 3600 s") as caught:
        client.fetch_page(None, None)

    assert caught.value.retry_after == 3600
    assert sleeps.delays == []


def test_rate_limited_after_retries(
    make_client: MakeClient, ctl: FakeControl, sleeps: RecordedSleep
) -> None:
    client = make_client(retries=1)
    ctl.fault("429", count=5, seconds=1)

    with pytest.raises(RateLimited):
        client.fetch_page(None, None)
    assert sleeps.delays == [1.0]


def test_timeout_when_the_central_is_slow(
    make_client: MakeClient, ctl: FakeControl, sleeps: RecordedSleep
) -> None:
    client = make_client(read_timeout=0.2, retries=1)
    ctl.fault("latency", count=2, seconds=5)

    with pytest.raises(Timeout, match=r"did not answer in time \(connect 3.05 s, read 0.2 s\)"):
        client.fetch_page(None, None)
    assert len(sleeps.delays) == 1


def test_latency_below_the_timeout_is_fine(
    make_client: MakeClient, ctl: FakeControl, sleeps: RecordedSleep
) -> None:
    client = make_client(read_timeout=5)
    ctl.fault("latency", seconds=0.05)

    assert client.fetch_page(None, None).records
    assert sleeps.delays == []


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_refused_connection_is_unreachable(make_client: MakeClient, sleeps: RecordedSleep) -> None:
    client = make_client(base_url=f"http://127.0.0.1:{free_port()}", retries=2)

    with pytest.raises(Unreachable, match="connection refused"):
        client.fetch_page(None, None)
    assert len(sleeps.delays) == 2


def test_unknown_host_is_unreachable(make_client: MakeClient) -> None:
    client = make_client(base_url="http://no-such-host.invalid", retries=0)

    with pytest.raises(Unreachable, match="host name not found"):
        client.fetch_page(None, None)


def test_backoff_delays_grow_and_stay_under_the_cap(
    make_client: MakeClient, ctl: FakeControl, sleeps: RecordedSleep
) -> None:
    client = make_client(retries=12, backoff_base=0.5, backoff_cap=5)
    ctl.fault("500", count=12)

    client.fetch_page(None, None)

    assert len(sleeps.delays) == 12
    assert all(0 <= d <= min(5, 0.5 * 2**i) for i, d in enumerate(sleeps.delays))
    assert max(sleeps.delays[6:]) > 2.5  # full jitter spreads over the whole capped window


def test_retry_after_as_http_date_is_honoured(
    make_client: MakeClient, ctl: FakeControl, sleeps: RecordedSleep
) -> None:
    now = datetime(2026, 11, 21, 11, 0, 0, tzinfo=UTC)
    client = make_client(now=lambda: now)
    ctl.post("/_fake/faults", {"mode": "503", "retry_after": "Sat, 21 Nov 2026 11:00:42 GMT"})

    client.fetch_page(None, None)

    assert sleeps.delays == [42.0]


def test_unparseable_retry_after_falls_back_to_backoff(
    client: HttpCentralClient, ctl: FakeControl, sleeps: RecordedSleep
) -> None:
    ctl.post("/_fake/faults", {"mode": "429", "retry_after": "soon, promise"})

    client.fetch_page(None, None)

    assert len(sleeps.delays) == 1
    assert 0 <= sleeps.delays[0] <= 0.5


def test_stalled_body_is_a_timeout(
    make_client: MakeClient, ctl: FakeControl, sleeps: RecordedSleep
) -> None:
    client = make_client(read_timeout=0.2, retries=0)
    ctl.fault("stall", seconds=5)

    with pytest.raises(Timeout, match="stalled in the middle of an answer"):
        client.fetch_page(None, None)


def test_stalled_body_is_retried(
    make_client: MakeClient, ctl: FakeControl, sleeps: RecordedSleep
) -> None:
    client = make_client(read_timeout=0.2, retries=1)
    ctl.fault("stall", seconds=5)

    assert len(client.fetch_page(None, None).records) == 20
    assert len(sleeps.delays) == 1


@pytest.mark.parametrize(
    "url", ["central.example.org", "ftp://central.example.org", "http://", ""],
)
def test_bad_base_url_is_refused_at_construction(url: str) -> None:
    with pytest.raises(ValueError, match="central url must be"):
        HttpCentralClient(url)

"""No log line or error message of the sync edge carries a record's plaintext CPR or PIN."""

from __future__ import annotations

import logging
import re

import pytest
from central_kit import POPULATION, SEED, TODAY, FakeControl, MakeClient

from sync.client import CentralError, iter_pages
from sync.fakes.synthetic import synthetic_patrons


def secrets_of_population() -> set[str]:
    found: set[str] = set()
    for record in synthetic_patrons(POPULATION, SEED, TODAY):
        found.add(record["pin"])
        if record["cpr"]:
            found.update({record["cpr"], f"{record['cpr'][:6]}-{record['cpr'][6:]}"})
    return found


def test_sync_with_every_fault_logs_no_cpr_or_pin(
    make_client: MakeClient, ctl: FakeControl, caplog: pytest.LogCaptureFixture
) -> None:
    client = make_client(page_limit=7)
    errors: list[str] = []
    with caplog.at_level(logging.DEBUG):
        list(iter_pages(client, None))
        ctl.patch("1000001", blocked={"since": "2026-11-20", "reason": "F"})
        list(iter_pages(client, "0"))
        for mode in ("html", "truncated", "malformed", "invalid_record", "drop", "500", "429"):
            ctl.fault(mode, count=10, seconds=1)
            try:
                client.fetch_page(None, None)
            except CentralError as err:
                errors.append(str(err))
            ctl.fault("none")

    assert caplog.records, "the scan must see log lines to mean anything"
    text = caplog.text + "\n".join(errors) + "".join(repr(r.args) for r in caplog.records)
    leaked = {s for s in secrets_of_population() if re.search(rf"(?<!\d){s}(?!\d)", text)}
    assert leaked == set()


def test_records_do_not_show_cpr_or_pin_in_repr(make_client: MakeClient) -> None:
    page = make_client().fetch_page(None, None)

    shown = repr(page)
    assert page.records[0].cpr
    assert page.records[0].cpr not in shown
    assert "1234" not in shown

"""`kiosk status --json` carries what CONTRACT.md promises: jobs (last success, last error,
next try), faults, pin_verifiers; jobs come from the running kiosk's health file."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from kioskkit import CONTRACT_PATRON, SELF_SERVICE_AT, KioskCli, write_jsonl

from kiosk.clock import FixedClock
from kiosk.health.faults import FaultFile, Faults
from kiosk.health.snapshot import HealthFile
from kiosk.jobs.supervisor import JobReport


def test_status_json_has_jobs_faults_and_pin_verifiers(kiosk: KioskCli, tmp_path: Path) -> None:
    second = {**CONTRACT_PATRON, "patron_id": "1000124", "cpr": None,
              "cards": [{"number": "3300001235", "status": "active"}]}
    assert kiosk("import-patrons", str(write_jsonl(tmp_path / "p.jsonl",
                                                   [CONTRACT_PATRON, second]))).code == 0
    health = HealthFile(tmp_path / "data" / "health.json", FixedClock(SELF_SERVICE_AT))
    sync = JobReport("sync", last_error="OperationalError: database is locked",
                     last_error_at=SELF_SERVICE_AT, failures=2,
                     next_try=SELF_SERVICE_AT + timedelta(seconds=8))
    purge = JobReport("purge", last_success=SELF_SERVICE_AT,
                      next_try=SELF_SERVICE_AT + timedelta(days=1))
    health.set_jobs({"sync": sync.as_json(), "purge": purge.as_json()})
    faults = Faults(FixedClock(SELF_SERVICE_AT), [FaultFile(tmp_path / "data")])
    faults.set("relay", "write timeout")  # published by this (live) process

    status = kiosk("status", "--json").json

    assert status["jobs"]["sync"] == {
        "last_success": None, "last_error": "OperationalError: database is locked",
        "last_error_at": "2026-11-21T12:00:00+01:00", "next_try": "2026-11-21T12:00:08+01:00",
        "failures": 2, "running": False,
    }
    assert status["jobs"]["purge"]["last_success"] == "2026-11-21T12:00:00+01:00"
    assert status["faults"] == [
        {"part": "relay", "since": "2026-11-21T12:00:00+01:00", "message": "write timeout"}]
    assert status["kiosk_running"] is True
    assert status["pin_verifiers"] == {"memory_hard": 0, "fast": 2}


def test_status_without_a_running_kiosk_has_no_jobs(kiosk: KioskCli) -> None:
    status = kiosk("status", "--json").json
    assert status["jobs"] == {}
    assert status["faults"] == []
    assert status["relay_owner"] is None
    assert status["clock_trusted"] is True
    assert status["last_purge"] is None
    assert status["purge_overdue"] is False
    assert status["pin_verifiers"] == {"memory_hard": 0, "fast": 0}


def test_status_shows_the_last_purge_and_that_it_is_overdue(kiosk: KioskCli) -> None:
    # A purge run on 1 June 2025 (--now: a person's statement) and none since: whatever day
    # the test runs on (after the clock's 2025 floor), that is more than a day overdue.
    assert kiosk("purge", "--now", "2025-06-01T03:00").code == 0
    status = kiosk("status", "--json").json
    assert status["last_purge"] == "2025-06-01T03:00:00+02:00"
    assert status["purge_overdue"] is True
    purge_faults = [f for f in status["faults"] if f["part"] == "purge"]
    assert len(purge_faults) == 1
    assert purge_faults[0]["message"].startswith("no purge since 2025-06-01T03:00")


def test_an_untrusted_clock_shows_in_status(kiosk: KioskCli, tmp_path: Path) -> None:
    # The last time the clock was right (kept in data_dir) is far ahead of whatever it says
    # now, in another boot: the clock went back across a restart.
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "clock.json").write_text(json.dumps({
        "trusted": True, "reason": "", "settle_until": None, "untrusted_since": None,
        "anchor": {"wall": "2200-01-01T00:00:00+00:00", "boot_s": 1.0, "boot_id": "gone"},
    }), encoding="utf-8")
    status = kiosk("status", "--json").json
    assert status["clock_trusted"] is False
    clock_faults = [f for f in status["faults"] if f["part"] == "clock"]
    assert len(clock_faults) == 1
    assert "behind the last time it was right" in clock_faults[0]["message"]
    # kiosk purge refuses an untrusted clock; --force is a technician vouching for it.
    refused = kiosk("purge")
    assert refused.code == 1
    assert "clock not trusted" in refused.err
    assert kiosk("purge", "--force").code == 0
    assert kiosk("status", "--json").json["clock_trusted"] is True


"""Issue 16's done-when: `kiosk run` offscreen with metrics on; visits at the door (a serial
reader on a pty), a relay fault (the LCUS board on a pty unplugged) and a reader unplug; each
shows in a scrape of /metrics, /healthz follows, and no CPR, card number or PIN the test used
appears anywhere in what Prometheus gets."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import requests
from kioskkit import CONTRACT_PATRON, REPO, write_config, write_jsonl
from prometheus_client.parser import text_string_to_metric_families
from ptykit import PtyPair, read_available

from kiosk.cli.main import main

TECHNICIAN_CARD = "3300000099"
CPR, CARD, PIN = CONTRACT_PATRON["cpr"], CONTRACT_PATRON["cards"][0]["number"], "1234"
UNKNOWN_CPR = "0101903333"
OFF = bytes.fromhex("A0 01 00 A1")


def wait_until(predicate: Callable[[], bool], timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    tick = threading.Event()
    while not predicate():
        if time.monotonic() > deadline:
            return False
        tick.wait(0.1)
    return True


def samples(url: str, bodies: list[str]) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    body = requests.get(f"{url}/metrics", timeout=5).text
    bodies.append(body)
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(body) for s in family.samples}


def test_kiosk_run_exports_visits_a_relay_fault_and_a_reader_unplug(tmp_path: Path) -> None:
    relay, reader = PtyPair.open(), PtyPair.open()
    extra = f'\n[readers.door]\ndriver = "serial"\nport = "{reader.path}"\n'
    config = write_config(tmp_path, extra)
    assert main(["--config", str(config), "import-patrons",
                 str(write_jsonl(tmp_path / "p.jsonl", [CONTRACT_PATRON]))]) == 0
    log_path = tmp_path / "kiosk.log"
    args = [sys.executable, "-m", "kiosk", "--config", str(config),
            "--set", 'relay.driver="lcus"', "--set", f'relay.port="{relay.path}"',
            "--set", "relay.pulse_seconds=0.3", "--set", 'kiosk.mode="door"',
            "--set", 'kiosk.id="solrod-door-1"',
            "--set", f'access.technician_cards=["{TECHNICIAN_CARD}"]',
            "--set", "metrics.enabled=true", "--set", 'metrics.listen="127.0.0.1:0"',
            "--set", 'logging.format="json"', "--set", 'logging.level="info"', "run"]
    bodies: list[str] = []
    with log_path.open("w") as log:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
        kiosk = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=REPO)
    try:
        url_of = re.compile(r"metrics on (http://127\.0\.0\.1:\d+)/metrics")
        assert wait_until(lambda: bool(url_of.search(log_path.read_text()))), log_path.read_text()
        match = url_of.search(log_path.read_text())
        assert match is not None
        url = match.group(1)
        assert wait_until(lambda: samples(url, bodies).get(
            ("kiosk_reader_connected", (("reader", "door"),))) == 1)
        first = samples(url, bodies)
        info = [k for k in first if k[0] == "kiosk_info"]
        assert ("kiosk", "solrod-door-1") in info[0][1]
        assert requests.get(f"{url}/healthz", timeout=5).status_code == 200
        # The supervised jobs and the clock verdict reach the metrics (the clock job runs
        # first, at start-up).
        clock_job = ("kiosk_last_success_timestamp_seconds", (("job", "clock"),))
        assert wait_until(lambda: clock_job in samples(url, bodies))
        assert samples(url, bodies)[("kiosk_clock_trusted", ())] == 1

        # Visits: an unknown card (refused whatever the hour: unknown or outside hours), then a
        # technician (let in at any hour: the relay pulses).
        os.write(reader.master, UNKNOWN_CPR.encode() + b"\r")
        assert wait_until(lambda: _count(samples(url, bodies), granted="false") == 1)
        os.write(reader.master, TECHNICIAN_CARD.encode() + b"\r")
        assert wait_until(lambda: _count(samples(url, bodies), reason="ok") == 1)
        assert read_available(relay.master, quiet=1.0).endswith(OFF)  # the pulse ended
        visits = samples(url, bodies)
        assert visits[("kiosk_decision_seconds_count", ())] == 2
        assert visits[("kiosk_occupancy_entries", ())] >= 1

        relay.close()  # the relay board is unplugged: the next grant cannot open the door
        os.write(reader.master, TECHNICIAN_CARD.encode() + b"\r")
        assert wait_until(lambda: samples(url, bodies).get(("kiosk_relay_fault", ())) == 1)
        faulted = samples(url, bodies)
        assert _count(faulted, reason="relay_fault") == 1
        assert faulted[("kiosk_relay_faults_total", ())] == 1
        assert requests.get(f"{url}/healthz", timeout=5).status_code == 503

        reader.close()  # the reader is unplugged
        assert wait_until(lambda: samples(url, bodies).get(
            ("kiosk_reader_connected", (("reader", "door"),))) == 0)
    finally:
        kiosk.send_signal(signal.SIGTERM)
        kiosk.wait(timeout=30)
        relay.close()
        reader.close()
    scraped = "\n".join(bodies)
    for secret in (CPR, CPR[:6] + "-" + CPR[6:], CARD, UNKNOWN_CPR, TECHNICIAN_CARD, PIN,
                   "1000123"):
        assert secret not in scraped, secret
    for line in log_path.read_text().splitlines():
        record = json.loads(line)
        assert record["kiosk"] == "solrod-door-1"
        assert CPR not in line
        assert UNKNOWN_CPR not in line


def _count(scrape: dict[tuple[str, tuple[tuple[str, str], ...]], float], **labels: str) -> float:
    """kiosk_decisions_total summed over the series that carry `labels`."""
    return sum(v for (name, pairs), v in scrape.items()
               if name == "kiosk_decisions_total" and set(labels.items()) <= set(pairs))

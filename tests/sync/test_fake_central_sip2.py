"""`--sip2-port`: the fake ACS beside the HTTP fake, same personas, faults over /_fake/faults."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from sync.fakes.central import FakeCentral, start_sip2_fake
from sync.fakes.synthetic import DEMO_PERSONAS
from sync.sip2 import Sip2Client, Sip2Error, Sip2Offline


def _post(url: str, body: dict[str, Any]) -> int:
    request = urllib.request.Request(url + "/_fake/faults", json.dumps(body).encode(),
                                     {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as err:
        return err.code


@pytest.fixture
def both() -> Iterator[tuple[str, Any]]:
    central = FakeCentral(20, seed=1)
    url = central.start()
    acs = start_sip2_fake(0, central)
    try:
        yield url, acs
    finally:
        acs.stop()
        central.stop()


def _client(port: int) -> Sip2Client:
    return Sip2Client("127.0.0.1", port, "kiosk", "secret", "DK-761500", timeout_s=0.5,
                      retries=0, reconnect_delay_s=0.0)


def test_demo_persona_logs_in_over_sip2(both: tuple[str, Any]) -> None:
    _url, acs = both
    anna = DEMO_PERSONAS[0]
    with _client(acs.port) as client:
        info = client.patron_information(anna.card, anna.pin)
        assert (info.valid_patron, info.valid_password, info.name) == (True, True, anna.name)
        assert client.checkout(anna.card, "5000000011", anna.pin).ok


@pytest.mark.parametrize("mode", ["sip2_offline", "sip2_drop", "sip2_bad_checksum",
                                  "sip2_resend", "sip2_slow"])
def test_sip2_faults_switch_over_http(both: tuple[str, Any], mode: str) -> None:
    url, acs = both
    with _client(acs.port) as client:
        client.login()
        assert _post(url, {"mode": mode, "count": -1, "seconds": 2}) == 200
        expected = Sip2Offline if mode == "sip2_offline" else Sip2Error
        with pytest.raises(expected):
            client.sc_status()
        assert _post(url, {"mode": "none"}) == 200
        assert client.sc_status().online


def test_unknown_sip2_fault_is_a_400(both: tuple[str, Any]) -> None:
    url, _acs = both
    assert _post(url, {"mode": "sip2_explode"}) == 400


def test_cli_serves_sip2_beside_http() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "sync.fakes.central", "--port", "0", "--patrons", "10",
         "--sip2-port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    ) as proc:
        _talk_to(proc)


def _talk_to(proc: subprocess.Popen[str]) -> None:
    try:
        assert proc.stdout is not None
        assert proc.stderr is not None
        url = proc.stdout.readline().strip()
        line = ""
        while not line.startswith("sip2 "):
            line = proc.stderr.readline()
            assert line, "the fake central ended without serving SIP2"
        port = int(line.rsplit(":", 1)[1])
        assert url.startswith("http://127.0.0.1:")
        with _client(port) as client:
            assert client.sc_status().online
            assert _post(url, {"mode": "sip2_offline", "count": 1}) == 200
            with pytest.raises(Sip2Offline):
                client.sc_status()
    finally:
        proc.terminate()
        proc.wait(timeout=10)

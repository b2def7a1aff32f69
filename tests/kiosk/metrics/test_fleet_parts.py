"""The fleet parts `kiosk run` builds: nothing served unless [metrics] enabled (and never for
the demo), and a metrics port already taken leaves the kiosk running without metrics."""

from __future__ import annotations

import logging
import socket
from pathlib import Path

import pytest

from drivers.relays import make_relay
from kiosk.app.fleet import build_fleet
from kiosk.config import load
from kiosk.services import Services


def test_off_unless_enabled_and_never_for_the_demo(services: Services, config_path: Path) -> None:
    relay = make_relay("null")
    try:
        assert build_fleet(load(config_path), services, relay, serve=True).server is None
        on = load(config_path, ["metrics.enabled=true"])
        assert build_fleet(on, services, relay, serve=False).server is None
        assert build_fleet(on, services, relay, serve=True).server is not None
    finally:
        relay.close()


def test_a_taken_port_is_logged_and_the_kiosk_runs_on(
    services: Services, config_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    relay = make_relay("null")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        loaded = load(config_path, ["metrics.enabled=true", f'metrics.listen="127.0.0.1:{port}"'])
        fleet = build_fleet(loaded, services, relay, serve=True)
        with caplog.at_level(logging.ERROR):
            fleet.start()
        fleet.stop()
    relay.close()
    assert fleet.server is None
    assert f"metrics not served on 127.0.0.1:{port}" in caplog.text

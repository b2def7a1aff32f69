"""sd_notify over a real AF_UNIX datagram socket, as systemd listens for it."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.system.watchdog import Notifier


@pytest.fixture
def systemd(tmp_path: Path) -> Iterator[tuple[str, socket.socket]]:
    path = str(tmp_path / "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(5)
    yield path, sock
    sock.close()


def test_ready_and_pings_reach_the_socket(systemd: tuple[str, socket.socket]) -> None:
    path, sock = systemd
    notifier = Notifier({"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "10000000"})
    assert notifier.ping_every_s == 5.0
    assert notifier.ready()
    assert notifier.ping()
    assert notifier.stopping()
    assert [sock.recv(64) for _ in range(3)] == [b"READY=1", b"WATCHDOG=1", b"STOPPING=1"]


def test_outside_systemd_nothing_is_sent() -> None:
    notifier = Notifier({})
    assert not notifier.enabled
    assert notifier.ping_every_s is None
    assert notifier.ping() is False


def test_a_watchdog_meant_for_another_process_is_ignored(
    systemd: tuple[str, socket.socket],
) -> None:
    path, _ = systemd
    other = str(os.getpid() + 1)
    notifier = Notifier({"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "10000000",
                         "WATCHDOG_PID": other})
    assert notifier.ping_every_s is None


def test_the_watchdog_of_the_compositor_that_runs_the_kiosk_is_fed_by_the_kiosk(
    systemd: tuple[str, socket.socket],
) -> None:
    # deploy/systemd/kiosk.service: cage is the main process, `kiosk run` its child.
    path, _ = systemd
    notifier = Notifier({"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "10000000",
                         "WATCHDOG_PID": str(os.getppid())})
    assert notifier.ping_every_s == 5.0


def test_a_vanished_socket_is_logged_not_raised(tmp_path: Path) -> None:
    assert Notifier({"NOTIFY_SOCKET": str(tmp_path / "gone")}).ping() is False


def test_a_listener_that_does_not_read_never_blocks_the_sender(
    systemd: tuple[str, socket.socket],
) -> None:
    path, _ = systemd  # bound but never read: its queue fills after a few datagrams
    notifier = Notifier({"NOTIFY_SOCKET": path})
    results = [notifier.ping() for _ in range(200)]
    assert results[0] is True
    assert results[-1] is False  # dropped, not waited for

"""Discovery of serial ports and input devices, with fake /dev/input trees."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from driverkit import FakeInfo, FakeInputDevice, FakeInputSystem, relink
from evdev import ecodes

from drivers.discovery import list_input_devices, list_serial_ports, looks_like_wedge


def test_list_serial_ports_returns_dataclasses(tmp_path: Path) -> None:
    ports = list_serial_ports(by_id_dir=tmp_path / "by-id")
    assert all(port.device.startswith("/dev/") for port in ports)
    assert all(port.by_id is None for port in ports)


def test_list_input_devices_with_links_and_wedge_detection(
    tmp_path: Path, input_system: FakeInputSystem
) -> None:
    (tmp_path / "by-id").mkdir()
    (tmp_path / "by-path").mkdir()
    wedge = input_system.plug(FakeInputDevice(str(tmp_path / "event3"), name="ACME Wedge"))
    mouse = input_system.plug(
        FakeInputDevice(
            str(tmp_path / "event5"),
            name="Mouse",
            info=FakeInfo(vendor=0x046D, product=0xC077),
            keys=[ecodes.BTN_LEFT, ecodes.BTN_RIGHT],
        )
    )
    relink(tmp_path / "by-id" / "usb-ACME_Wedge_01-event-kbd", wedge.path)
    relink(tmp_path / "by-path" / "pci-0000:00:14.0-usb-0:1:1.0-event-kbd", wedge.path)
    found = list_input_devices(input_system.list_devices, input_system.open_device, tmp_path)
    by_name = {info.name: info for info in found}
    assert by_name["ACME Wedge"].looks_like_wedge
    assert by_name["ACME Wedge"].vid_pid == "0c2e:0b61"
    assert sorted(Path(link).parent.name for link in by_name["ACME Wedge"].links) == [
        "by-id",
        "by-path",
    ]
    assert not by_name["Mouse"].looks_like_wedge
    assert by_name["Mouse"].links == ()
    assert wedge.closed
    assert mouse.closed


def test_unopenable_devices_are_skipped(tmp_path: Path, input_system: FakeInputSystem) -> None:
    def refuse(path: str) -> Any:
        raise PermissionError(13, "Permission denied", path)

    assert list_input_devices(lambda: ["/dev/input/event0"], refuse, tmp_path) == []


def test_without_dev_input_the_list_is_empty(tmp_path: Path) -> None:
    assert list_input_devices(input_dir=tmp_path / "no-input") == []


def test_looks_like_wedge() -> None:
    digits = list(range(ecodes.KEY_1, ecodes.KEY_0 + 1))
    assert looks_like_wedge({ecodes.EV_KEY: [*digits, ecodes.KEY_ENTER]})
    assert not looks_like_wedge({ecodes.EV_KEY: digits})
    assert not looks_like_wedge({})

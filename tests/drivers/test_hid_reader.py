"""HidCardReader with a fake device that follows evdev.InputDevice's interface."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from driverkit import (
    TEST_CPR,
    FakeInfo,
    FakeInputDevice,
    FakeInputSystem,
    Recorder,
    keystrokes,
    relink,
    wait_until,
)

from drivers.hid_reader import HidCardReader, parse_vid_pid
from drivers.types import CardKind, ReaderState


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def start(reader: HidCardReader, recorder: Recorder) -> HidCardReader:
    reader.start(recorder.on_read, recorder.on_status)
    return reader


@pytest.fixture
def by_id(tmp_path: Path, input_system: FakeInputSystem) -> tuple[Path, FakeInputDevice]:
    device = input_system.plug(FakeInputDevice(str(tmp_path / "event3")))
    link = tmp_path / "usb-ACME_Wedge_0001-event-kbd"
    relink(link, device.path)
    return link, device


def hid_reader(device: str, system: FakeInputSystem, **kwargs: object) -> HidCardReader:
    # A second of idle gap, not the shipped 0.1 s: on a loaded machine the reader thread can
    # be held that long between two keys of one read, which split a track (seen in CI).
    kwargs.setdefault("idle_gap_s", 1.0)
    return HidCardReader(
        "hid",
        device,
        reconnect_s=0.05,
        open_device=system.open_device,
        list_devices=system.list_devices,
        **kwargs,  # type: ignore[arg-type]
    )


def test_reads_through_a_by_id_link_while_grabbed(
    by_id: tuple[Path, FakeInputDevice], input_system: FakeInputSystem, recorder: Recorder
) -> None:
    link, device = by_id
    reader = start(hid_reader(str(link), input_system), recorder)
    try:
        assert recorder.wait_state(ReaderState.CONNECTED)
        assert device.grabbed
        device.push(keystrokes(f";92081004{TEST_CPR}1041?"))
        read = recorder.next_read()
        assert (read.reader, read.kind, read.value) == ("hid", CardKind.CPR, TEST_CPR)
    finally:
        reader.stop()
    assert not device.grabbed
    assert device.closed


def test_a_read_without_enter_ends_after_the_idle_gap(
    by_id: tuple[Path, FakeInputDevice], input_system: FakeInputSystem, recorder: Recorder
) -> None:
    link, device = by_id
    reader = start(hid_reader(str(link), input_system, idle_gap_s=0.15), recorder)
    try:
        assert recorder.wait_state(ReaderState.CONNECTED)
        device.push(keystrokes("12345678901234", enter=False))
        assert recorder.no_read(within=0.1)
        assert recorder.next_read().value == "12345678901234"
    finally:
        reader.stop()


def test_reconnects_after_unplug_at_a_new_event_node(
    tmp_path: Path,
    by_id: tuple[Path, FakeInputDevice],
    input_system: FakeInputSystem,
    recorder: Recorder,
) -> None:
    link, first = by_id
    reader = start(hid_reader(str(link), input_system), recorder)
    try:
        assert recorder.wait_state(ReaderState.CONNECTED)
        first.push(keystrokes("11112222333344"))
        assert recorder.next_read().value == "11112222333344"
        first.push(keystrokes("99", enter=False))  # half a read is lost with the device ...
        input_system.unplug(first.path)
        assert recorder.wait_state(ReaderState.DISCONNECTED, timeout=2.0)
        second = input_system.plug(FakeInputDevice(str(tmp_path / "event7")))
        relink(link, second.path)
        assert recorder.wait_state(ReaderState.CONNECTED, count=2, timeout=2.0)
        assert second.grabbed
        second.push(keystrokes("12345678901234"))
        # ... and not glued to this one. (If the idle gap ended "99" before the unplug landed,
        # it arrives as an unreadable read first: that is not a glued read, skip it.)
        read = recorder.next_read()
        if read.kind is CardKind.UNKNOWN:
            read = recorder.next_read()
        assert read.value == "12345678901234"
    finally:
        reader.stop()
    assert first.closed
    assert second.closed
    assert not second.grabbed


def test_finds_a_device_by_vendor_product_and_phys(
    tmp_path: Path, input_system: FakeInputSystem, recorder: Recorder
) -> None:
    other = input_system.plug(FakeInputDevice(str(tmp_path / "event1"), phys="usb-1/input0"))
    wanted = input_system.plug(FakeInputDevice(str(tmp_path / "event2"), phys="usb-2/input0"))
    input_system.plug(
        FakeInputDevice(str(tmp_path / "event0"), info=FakeInfo(vendor=0x046D, product=0xC31C))
    )
    reader = start(hid_reader("0c2e:0b61", input_system, phys="usb-2/input0"), recorder)
    try:
        assert recorder.wait_state(ReaderState.CONNECTED)
        assert wanted.grabbed
        assert not other.grabbed
        assert other.closed  # probed and let go
        wanted.push(keystrokes("12345678901234"))
        assert recorder.next_read().value == "12345678901234"
    finally:
        reader.stop()


def test_a_device_grabbed_by_someone_else_is_an_error_and_retried(
    by_id: tuple[Path, FakeInputDevice], input_system: FakeInputSystem, recorder: Recorder
) -> None:
    link, device = by_id
    other = device.open()
    other.grab()  # another process holds it
    reader = start(hid_reader(str(link), input_system), recorder)
    try:
        assert recorder.wait_state(ReaderState.ERROR)
        assert "busy" in recorder.statuses[0].detail.lower()
        other.ungrab()
        other.close()
        assert recorder.wait_state(ReaderState.CONNECTED, timeout=2.0)
        assert device.grabbed
    finally:
        reader.stop()
    assert not device.grabbed


def test_grab_is_released_when_the_callback_raises(
    by_id: tuple[Path, FakeInputDevice], input_system: FakeInputSystem, recorder: Recorder
) -> None:
    link, device = by_id
    calls: list[int] = []

    def broken(read: object) -> None:
        calls.append(1)
        raise RuntimeError("app bug")

    reader = hid_reader(str(link), input_system)
    reader.start(broken, recorder.on_status)
    try:
        assert recorder.wait_state(ReaderState.CONNECTED)
        device.push(keystrokes("12345678901234"))
        assert wait_until(lambda: calls == [1])
        assert device.grabbed  # still reading, the reader survived
    finally:
        reader.stop()
    assert not device.grabbed


def test_no_cpr_in_logs(
    by_id: tuple[Path, FakeInputDevice],
    input_system: FakeInputSystem,
    recorder: Recorder,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    link, device = by_id
    reader = start(hid_reader(str(link), input_system), recorder)
    try:
        assert recorder.wait_state(ReaderState.CONNECTED)
        device.push(keystrokes(TEST_CPR) + keystrokes("170590-1234"))
        recorder.next_read()
        recorder.next_read()
    finally:
        reader.stop()
    assert "hid read" in caplog.text
    assert TEST_CPR not in caplog.text
    assert "170590-1234" not in caplog.text


def test_parse_vid_pid() -> None:
    assert parse_vid_pid("0C2E:0b61") == (0x0C2E, 0x0B61)
    assert parse_vid_pid("/dev/input/event3") is None


def test_unknown_layout_is_rejected() -> None:
    with pytest.raises(ValueError, match="layout"):
        HidCardReader("hid", "/dev/input/event0", layout="klingon")

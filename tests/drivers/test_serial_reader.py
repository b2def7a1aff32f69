"""SerialCardReader on real pseudo-terminals: the test writes on the master side."""

from __future__ import annotations

import logging
import os
import select
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from driverkit import TEST_CPR, PtyPair, Recorder, relink, wait_until, write_all

from drivers.serial_reader import SerialCardReader
from drivers.types import CardKind, ReaderState

STRIPE = (
    b"%DOE^JOHN JOHNNY                   ]L\\KKE ALLE 7 3                   4615000?"
    b";9208100401017023451041173083461010814?"
)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def reader(pty_pair: PtyPair, recorder: Recorder) -> Iterator[SerialCardReader]:
    reader = SerialCardReader("door", pty_pair.path, idle_gap_s=0.1, reconnect_s=0.1)
    reader.start(recorder.on_read, recorder.on_status)
    assert recorder.wait_state(ReaderState.CONNECTED)
    yield reader
    reader.stop()


def test_magstripe_with_stx_etx_gives_the_cpr_from_track_2(
    reader: SerialCardReader, pty_pair: PtyPair, recorder: Recorder
) -> None:
    write_all(pty_pair.master, b"\x02" + STRIPE + b"\r\x03")
    read = recorder.next_read()
    assert (read.reader, read.kind, read.value) == ("door", CardKind.CPR, "0101702345")
    assert read.masked == "010170-****"


@pytest.mark.parametrize("suffix", [b"\r", b"\r\n", b"\n", b""], ids=["cr", "crlf", "lf", "none"])
def test_barcode_with_each_suffix(
    reader: SerialCardReader, pty_pair: PtyPair, recorder: Recorder, suffix: bytes
) -> None:
    write_all(pty_pair.master, b"12345678901234" + suffix)
    read = recorder.next_read()
    assert (read.kind, read.value) == (CardKind.CARD, "12345678901234")
    # The next card is read on its own: no empty or merged read from the suffix.
    write_all(pty_pair.master, b"43210987654321" + suffix)
    assert recorder.next_read().value == "43210987654321"
    assert recorder.reads.empty()


def test_read_without_suffix_waits_for_the_idle_gap(
    reader: SerialCardReader, pty_pair: PtyPair, recorder: Recorder
) -> None:
    written = time.monotonic()
    write_all(pty_pair.master, TEST_CPR.encode())
    read = recorder.next_read()
    assert time.monotonic() - written >= 0.09
    assert (read.kind, read.value) == (CardKind.CPR, TEST_CPR)


def test_a_read_split_across_writes_is_one_read(pty_pair: PtyPair, recorder: Recorder) -> None:
    reader = SerialCardReader("door", pty_pair.path, idle_gap_s=0.5)
    reader.start(recorder.on_read, recorder.on_status)
    try:
        assert recorder.wait_state(ReaderState.CONNECTED)
        write_all(pty_pair.master, STRIPE[:50])
        assert recorder.no_read(within=0.15)
        write_all(pty_pair.master, STRIPE[50:100])
        assert recorder.no_read(within=0.15)
        write_all(pty_pair.master, STRIPE[100:] + b"\r")
        assert recorder.next_read().value == "0101702345"
    finally:
        reader.stop()


@pytest.mark.parametrize(
    "garbage",
    [bytes(range(0x80, 0x100)), b"\x00\xff\xfe;;;??%%", b"12345", "æøå".encode(), b"%E?;E?"],
    ids=["high-bytes", "binary", "too-short", "utf8", "bad-tracks"],
)
def test_garbage_is_an_unknown_read(
    reader: SerialCardReader, pty_pair: PtyPair, recorder: Recorder, garbage: bytes
) -> None:
    write_all(pty_pair.master, garbage + b"\r")
    read = recorder.next_read()
    assert (read.kind, read.value) == (CardKind.UNKNOWN, "")


def test_a_10kB_line_is_one_unknown_read_and_reading_goes_on(
    reader: SerialCardReader, pty_pair: PtyPair, recorder: Recorder
) -> None:
    write_all(pty_pair.master, b";9208100401017023451041?" + b"7" * 10_000 + b"\r")
    assert recorder.next_read().kind is CardKind.UNKNOWN
    write_all(pty_pair.master, b"12345678901234\r")
    assert recorder.next_read().value == "12345678901234"
    assert recorder.reads.empty()


def test_reconnects_after_unplug_and_delivers_the_next_read(
    tmp_path: Path, recorder: Recorder
) -> None:
    link = tmp_path / "usb-Reader_1234-if00-port0"
    first = PtyPair.open()
    relink(link, first.path)
    reader = SerialCardReader("door", str(link), reconnect_s=0.1)
    reader.start(recorder.on_read, recorder.on_status)
    second: PtyPair | None = None
    try:
        assert recorder.wait_state(ReaderState.CONNECTED)
        write_all(first.master, b"12345678901234\r")
        assert recorder.next_read().value == "12345678901234"

        first.close()  # unplugged: the tty goes away under the open port
        assert recorder.wait_state(ReaderState.DISCONNECTED, timeout=2.0)

        second = PtyPair.open()  # replugged: udev points the by-id link at the new node
        relink(link, second.path)
        replugged = time.monotonic()
        assert recorder.wait_state(ReaderState.CONNECTED, count=2, timeout=2.0)
        assert time.monotonic() - replugged <= 2.0
        write_all(second.master, b"43210987654321\r")
        assert recorder.next_read().value == "43210987654321"
        # Disconnection is reported once, however many reopen attempts failed.
        assert recorder.states == [
            ReaderState.CONNECTED,
            ReaderState.DISCONNECTED,
            ReaderState.CONNECTED,
        ]
    finally:
        reader.stop()
        first.close()
        if second is not None:
            second.close()


def test_a_missing_port_is_reported_once_and_picked_up_when_it_appears(
    tmp_path: Path, recorder: Recorder
) -> None:
    link = tmp_path / "not-yet"
    reader = SerialCardReader("door", str(link), reconnect_s=0.05)
    reader.start(recorder.on_read, recorder.on_status)
    pair = PtyPair.open()
    try:
        assert recorder.wait_state(ReaderState.DISCONNECTED)
        assert not wait_until(lambda: len(recorder.statuses) > 1, timeout=0.5)
        relink(link, pair.path)
        assert recorder.wait_state(ReaderState.CONNECTED, timeout=2.0)
    finally:
        reader.stop()
        pair.close()


def test_a_failing_callback_does_not_kill_the_reader(
    reader: SerialCardReader, pty_pair: PtyPair, recorder: Recorder
) -> None:
    calls: list[str] = []

    def explode(read: object) -> None:
        calls.append("x")
        raise RuntimeError("bug in the app")

    reader._on_read = explode  # the callback given to start(); replaced to inject the bug
    write_all(pty_pair.master, b"12345678901234\r")
    assert wait_until(lambda: calls == ["x"])
    reader._on_read = recorder.on_read
    write_all(pty_pair.master, b"43210987654321\r")
    assert recorder.next_read().value == "43210987654321"


def test_logs_never_contain_a_cpr(
    pty_pair: PtyPair, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    reader = SerialCardReader("door", pty_pair.path)
    reader.start(recorder.on_read, recorder.on_status)
    try:
        assert recorder.wait_state(ReaderState.CONNECTED)
        for raw in (TEST_CPR, "170590-1234", f"%X^Y?;9208100401{TEST_CPR}1041?", f"{TEST_CPR}x"):
            write_all(pty_pair.master, raw.encode() + b"\r")
            recorder.next_read()
    finally:
        reader.stop()
    assert "door read" in caplog.text  # the reads were logged, masked
    assert TEST_CPR not in caplog.text
    assert "170590-1234" not in caplog.text


def test_stop_closes_the_port(pty_pair: PtyPair, recorder: Recorder) -> None:
    reader = SerialCardReader("door", pty_pair.path)
    reader.start(recorder.on_read, recorder.on_status)
    assert recorder.wait_state(ReaderState.CONNECTED)
    reader.stop()
    # With the port closed and the slave fd closed, the master sees the hang-up (EIO).
    os.close(pty_pair.slave)
    pty_pair.slave = -1
    readable, _, _ = select.select([pty_pair.master], [], [], 2.0)
    assert readable, "the reader still holds the port open"
    with pytest.raises(OSError, match="Input/output error"):
        os.read(pty_pair.master, 1)


def test_rejects_an_unknown_encoding() -> None:
    with pytest.raises(LookupError):
        SerialCardReader("door", "/dev/null", encoding="no-such-codec")

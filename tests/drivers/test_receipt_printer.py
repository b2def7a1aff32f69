"""ESC/POS receipts: the exact bytes, and a print over a real pty."""

from __future__ import annotations

import os
import select

import pytest
import serial
from driverkit import PtyPair

from drivers.receipt_printer import (
    BOLD_OFF,
    BOLD_ON,
    CENTER,
    FEED_AND_CUT,
    INIT,
    LEFT,
    EscPosPrinter,
    render,
)


def test_render_bytes() -> None:
    data = render(["Solrød Bibliotek", "Lånt: Kaffe og kager", "", "Tak"], width=42)
    assert data == (
        INIT + b"\x1bt\x05" + CENTER + BOLD_ON + b"Solr\x9bd Bibliotek\n" + BOLD_OFF + LEFT
        + b"L\x86nt: Kaffe og kager\n" + b"\n" + b"Tak\n" + FEED_AND_CUT
    )


def test_long_lines_wrap_with_an_indent() -> None:
    data = render(["B", "Lånt: " + "ord " * 20], width=20, encoding="cp850")
    body = data.split(LEFT, 1)[1].removesuffix(FEED_AND_CUT).decode("cp850")
    assert all(len(line) <= 20 for line in body.splitlines())
    assert body.splitlines()[1].startswith("  ")


def test_unknown_encoding_is_refused() -> None:
    with pytest.raises(ValueError, match="cp865"):
        EscPosPrinter("loop://", encoding="latin-1")


def _read_all(fd: int, want: int) -> bytes:
    got = b""
    while len(got) < want:
        ready, _, _ = select.select([fd], [], [], 2.0)
        assert ready, f"printer sent {len(got)} of {want} bytes"
        got += os.read(fd, 4096)
    return got


def test_print_on_a_pty(pty_pair: PtyPair) -> None:
    # Raw mode on the slave so the tty layer passes bytes (\n, 0x1b) through unchanged.
    import tty

    tty.setraw(pty_pair.slave)
    lines = ["Solrød Bibliotek", "23.11.2026 14:30", "Lånt: Kaffe og kager",
             "  Afleveres senest 21.12.2026"]
    EscPosPrinter(pty_pair.path, baudrate=19200).print_receipt(lines)
    expected = render(lines)
    assert _read_all(pty_pair.master, len(expected)) == expected


def test_missing_printer_raises_oserror() -> None:
    with pytest.raises(serial.SerialException):
        EscPosPrinter("/dev/nonexistent-printer").print_receipt(["x"])
    assert issubclass(serial.SerialException, OSError)

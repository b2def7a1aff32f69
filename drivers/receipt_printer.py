"""ESC/POS receipt printer on a serial port (Epson TM-T20/TM-T88 and compatibles).

`render()` is pure (lines -> bytes); `EscPosPrinter.print_receipt()` opens the port, writes,
drains and closes, so an unplugged printer costs one failed receipt, never a stuck thread.
Danish letters need a Nordic code page: PC865 (ESC t 5) by default. Nothing from kiosk/ or
sync/; no Qt.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Final

import serial

ESC: Final = b"\x1b"
GS: Final = b"\x1d"
INIT: Final = ESC + b"@"
CENTER: Final = ESC + b"a\x01"
LEFT: Final = ESC + b"a\x00"
BOLD_ON: Final = ESC + b"E\x01"
BOLD_OFF: Final = ESC + b"E\x00"
FEED_AND_CUT: Final = GS + b"V\x42\x03"
"""GS V 66 n: feed n lines past the cutter, then a partial cut."""
CODE_PAGES: Final[dict[str, int]] = {"cp437": 0, "cp850": 2, "cp865": 5, "cp858": 19}
"""Python codec -> ESC t n (Epson numbering)."""


def render(lines: Sequence[str], width: int = 42, encoding: str = "cp865") -> bytes:
    """The bytes of one receipt: first line centred in bold (the branch), the rest wrapped."""
    if encoding not in CODE_PAGES:
        raise ValueError(f"encoding must be one of {', '.join(CODE_PAGES)}, got {encoding!r}")
    out = bytearray(INIT + ESC + b"t" + bytes([CODE_PAGES[encoding]]))
    for index, line in enumerate(lines):
        wrapped = textwrap.wrap(line, width, subsequent_indent="  ") if line.strip() else [""]
        text = "\n".join(wrapped).encode(encoding, errors="replace") + b"\n"
        if index == 0:
            out += CENTER + BOLD_ON + text + BOLD_OFF + LEFT
        else:
            out += text
    out += FEED_AND_CUT
    return bytes(out)


class EscPosPrinter:
    """A receipt printer on `port` (device path or pyserial URL); prefer /dev/serial/by-id/."""

    def __init__(
        self, port: str, baudrate: int = 9600, width: int = 42, encoding: str = "cp865",
        timeout_s: float = 5.0,
    ) -> None:
        render([], width, encoding)  # a bad encoding fails at start-up, not at the first loan
        self.port, self.baudrate = port, baudrate
        self.width, self.encoding = width, encoding
        self.timeout_s = timeout_s

    def print_receipt(self, lines: Sequence[str]) -> None:
        """Raises OSError (serial.SerialException is one) when the printer is not there."""
        data = render(lines, self.width, self.encoding)
        with serial.serial_for_url(self.port, baudrate=self.baudrate,
                                   write_timeout=self.timeout_s, timeout=self.timeout_s,
                                   rtscts=False) as port:
            port.write(data)
            port.flush()

"""Pure byte framing for line-based serial readers (reference/protocols.md §E.3).

A frame ends at CR, LF or CRLF, or after `idle_gap_s` of silence for readers that send no
suffix. STX/ETX/ESC are dropped wherever they appear. No I/O, no threads; nothing from kiosk/.
"""

from __future__ import annotations

from typing import Final

STX: Final = 0x02
ETX: Final = 0x03
ESC: Final = 0x1B
_DROPPED: Final = bytes((STX, ETX, ESC))
_TERMINATORS: Final = frozenset(b"\r\n")

DEFAULT_IDLE_GAP_S: Final = 0.1
# A sundhedskort sends 116 characters for both tracks; 1 kB leaves room for any real reader
# and keeps a stuck or babbling device from growing memory without bound.
DEFAULT_MAX_FRAME: Final = 1024


class LineFramer:
    """Turns a byte stream into frames. Feed it whatever `read()` returned, with the time.

    An overlong line is cut at `max_frame` bytes and the rest of it, up to its terminator (or
    silence), is discarded: the caller gets one frame of exactly `max_frame` bytes, which the
    parser treats as garbage. Empty frames (a lone LF after CR, a CR flood) are never returned.
    """

    def __init__(
        self, idle_gap_s: float = DEFAULT_IDLE_GAP_S, max_frame: int = DEFAULT_MAX_FRAME
    ) -> None:
        if idle_gap_s <= 0:
            raise ValueError(f"idle_gap_s must be > 0, got {idle_gap_s!r}")
        if max_frame < 1:
            raise ValueError(f"max_frame must be >= 1, got {max_frame!r}")
        self.idle_gap_s: Final = idle_gap_s
        self.max_frame: Final = max_frame
        self._buf = bytearray()
        self._overflowed = False
        self._last_at: float | None = None

    @property
    def pending(self) -> bool:
        """True while part of a frame has been received but not returned."""
        return bool(self._buf) or self._overflowed

    def deadline(self) -> float | None:
        """When `flush_idle` will return the pending frame, or None if nothing is pending."""
        if not self.pending or self._last_at is None:
            return None
        return self._last_at + self.idle_gap_s

    def feed(self, data: bytes, at: float) -> list[bytes]:
        """Add received bytes; return the frames they completed, oldest first."""
        frames: list[bytes] = []
        if not data:
            return frames
        # A frame that went silent before this chunk arrived ended by silence.
        stale = self.flush_idle(at)
        if stale is not None:
            frames.append(stale)
        for byte in data.translate(None, _DROPPED):
            if byte in _TERMINATORS:
                frame = self._take()
                if frame:
                    frames.append(frame)
            elif len(self._buf) < self.max_frame:
                self._buf.append(byte)
            else:
                self._overflowed = True
        if self.pending:
            self._last_at = at
        return frames

    def flush_idle(self, at: float) -> bytes | None:
        """The pending frame if the line has been silent for `idle_gap_s`, else None."""
        deadline = self.deadline()
        if deadline is None or at < deadline:
            return None
        return self._take() or None

    def reset(self) -> None:
        """Forget a partial frame (after a reconnect the rest of it will never come)."""
        self._take()

    def _take(self) -> bytes:
        frame = bytes(self._buf)
        self._buf.clear()
        self._overflowed = False
        self._last_at = None
        return frame

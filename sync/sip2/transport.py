"""SIP2 byte transport: a pure CR framer and a thin socket wrapper with deadlines.

reference/protocols.md §A.1. Standard library only (socket, ssl). The framer is fed bytes and
returns whole messages; the socket wrapper only reads, feeds and sends.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import time
from collections.abc import Callable
from typing import Final

RECV_BYTES: Final = 4096
MAX_FRAME_BYTES: Final = 64 * 1024  # far above any real message; stops an endless stream


class FrameTooLong(ValueError):
    """More than MAX_FRAME_BYTES without a CR: the peer is not speaking SIP2."""


class CrFramer:
    """Split a byte stream into messages on CR; a LF right after the CR (CRLF) is dropped."""

    def __init__(self, max_bytes: int = MAX_FRAME_BYTES) -> None:
        self._buffer = bytearray()
        self._max = max_bytes

    def feed(self, data: bytes) -> list[bytes]:
        """Complete frames (without CR, leading LF removed) found after adding `data`."""
        self._buffer += data
        frames: list[bytes] = []
        while (end := self._buffer.find(b"\r")) >= 0:
            frame = bytes(self._buffer[:end]).lstrip(b"\n")
            del self._buffer[: end + 1]
            if frame:
                frames.append(frame)
        if len(self._buffer) > self._max:
            self._buffer.clear()
            raise FrameTooLong(f"no CR within {self._max} bytes")
        return frames

    def clear(self) -> None:
        self._buffer.clear()


Connector = Callable[[], socket.socket]


def tcp_connector(
    host: str, port: int, timeout_s: float, tls: ssl.SSLContext | None = None
) -> Connector:
    """Factory that opens a TCP (optionally TLS) connection with a connect timeout."""

    def connect() -> socket.socket:
        sock = socket.create_connection((host, port), timeout=timeout_s)
        if tls is None:
            return sock
        try:
            return tls.wrap_socket(sock, server_hostname=host)
        except BaseException:
            sock.close()
            raise

    return connect


class Link:
    """One open connection: send bytes, read the next frame before a deadline.

    Raises TimeoutError when no frame arrives in time, ConnectionError when the peer closed,
    OSError for anything else the socket reports (the client reconnects on all of them).
    """

    def __init__(self, sock: socket.socket, send_timeout_s: float = 5.0) -> None:
        self._sock = sock
        self._send_timeout = send_timeout_s
        self._framer = CrFramer()
        self._ready: list[bytes] = []

    def send(self, data: bytes) -> None:
        self._sock.settimeout(self._send_timeout)
        self._sock.sendall(data)

    def read_frame(self, timeout_s: float) -> bytes:
        deadline = time.monotonic() + timeout_s
        while not self._ready:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no SIP2 message within {timeout_s:.1f} s")
            self._sock.settimeout(remaining)
            try:
                chunk = self._sock.recv(RECV_BYTES)
            except TimeoutError:  # socket.timeout is TimeoutError since 3.10
                continue
            if not chunk:
                raise ConnectionError("the ACS closed the connection")
            try:
                self._ready.extend(self._framer.feed(chunk))
            except FrameTooLong as err:
                raise ConnectionError(str(err)) from err
        return self._ready.pop(0)

    def discard_pending(self) -> int:
        """Drop frames already received (late answers to an earlier, resent request)."""
        dropped = len(self._ready)
        self._ready.clear()
        self._sock.settimeout(0.0)
        try:
            while chunk := self._sock.recv(RECV_BYTES):
                dropped += len(self._framer.feed(chunk))
        except (BlockingIOError, ssl.SSLWantReadError, TimeoutError):
            pass
        self._framer.clear()
        return dropped

    def close(self) -> None:
        with contextlib.suppress(OSError):  # already gone; nothing to release
            self._sock.close()

"""FakeAcs: a loopback SIP2 server over FakeLibrary, with fault switches for tests and the demo.

Standard library only (socketserver, threading, ssl). Binds 127.0.0.1:0 by default. Faults can
be switched from any thread with `set_fault(mode, count, seconds)`; the fake central's HTTP
`/_fake/faults` endpoint is meant to call exactly that.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import socketserver
import ssl
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Any, Final

from sync.sip2 import acs_messages as acs
from sync.sip2.codec import Message, decode, encode, mask
from sync.sip2.dates import LOCAL_TZ
from sync.sip2.errors import Sip2ChecksumError, Sip2DecodeError
from sync.sip2.fakes.library import FakeLibrary
from sync.sip2.fakes.library_data import FakeItem
from sync.sip2.sc_messages import request_sc_resend
from sync.sip2.transport import CrFramer, FrameTooLong

log = logging.getLogger(__name__)

# slow: wait `seconds` before answering; drop: close without answering; bad_checksum: answer
# with a corrupted AZ; resend: answer 96; offline: answer 98 with online N (login still works).
FAULT_MODES: Final = ("slow", "drop", "bad_checksum", "resend", "offline")
FOREVER: Final = -1
POLL_S: Final = 0.1


@dataclass
class Fault:
    remaining: int  # answers still affected; FOREVER until cleared
    seconds: float = 0.0


@dataclass
class _Session:
    logged_in: bool = False
    last: tuple[Message, int | None] | None = None  # last answer and the AY it echoed


class FakeAcs:
    """In-process SIP2 ACS. Use as a context manager or call start()/stop().

    Records what happened for tests: `transactions` (circulation attempts), `logins`,
    `received` (command ids in arrival order, 97s included) and `errors` (protocol faults
    of the client: bad checksum, requests before login, unreadable messages).
    """

    def __init__(
        self, patrons: list[Mapping[str, Any]] | None = None, items: list[FakeItem] | None = None,
        *, user: str = "kiosk", password: str = "secret", institution: str = "DK-761500",
        error_detection: bool = True, encoding: str = "utf-8", host: str = "127.0.0.1",
        port: int = 0, now: Callable[[], datetime] | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self._now = now or (lambda: datetime.now(LOCAL_TZ))
        self.library = FakeLibrary.create(institution, self._now, patrons, items)
        self.user, self.password = user, password
        self.error_detection, self.encoding = error_detection, encoding
        self.faults: dict[str, Fault] = {}
        self.logins = 0
        self.received: list[str] = []
        self.errors: list[str] = []
        self._address = (host, port)
        self._ssl = ssl_context
        self._lock = threading.Lock()  # library state, faults and the records above
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def transactions(self) -> list[dict[str, Any]]:
        return self.library.transactions

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("FakeAcs is not started")
        return int(self._server.server_address[1])

    # --- faults --------------------------------------------------------------------------

    def set_fault(self, mode: str, count: int = 1, seconds: float = 0.0) -> None:
        """Affect the next `count` answers (FOREVER = -1 until cleared; 0 clears the mode)."""
        if mode not in FAULT_MODES:
            raise ValueError(f"unknown fault {mode!r}; one of {', '.join(FAULT_MODES)}")
        with self._lock:
            if count == 0:
                self.faults.pop(mode, None)
            else:
                self.faults[mode] = Fault(count, seconds)

    def clear_faults(self) -> None:
        with self._lock:
            self.faults.clear()

    def _take_fault(self, mode: str) -> Fault | None:
        with self._lock:
            fault = self.faults.get(mode)
            if fault is None:
                return None
            if fault.remaining > 0:
                fault.remaining -= 1
                if fault.remaining == 0:
                    del self.faults[mode]
            return fault

    # --- lifecycle -----------------------------------------------------------------------

    def start(self) -> FakeAcs:
        self._stopping.clear()
        self._server = _Server(self._address, _Handler, self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
            name="fake-acs", daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop accepting, cut open connections, wait for every handler thread to end."""
        self._stopping.set()
        if self._server is None:
            return
        self._server.shutdown()
        with self._lock:
            for conn in list(self._connections):
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)
        self._server.server_close()  # joins handler threads (block_on_close)
        if self._thread is not None:
            self._thread.join()
        self._server = self._thread = None

    def __enter__(self) -> FakeAcs:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- one connection ------------------------------------------------------------------

    def serve_connection(self, sock: socket.socket) -> None:
        """Read frames and answer them until the client leaves, a drop fault, or stop()."""
        framer, session = CrFramer(), _Session()
        try:
            if self._ssl is not None:
                sock.settimeout(2.0)  # a client that never finishes the handshake
                sock = self._ssl.wrap_socket(sock, server_side=True)
            with self._lock:
                self._connections.add(sock)
            sock.settimeout(POLL_S)  # wake up now and then to notice stop()
            while not self._stopping.is_set():
                try:
                    data = sock.recv(4096)
                except TimeoutError:
                    continue
                if not data:
                    return
                for frame in framer.feed(data):
                    if not self._answer(sock, frame, session):
                        return  # "drop" fault, or a client that skipped login
        except (OSError, FrameTooLong):
            return  # client went away, TLS failed, or stop() cut the connection
        finally:
            with self._lock:
                self._connections.discard(sock)
            with contextlib.suppress(OSError):
                sock.close()

    def _answer(self, sock: socket.socket, frame: bytes, session: _Session) -> bool:
        """Answer one frame; False closes the connection."""
        log.debug("fake ACS <- %s", mask(frame.decode(self.encoding, errors="replace")))
        try:
            msg = decode(frame, self.encoding)
        except Sip2ChecksumError:
            self._error("bad checksum from the client")
            return self._send(sock, request_sc_resend(), None, bad=False)  # A.2: ask again
        except Sip2DecodeError as err:
            self._error(f"unreadable request: {err}")
            return True  # A.1: no answer to what we do not understand
        with self._lock:
            self.received.append(msg.command)
        if msg.command == "97":
            if session.last is None:
                return True
            last, seq = session.last
            return self._send(sock, last, seq, bad=self._take_fault("bad_checksum") is not None)
        if self._take_fault("drop") is not None:
            return False
        if (slow := self._take_fault("slow")) is not None:
            self._stopping.wait(slow.seconds)
        if msg.command != "93" and not session.logged_in:
            self._error(f"{msg.command} before login")
            return False
        reply = self._reply(msg, session)
        if reply is None:
            return True  # A.1: unknown command codes get no response
        if reply.command != "96":
            session.last = (reply, msg.seq)
        bad = self._take_fault("bad_checksum") is not None
        return self._send(sock, reply, msg.seq, bad=bad)

    def _reply(self, msg: Message, session: _Session) -> Message | None:
        if msg.command == "93":
            ok = msg.get("CN") == self.user and msg.get("CO") == self.password
            session.logged_in = ok
            with self._lock:
                self.logins += ok
            return acs.login_response(ok)
        if self._take_fault("offline") is not None:
            return acs.acs_status_message(self.library.status(online=False))
        if self._take_fault("resend") is not None:
            return request_sc_resend()
        with self._lock:
            return self.library.handle(msg)

    def _send(self, sock: socket.socket, reply: Message, seq: int | None, *, bad: bool
                    ) -> bool:
        ay = None if reply.command == "96" else seq
        data = encode(reply, ay, self.encoding, error_detection=self.error_detection,
                      escape_pipes=True)
        if bad and self.error_detection:
            wrong = (int(data[-5:-1], 16) + 1) & 0xFFFF
            data = data[:-5] + f"{wrong:04X}\r".encode("ascii")
        log.debug("fake ACS -> %s", mask(data.decode(self.encoding, errors="replace").strip()))
        sock.sendall(data)
        return True

    def _error(self, text: str) -> None:
        log.warning("fake ACS: %s", text)
        with self._lock:
            self.errors.append(text)


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = False  # server_close() joins handlers: no thread outlives stop()
    block_on_close = True

    def __init__(self, address: tuple[str, int], handler: type[_Handler], acs: FakeAcs) -> None:
        self.acs = acs
        super().__init__(address, handler)


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        assert isinstance(self.request, socket.socket)
        self.server.acs.serve_connection(self.request)


__all__ = ["FAULT_MODES", "FOREVER", "FakeAcs", "Fault"]

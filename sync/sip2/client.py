"""Sip2Client: the kiosk's SIP2 connection to the library system (Cicero's ACS), thread-safe.

reference/protocols.md §A.1-A.2, A.7. Standard library only (socket, ssl, threading); no
kiosk/ or drivers/ imports. One lock covers each request/response; the A.2 resend rules are
judged in resend.py; socket errors reconnect and log in again. Log lines show masked text only.
"""

from __future__ import annotations

import logging
import ssl
import threading
from collections.abc import Callable
from datetime import datetime, tzinfo
from decimal import Decimal
from types import TracebackType
from typing import Final, TypeVar

from sync.sip2 import results
from sync.sip2 import sc_messages as sc
from sync.sip2.codec import Message, decode, encode, mask
from sync.sip2.dates import LOCAL_TZ
from sync.sip2.errors import (
    Sip2DecodeError,
    Sip2LinkError,
    Sip2LoginError,
    Sip2Offline,
)
from sync.sip2.resend import Action, counts_as_retry, judge
from sync.sip2.transport import Connector, Link, tcp_connector

log = logging.getLogger(__name__)

MAX_IGNORED: Final = 10  # stale answers (wrong AY) tolerated per request before giving up
T = TypeVar("T")


class Sip2Client:
    """Blocking SIP2 client; every public call may raise a Sip2Error subclass.

    `connect` replaces the TCP/TLS connector (a callable returning a connected socket);
    `clock` gives the aware "now" written into messages (Europe/Copenhagen by default).
    """

    def __init__(
        self, host: str, port: int, user: str, password: str, institution: str,
        location: str = "", encoding: str = "utf-8", error_detection: bool = True,
        timeout_s: float = 10.0, retries: int = 3, use_tls: bool = False,
        ca_file: str | None = None, connect: Connector | None = None, *,
        terminal_password: str = "", language: str = sc.LANGUAGE_UNSPECIFIED,
        clock: Callable[[], datetime] | None = None, tz: tzinfo = LOCAL_TZ,
        reconnect_delay_s: float = 0.5,
    ) -> None:
        "".encode(encoding)  # an unknown encoding fails here, at start-up, not mid-checkout
        if timeout_s <= 0 or retries < 0:
            raise ValueError(f"timeout_s must be > 0 and retries >= 0, got {timeout_s}, {retries}")
        self._where = f"{host}:{port}"
        self._user, self._password = user, password
        self._institution, self._location = institution, location
        self._encoding, self._error_detection = encoding, error_detection
        self._timeout, self._retries = timeout_s, retries
        self._terminal_password, self._language = terminal_password, language
        self._tz = tz
        self._clock = clock or (lambda: datetime.now(tz))
        self._reconnect_delay = reconnect_delay_s
        tls = ssl.create_default_context(cafile=ca_file) if use_tls else None
        self._connect = connect or tcp_connector(host, port, timeout_s, tls)
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._link: Link | None = None
        self._seq = -1
        self.acs_status: results.AcsStatus | None = None
        """The last 98 received: timeout, retries and supported messages (BX) of the ACS."""

    # --- public API ----------------------------------------------------------------------

    def login(self) -> None:
        """(Re)connect and log in with 93; raise Sip2LoginError unless the ACS says 941."""
        with self._lock:
            self._drop_link()
            self._call(lambda _link: None)

    def sc_status(self, status: int = 0) -> results.AcsStatus:
        """99 → 98; stores it in `acs_status`; raises Sip2Offline when online is N."""
        reply = self._request(sc.sc_status(status), "98")
        acs = results.parse_acs_status(reply, self._tz)
        self.acs_status = acs
        if not acs.online:
            raise Sip2Offline(f"ACS {self._where} reports offline", acs)
        return acs

    def patron_status(self, patron_id: str, pin: str = "") -> results.PatronInfo:
        msg = sc.patron_status(self._institution, patron_id, self._clock(), pin,
                               self._terminal_password, self._language)
        return results.parse_patron(self._request(msg, "24"), self._tz)

    def patron_information(
        self, patron_id: str, pin: str = "", summary: sc.Summary | None = None,
        start_item: int | None = None, end_item: int | None = None,
    ) -> results.PatronInfo:
        """63 → 64. With a PIN, `valid_password` says whether it was right (A.7 step 3)."""
        msg = sc.patron_information(
            self._institution, patron_id, self._clock(), pin, summary, self._terminal_password,
            start_item, end_item, self._language,
        )
        return results.parse_patron(self._request(msg, "64"), self._tz)

    def checkout(
        self, patron: str, item: str, pin: str = "", no_block: bool = False,
        nb_due_date: datetime | None = None, fee_ack: bool = False,
    ) -> results.CheckoutResult:
        msg = sc.checkout(
            self._institution, patron, item, self._clock(), pin, no_block, nb_due_date,
            fee_ack, terminal_password=self._terminal_password,
        )
        return results.parse_checkout(self._request(msg, "12"), self._tz)

    def checkin(
        self, item: str, location: str | None = None, return_date: datetime | None = None,
        no_block: bool = False,
    ) -> results.CheckinResult:
        """09 with AP = `location` (default: the kiosk's location) and return date = now."""
        msg = sc.checkin(
            self._institution, item, self._location if location is None else location,
            self._clock(), return_date, no_block, self._terminal_password,
        )
        return results.parse_checkin(self._request(msg, "10"), self._tz)

    def renew(self, patron: str, item: str, pin: str = "", fee_ack: bool = False
              ) -> results.RenewResult:
        msg = sc.renew(self._institution, patron, item, self._clock(), pin, fee_ack=fee_ack,
                       terminal_password=self._terminal_password)
        return results.parse_renew(self._request(msg, "30"), self._tz)

    def item_information(self, item: str) -> results.ItemInfo:
        msg = sc.item_information(self._institution, item, self._clock(),
                                  self._terminal_password)
        return results.parse_item_information(self._request(msg, "18"), self._tz)

    def end_session(self, patron: str, pin: str = "") -> results.EndSessionResult:
        msg = sc.end_session(self._institution, patron, self._clock(), pin,
                             self._terminal_password)
        return results.parse_end_session(self._request(msg, "36"), self._tz)

    def fee_paid(
        self, patron: str, amount: Decimal, fee_type: str = "01", payment_type: str = "00",
        currency: str = "DKK", fee_id: str = "", transaction_id: str = "", pin: str = "",
    ) -> results.FeePaidResult:
        msg = sc.fee_paid(
            self._institution, patron, amount, self._clock(), fee_type, payment_type, currency,
            fee_id, transaction_id, pin, self._terminal_password,
        )
        return results.parse_fee_paid(self._request(msg, "38"), self._tz)

    @property
    def connected(self) -> bool:
        return self._link is not None

    def close(self) -> None:
        self._closing.set()
        with self._lock:
            self._drop_link()
        self._closing.clear()

    def __enter__(self) -> Sip2Client:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- connection and reconnection -------------------------------------------------------

    def _request(self, msg: Message, expected: str) -> Message:
        with self._lock:
            return self._call(lambda link: self._transact(link, msg, expected))

    def _call(self, work: Callable[[Link], T]) -> T:
        """Run `work` on a logged-in link; on socket errors reconnect, log in, run it again."""
        attempt = 0
        while True:
            try:
                return work(self._ensure_link())
            except (Sip2LinkError, Sip2LoginError):
                self._drop_link()  # stale answers may still arrive on this socket
                raise
            except OSError as err:  # refused, reset, closed by the ACS, TLS failure
                self._drop_link()
                if attempt >= self._retries:
                    raise Sip2LinkError(
                        f"SIP2 link to {self._where} failed after {attempt + 1} attempts: {err}"
                    ) from err
                log.warning("SIP2 link to %s lost (%s); reconnecting", self._where, err)
                if attempt and self._closing.wait(self._reconnect_delay * attempt):
                    raise Sip2LinkError("SIP2 client closed while reconnecting") from err
                attempt += 1

    def _ensure_link(self) -> Link:
        if self._link is not None:
            return self._link
        link = Link(self._connect())
        log.info("SIP2 connected to %s", self._where)
        login = sc.login(self._user, self._password, self._location)
        try:
            accepted = results.parse_login(self._transact(link, login, "94"))
        except BaseException:
            link.close()  # never keep a connection that is not logged in
            raise
        if not accepted:
            link.close()
            raise Sip2LoginError(f"ACS {self._where} refused SIP2 user {self._user!r}")
        log.info("SIP2 logged in to %s as %s", self._where, self._user)
        self._link = link
        return link

    def _drop_link(self) -> None:
        if self._link is not None:
            self._link.close()
            self._link = None

    # --- one request/response with the A.2 resend rules ------------------------------------

    def _transact(self, link: Link, msg: Message, expected: str) -> Message:
        seq = self._next_seq() if self._error_detection else None
        original = encode(msg, seq, self._encoding, error_detection=self._error_detection)
        ask = encode(sc.request_resend(), None, self._encoding,
                     error_detection=self._error_detection)
        if dropped := link.discard_pending():
            log.debug("SIP2 dropped %d late answer(s) before %s", dropped, msg.command)
        last, retries, ignored = original, 0, 0
        self._send(link, original)
        while True:
            reply = self._receive(link)
            action = judge(reply, expected=expected, seq=seq, last_was_97=last is ask)
            if action is Action.ACCEPT and isinstance(reply, Message):
                return reply
            if isinstance(reply, Message) and reply.command == "98" and expected != "98":
                self._raise_if_offline(reply)
            if action is Action.FAIL:
                raise Sip2LinkError(f"ACS {self._where} asked to resend our 97; link failed")
            if action is Action.IGNORE:
                ignored += 1
                if ignored > MAX_IGNORED:
                    raise Sip2LinkError(f"ACS {self._where} keeps sending unrelated messages")
                continue
            retries += counts_as_retry(action)
            if retries > self._retries:
                raise Sip2LinkError(f"no usable answer to {msg.command} from {self._where} "
                                    f"after {self._retries} retries (last: {action})")
            last = {Action.ASK_RESEND: ask, Action.RESEND_ORIGINAL: original}.get(action, last)
            log.warning("SIP2 %s to %s: %s, retry %d/%d", msg.command, self._where, action,
                        retries, self._retries)
            self._send(link, last)

    def _raise_if_offline(self, reply: Message) -> None:
        acs = results.parse_acs_status(reply, self._tz)
        self.acs_status = acs
        if not acs.online:
            raise Sip2Offline(f"ACS {self._where} reports offline", acs)

    def _receive(self, link: Link) -> Message | Sip2DecodeError | None:
        try:
            raw = link.read_frame(self._timeout)
        except TimeoutError:
            return None
        self._log_frame("<-", raw)
        try:
            return decode(raw, self._encoding)
        except Sip2DecodeError as err:
            log.warning("SIP2 unreadable answer from %s: %s", self._where, err)
            return err

    def _send(self, link: Link, data: bytes) -> None:
        self._log_frame("->", data)
        link.send(data)

    def _log_frame(self, direction: str, data: bytes) -> None:
        if log.isEnabledFor(logging.DEBUG):
            text = data.decode(self._encoding, errors="replace").strip("\r\n")
            log.debug("SIP2 %s %s", direction, mask(text))

    def _next_seq(self) -> int:
        self._seq = (self._seq + 1) % 10  # A.2: 9 wraps to 0
        return self._seq

"""Typed SIP2 errors: one family so callers can catch `Sip2Error` and sort by subclass.

Standard library only; no kiosk/ or drivers/ imports. Messages never carry a PIN or a full CPR
(anything quoted from the wire passes `codec.mask` first).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sync.sip2.results import AcsStatus


class Sip2Error(Exception):
    """Base of every error raised by the SIP2 package."""


class Sip2DecodeError(Sip2Error, ValueError):
    """Bytes from the wire are not a SIP2 message we can read (or a reply has the wrong kind)."""


class Sip2ChecksumError(Sip2DecodeError):
    """The AZ checksum does not match the bytes received (A.2): ask for a resend with 97."""


class Sip2EncodeError(Sip2Error, ValueError):
    """A message cannot be put on the wire: wrong fixed width, `|`/CR in a value, bad charset."""


class Sip2LinkError(Sip2Error):
    """The ACS is unreachable, or did not answer usably within the retry limit."""


class Sip2LoginError(Sip2Error):
    """The ACS refused the SIP2 user (94 with ok 0)."""


class Sip2Offline(Sip2Error):
    """The ACS answered 98 with online `N`: it is up but will not serve circulation now."""

    def __init__(self, message: str, status: AcsStatus | None = None) -> None:
        super().__init__(message)
        self.status = status

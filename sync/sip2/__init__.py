"""SIP2 (3M Standard Interchange Protocol 2.00): codec, client and a loopback fake ACS.

reference/protocols.md §A. Standard library only; imports nothing from kiosk/ or drivers/.
"""

from sync.sip2.client import Sip2Client
from sync.sip2.codec import Message, checksum, decode, encode, mask, verify
from sync.sip2.errors import (
    Sip2ChecksumError,
    Sip2DecodeError,
    Sip2EncodeError,
    Sip2Error,
    Sip2LinkError,
    Sip2LoginError,
    Sip2Offline,
)
from sync.sip2.results import (
    AcsStatus,
    CheckinResult,
    CheckoutResult,
    EndSessionResult,
    FeePaidResult,
    ItemInfo,
    PatronInfo,
    RenewResult,
)

__all__ = [
    "AcsStatus",
    "CheckinResult",
    "CheckoutResult",
    "EndSessionResult",
    "FeePaidResult",
    "ItemInfo",
    "Message",
    "PatronInfo",
    "RenewResult",
    "Sip2ChecksumError",
    "Sip2Client",
    "Sip2DecodeError",
    "Sip2EncodeError",
    "Sip2Error",
    "Sip2LinkError",
    "Sip2LoginError",
    "Sip2Offline",
    "checksum",
    "decode",
    "encode",
    "mask",
    "verify",
]

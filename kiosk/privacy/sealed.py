"""Sealed values: the few things the kiosk must read back later, encrypted under the
installation key (AES-256-GCM, a key derived from it, a random nonce per value).

What is sealed: the identifier a learned SIP2 patron is refreshed by, and the card number an
offline loan is sent with. A copy of the database alone shows neither; with the key file too,
they open (docs/privacy.md). A CPR is never sealed: it is never kept at all.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import os
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PREFIX: Final = "s1$"
NONCE_BYTES: Final = 12


class SealError(ValueError):
    """Not a sealed value, altered, or sealed under another installation key."""


class Sealer:
    def __init__(self, installation_key: bytes) -> None:
        # A key of its own, so no use of the installation key can be turned against another.
        self._key = hmac.digest(installation_key, b"kiosk-seal-v1", "sha256")
        self._made: AESGCM | None = None

    def _aead(self) -> AESGCM:
        # cryptography on first use: a full sync's snapshot workers carry a KeyedHasher and
        # never seal, and it was 6 MB of each one's memory (bench/RESULTS.md, stop 29).
        if self._made is None:
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM

            self._made = AESGCM(self._key)
        return self._made

    def seal(self, text: str) -> str:
        nonce = os.urandom(NONCE_BYTES)
        box = self._aead().encrypt(nonce, text.encode("utf-8"), PREFIX.encode())
        return PREFIX + base64.urlsafe_b64encode(nonce + box).decode("ascii")

    def unseal(self, token: str) -> str:
        from cryptography.exceptions import InvalidTag

        if not token.startswith(PREFIX):
            raise SealError("not a sealed value")
        try:
            raw = base64.urlsafe_b64decode(token[len(PREFIX):].encode("ascii"))
            text = self._aead().decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], PREFIX.encode())
        except (InvalidTag, binascii.Error, UnicodeEncodeError, ValueError) as err:
            raise SealError("sealed value altered or sealed under another key") from err
        return text.decode("utf-8")

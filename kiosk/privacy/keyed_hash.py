"""Keyed hashes: credential lookup keys, PIN verifiers, and the installation key file.

Why keyed (reference/reliability.md): an unkeyed SHA-256 of every possible CPR takes under a
minute on one core, and a 4-digit PIN falls to 10,000 guesses under any hash. With an HMAC key
kept outside the database, a stolen database file alone reveals neither.

PIN verifier formats (the `pin_verifier` of a patron, never the PIN itself):
- `hk1$<hex>`: HMAC-SHA256(key, "pin" NUL patron_id NUL pin). Fast, so a full sync of a
  million plaintext PINs takes seconds; without the key it is a 256-bit secret.
- `a2k1$<argon2id PHC>`: argon2id (19 MiB, t=2, p=1) over the hk1 digest. Upgraded from
  hk1 in the background without knowing the PIN, so even with the key stolen each patron's
  PIN costs 10,000 x ~23 ms.
- `a2p1$<t>$<m>$<p>$<hash length>$<salt b64>$<hex>`: an upstream argon2id PHC verifier
  computed by the central system over the plain PIN (record field `pin_verifier` =
  "$argon2id$v=19$..."), stored with its hash replaced by HMAC(key, hash), so the key is
  needed here too.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from pathlib import Path
from typing import Final

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from argon2.low_level import hash_secret_raw

from kiosk.privacy.files import PrivateFileError, require_private
from kiosk.privacy.sealed import Sealer

KEY_BYTES: Final = 32
_SHA256_BLOCK: Final = 64
ARGON2: Final = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


class KeyFileError(PrivateFileError):
    """The installation key file is missing, unreadable, malformed or too widely readable."""


def load_or_create_key(path: Path) -> bytes:
    """Read the 32-byte installation key; create it (mode 0600) on first start."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process created it first; read theirs
        else:
            with os.fdopen(fd, "wb") as out:
                out.write(os.urandom(KEY_BYTES))
                out.flush()
                os.fsync(out.fileno())
    try:
        require_private(path)
    except PrivateFileError as err:
        raise KeyFileError(str(err)) from None
    key = path.read_bytes()
    if len(key) != KEY_BYTES:
        raise KeyFileError(f"{path}: expected {KEY_BYTES} bytes, found {len(key)}")
    return key


def fingerprint(key: bytes) -> str:
    """Safe to show: identifies the key without revealing it."""
    return hashlib.sha256(b"kiosk-key-fingerprint" + key).hexdigest()[:16]


class KeyedHasher:
    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("installation key must be 32 bytes")
        # HMAC's two keyed SHA-256 states, made once: each MAC then copies them instead of
        # keying again (RFC 2104, the very same bytes as hmac.digest; 1.3 µs against 3.0 µs,
        # and a full sync makes three per patron: issue 18).
        block = key.ljust(_SHA256_BLOCK, b"\0")
        self._inner = hashlib.sha256(bytes(b ^ 0x36 for b in block))
        self._outer = hashlib.sha256(bytes(b ^ 0x5C for b in block))
        self.sealer = Sealer(key)
        """The installation key's other use: values read back later (kiosk/privacy/sealed.py)."""
        self._key = key

    def __reduce__(self) -> tuple[type[KeyedHasher], tuple[bytes]]:
        # Only to the kiosk's own snapshot worker, over a pipe (kiosk/jobs/snapshot_worker.py).
        return KeyedHasher, (self._key,)

    def credential_id(self, kind: str, value: str) -> bytes:
        """Lookup key for a CPR or card number: 32 bytes, never reversible without the key."""
        return self._mac(b"cred\0" + kind.encode() + b"\0" + value.encode())

    def _mac(self, data: bytes) -> bytes:
        """HMAC-SHA256(installation key, data)."""
        inner = self._inner.copy()
        inner.update(data)
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.digest()

    def _pin_digest(self, patron_id: str, pin: str) -> bytes:
        return self._mac(b"pin\0" + patron_id.encode() + b"\0" + pin.encode())

    def fast_verifier(self, patron_id: str, pin: str) -> str:
        return "hk1$" + self._pin_digest(patron_id, pin).hex()

    def memory_hard_verifier(self, patron_id: str, pin: str) -> str:
        """a2k1 straight away (~23 ms of argon2id): for PINs learned one at a time (SIP2)."""
        return "a2k1$" + ARGON2.hash(self._pin_digest(patron_id, pin))

    def upgrade(self, verifier: str) -> str:
        """hk1 -> a2k1 (memory-hard) without knowing the PIN; other formats unchanged."""
        if not verifier.startswith("hk1$"):
            return verifier
        return "a2k1$" + ARGON2.hash(bytes.fromhex(verifier[4:]))

    def wrap_upstream(self, phc: str) -> str:
        """An upstream "$argon2id$v=19$m=..,t=..,p=..$salt$hash" -> a2p1 with a keyed hash."""
        try:
            _, algo, _version, params, salt_b64, hash_b64 = phc.split("$")
            opts = dict(item.split("=") for item in params.split(","))
            raw = _b64decode(hash_b64)
            m, t, p = int(opts["m"]), int(opts["t"]), int(opts["p"])
            _b64decode(salt_b64)
        except (ValueError, KeyError) as err:
            raise ValueError("pin_verifier is not an argon2id PHC string") from err
        if algo != "argon2id":
            raise ValueError("pin_verifier must be argon2id")
        return f"a2p1${t}${m}${p}${len(raw)}${salt_b64}${self._mac(b'up' + raw).hex()}"

    def verify(self, verifier: str, patron_id: str, pin: str) -> bool:
        if not (pin.isascii() and pin.isdigit()):
            return False  # no PIN is anything else; and no str here may fail to encode
        scheme, _, body = verifier.partition("$")
        if scheme == "hk1":
            return hmac.compare_digest(body, self._pin_digest(patron_id, pin).hex())
        if scheme == "a2k1":
            try:
                return ARGON2.verify(body, self._pin_digest(patron_id, pin))
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                return False
        if scheme == "a2p1":
            return self._verify_upstream(body, pin)
        return False

    def _verify_upstream(self, body: str, pin: str) -> bool:
        try:
            t, m, p, length, salt_b64, want = body.split("$")
            raw = hash_secret_raw(
                pin.encode(), _b64decode(salt_b64), int(t), int(m), int(p), int(length), Type.ID
            )
        except ValueError:
            return False
        return hmac.compare_digest(want, self._mac(b"up" + raw).hex())


def _b64decode(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))

"""The PIN verifier a central may send instead of a plaintext PIN (docs/central-api.md
"PIN verifiers"): an argon2id PHC string over the PIN, within published parameter limits.

Pure checks, no hashing: sync.records refuses a record whose verifier the kiosk could not use,
so nothing malformed reaches the cache or the door. Imports nothing from kiosk/ or drivers/.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from typing import Final

PHC_PATTERN: Final = (
    r"^\$argon2id\$v=19\$m=([0-9]{1,7}),t=([0-9]{1,3}),p=([0-9]{1,2})"
    r"\$([A-Za-z0-9+/]{22,86})\$([A-Za-z0-9+/]{22,86})$"
)
"""The one accepted form (also `pin_verifier.pattern` in docs/openapi.yaml): argon2id, version
19 (0x13), parameters in the order m, t, p, salt and hash in standard base64 without padding."""
_PHC: Final = re.compile(PHC_PATTERN, re.ASCII)


@dataclass(frozen=True, slots=True)
class Argon2Limits:
    """What the kiosk accepts; docs/central-api.md publishes the same numbers (a test checks)."""

    memory_kib: tuple[int, int] = (7168, 65536)
    time_cost: tuple[int, int] = (1, 10)
    parallelism: tuple[int, int] = (1, 4)
    cost: tuple[int, int] = (35840, 131072)
    """memory_kib × time_cost. The floor is OWASP's weakest listed argon2id setting (7 MiB, t=5);
    the ceiling keeps a PIN check at the door under ~80 ms here (19 MiB, t=2 is ~23 ms)."""
    salt_bytes: tuple[int, int] = (16, 64)
    hash_bytes: tuple[int, int] = (16, 64)


LIMITS: Final = Argon2Limits()


def verifier_problem(text: str, limits: Argon2Limits = LIMITS) -> str | None:
    """None when `text` is a usable argon2id verifier, else one line saying what is wrong.

    Never echoes the verifier (it is a hash of a PIN)."""
    m = _PHC.match(text)
    if m is None:
        return ("not an argon2id PHC string "
                "($argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt b64>$<hash b64>)")
    memory, time_cost, lanes = int(m.group(1)), int(m.group(2)), int(m.group(3))
    checks = (
        ("m", memory, limits.memory_kib),
        ("t", time_cost, limits.time_cost),
        ("p", lanes, limits.parallelism),
        ("m×t", memory * time_cost, limits.cost),
    )
    for name, value, (low, high) in checks:
        if not low <= value <= high:
            return f"argon2id {name}={value} outside the accepted {low}..{high}"
    for name, b64, (low, high) in (("salt", m.group(4), limits.salt_bytes),
                                   ("hash", m.group(5), limits.hash_bytes)):
        size = _b64_size(b64)
        if size is None:
            return f"argon2id {name} is not base64 without padding"
        if not low <= size <= high:
            return f"argon2id {name} of {size} bytes outside the accepted {low}..{high}"
    return None


def _b64_size(text: str) -> int | None:
    if len(text) % 4 == 1:  # no base64 string without padding has this length
        return None
    try:
        return len(base64.b64decode(text + "=" * (-len(text) % 4), validate=True))
    except (binascii.Error, ValueError):
        return None

"""Where config.toml is (CONTRACT.md): --config, then $KIOSK_CONFIG, /etc/kiosk, ./config.toml.

Kept apart from kiosk.config (pydantic) so a start-up can find the file, and switch the relay
off, before the heavy imports that validating it needs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

DEFAULT_PATHS = (Path("/etc/kiosk/config.toml"), Path("config.toml"))


def find_config(explicit: str | None, env: Mapping[str, str] = os.environ) -> Path:
    """CONTRACT.md: --config, then $KIOSK_CONFIG, then /etc/kiosk/config.toml, then ./config."""
    if explicit:
        return Path(explicit)
    if env.get("KIOSK_CONFIG"):
        return Path(env["KIOSK_CONFIG"])
    for candidate in DEFAULT_PATHS:
        if candidate.exists():
            return candidate
    return DEFAULT_PATHS[-1]

"""The technician audit trail: who did what at the kiosk (kept a year, `kiosk log --audit`)."""

from __future__ import annotations

import getpass
import logging
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from drivers.cardparse import mask_card
from kiosk.cache import queries

log = logging.getLogger(__name__)

ACTIONS = (
    "technician_screen", "relay_test", "sync_now", "config_reload", "purge", "log_viewed",
    "stats_viewed", "key_reset", "export", "kiosk_start", "kiosk_stop",
)


def cli_actor() -> str:
    """The shell user behind a command-line action."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli:unknown"


def card_actor(card_number: str) -> str:
    """A technician card, masked: enough to tell cards apart, not to copy one."""
    return f"card:{mask_card(card_number)}"


def record_audit(
    sessions: sessionmaker[Session], at: datetime, action: str, actor: str, detail: str = ""
) -> None:
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    with sessions.begin() as session:
        queries.add_audit(session, at, action, actor, detail)
    log.info("audit: %s by %s %s", action, actor, detail)

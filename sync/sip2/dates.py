"""SIP2 dates, pure: the 18-character `YYYYMMDDZZZZHHMMSS` form both ways, free-form due dates.

reference/protocols.md §A.3. Standard library only. Local time (4 spaces in ZZZZ) is the
preferred form and means Europe/Copenhagen here; `   Z` means UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from typing import Final
from zoneinfo import ZoneInfo

LOCAL_TZ: Final = ZoneInfo("Europe/Copenhagen")
BLANK_DATE: Final = " " * 18
SIP_DATE_CHARS: Final = 18


def format_sip_date(when: datetime, tz: tzinfo = LOCAL_TZ, *, utc: bool = False) -> str:
    """18-character SIP2 date: local wall time in `tz` with 4 spaces, or UTC with `   Z`."""
    if when.tzinfo is None:
        raise ValueError("SIP2 dates need an aware datetime (naive time has no zone to send)")
    if utc:
        return when.astimezone(UTC).strftime("%Y%m%d   Z%H%M%S")
    return when.astimezone(tz).strftime("%Y%m%d    %H%M%S")


def parse_sip_date(text: str, tz: tzinfo = LOCAL_TZ) -> datetime | None:
    """Aware datetime from an 18-character SIP2 date; None when blank or malformed.

    ZZZZ ending in `Z` is UTC; spaces, or a zone we do not know, are read as local time in `tz`
    (the standard's preferred form, and the only one Danish systems are known to send).
    """
    if len(text) != SIP_DATE_CHARS or not text.strip():
        return None
    day, zone, clock = text[:8], text[8:12], text[12:]
    if not (day.isdigit() and clock.isdigit()):
        return None
    try:
        naive = datetime.strptime(day + clock, "%Y%m%d%H%M%S")  # noqa: DTZ007 - zone below
    except ValueError:
        return None
    if zone.strip().upper() in {"Z", "UTC", "GMT"}:
        return naive.replace(tzinfo=UTC)
    return naive.replace(tzinfo=tz)


def parse_due_date(text: str, tz: tzinfo = LOCAL_TZ) -> datetime | None:
    """Due date (AH) as sent: SIP2 format first, then ISO 8601; None when neither fits.

    AH is free-form in the standard (Evergreen sends `2011-10-28 23:59:59`); callers keep the
    raw text next to the parsed value, so an unparseable date is still shown to the patron.
    """
    value = text.strip()
    if not value:
        return None
    parsed = parse_sip_date(text if len(text) == SIP_DATE_CHARS else value, tz)
    if parsed is not None:
        return parsed
    try:
        iso = datetime.fromisoformat(value)
    except ValueError:
        return None
    return iso if iso.tzinfo is not None else iso.replace(tzinfo=tz)


def parse_loose_date(text: str, tz: tzinfo = LOCAL_TZ) -> date | None:
    """A calendar date from a vendor field (PB birth date, PA expiry): SIP2, ISO or YYYYMMDD."""
    parsed = parse_due_date(text, tz)
    return parsed.date() if parsed is not None else None

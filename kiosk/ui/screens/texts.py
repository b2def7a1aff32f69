"""Sentences built from times and calendars, in the current language (through `tr`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta

from kiosk.config.models import DayRules
from kiosk.ui.i18n import tr


def weekday(day: int) -> str:
    names = (tr("Monday"), tr("Tuesday"), tr("Wednesday"), tr("Thursday"), tr("Friday"),
             tr("Saturday"), tr("Sunday"))
    return names[day]


def clock(now: datetime) -> str:
    return f"{weekday(now.weekday())} {now.day}.{now.month}. {now:%H:%M}"


def hour(t: time) -> str:
    """`07` for whole hours, `07:30` otherwise; the end of the day is `24`."""
    if t == time.max:
        return "24"
    return f"{t:%H}" if t.minute == 0 else f"{t:%H:%M}"


def spans(intervals: Sequence[tuple[time, time]]) -> str:
    return ", ".join(f"{hour(start)}–{hour(end)}" for start, end in intervals)


def hours_today(rules: DayRules) -> str:
    """"Self-service 07–22, staffed 10–17" (CONTRACT.md's example in Danish)."""
    parts = []
    if rules.self_service:
        parts.append(tr("Self-service %1", spans(rules.self_service)))
    if rules.staffed:
        parts.append(tr("staffed %1", spans(rules.staffed)) if parts
                     else tr("Staffed %1", spans(rules.staffed)))
    return ", ".join(parts) if parts else tr("Closed all day today")


def next_opening(at: datetime | None, now: datetime) -> str:
    if at is None:
        return tr("No opening hours are planned for the next two weeks.")
    days = (at.date() - now.date()).days
    when = f"{at:%H:%M}"
    if days == 0:
        return tr("We open again today at %1.", when)
    if days == 1:
        return tr("We open again tomorrow at %1.", when)
    return tr("We open again on %1 at %2.", weekday(at.weekday()).lower(), when)


def age(value: timedelta) -> str:
    minutes = int(value.total_seconds() // 60)
    if minutes < 120:
        return tr("%1 min", minutes)
    hours = minutes // 60
    if hours < 48:
        return tr("%1 hours", hours)
    return tr("%1 days", hours // 24)


def switch_language(lang: str) -> str:
    return "Switch to English" if lang == "en" else "Skift til dansk"

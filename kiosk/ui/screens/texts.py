"""Sentences built from times and calendars, in the current language (through `tr`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta

from kiosk.config.models import DayRules
from kiosk.reasons import PATRON_TEXT, Lang, Reason, patron_text
from kiosk.ui.i18n import tr


def weekday(day: int) -> str:
    names = (tr("Monday"), tr("Tuesday"), tr("Wednesday"), tr("Thursday"), tr("Friday"),
             tr("Saturday"), tr("Sunday"))
    return names[day]


def weekday_short(day: int) -> str:
    names = (tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun"))
    return names[day]


def clock(now: datetime) -> str:
    # The numbers isolated left to right (U+2066 … U+2069): in Arabic the date keeps its order.
    return f"{weekday(now.weekday())} \u2066{now.day}.{now.month}. {now:%H:%M}\u2069"


def hour(t: time, exact: bool = False) -> str:
    """`07` for whole hours, `07:30` otherwise (`exact`: always `07:00`); the end of the day is
    `24` (`24:00`)."""
    if t == time.max:
        return "24:00" if exact else "24"
    return f"{t:%H}" if t.minute == 0 and not exact else f"{t:%H:%M}"


def spans(intervals: Sequence[tuple[time, time]], exact: bool = False) -> str:
    return ", ".join(f"{hour(start, exact)}–{hour(end, exact)}" for start, end in intervals)


def day_hours(rules: DayRules, exact: bool = False) -> str | None:
    """"Self-service 07–22, staffed 10–17" (CONTRACT.md's example in Danish), or None when
    closed all day. `exact`: with minutes, for the technician."""
    parts = []
    if rules.self_service:
        parts.append(tr("Self-service %1", spans(rules.self_service, exact)))
    if rules.staffed:
        parts.append(tr("staffed %1", spans(rules.staffed, exact)) if parts
                     else tr("Staffed %1", spans(rules.staffed, exact)))
    return ", ".join(parts) if parts else None


def hours_today(rules: DayRules) -> str:
    return day_hours(rules) or tr("Closed all day today")


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


def reason_text(reason: Reason, lang: Lang, attempts_left: int | None = None) -> str:
    """A refusal's reason and next step in `lang`: the core's own words in Danish and English
    (what `kiosk explain` prints too), the translation catalogue's in the other languages."""
    if lang == "da" or lang == "en":
        return patron_text(reason, attempts_left)[lang]
    text = tr(PATRON_TEXT[reason]["en"])
    if reason is Reason.WRONG_PIN and attempts_left is not None:
        text += " " + (tr("You have 1 attempt left.") if attempts_left == 1
                       else tr("You have %1 attempts left.", attempts_left))
    return text

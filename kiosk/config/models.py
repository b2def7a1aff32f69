"""Typed, frozen models of config.toml. Every field says what it means; unknown keys are errors.

Only pydantic here; loading and error messages are in `load.py`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from kiosk.config.building import (
    AlarmsSection,
    AnnouncementSection,
    CalendarAction,
    OccupancySection,
    OutputSection,
    SoundSection,
)
from kiosk.config.fleet import LoggingSection, MetricsSection
from kiosk.config.inputs import InputsSection
from kiosk.config.screens import SpeechSection, TimeoutsSection
from kiosk.config.types import Duration, Interval

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAYS: tuple[Weekday, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class KioskSection(_Section):
    branch: str = Field("Biblioteket", min_length=1, max_length=80)
    """Branch name shown on screen."""
    id: str = ""
    """This kiosk's name in the fleet (events sent to the central, metrics, logs), e.g.
    "solrod-door-1": letters, digits, ".", "_", "-". Empty: the PC's host name."""

    @field_validator("id")
    @classmethod
    def _fleet_name(cls, value: str) -> str:
        if value and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,62}", value):
            raise ValueError('expected letters, digits, ".", "_" or "-" (at most 63), '
                             'starting with a letter or digit, e.g. "solrod-door-1"')
        return value
    mode: Literal["door", "checkout", "both"] = "door"
    """Which screens this kiosk runs."""
    language: Literal["da", "en", "de", "pl", "uk", "ar"] = "da"
    """Language shown when nobody has chosen one; resets to this at idle. German, Polish,
    Ukrainian and Arabic are drafts awaiting a native speaker's review."""
    data_dir: Path = Path("data")
    """Database, installation key and other state; relative paths are from this file."""
    hide_pointer: bool = False
    """Hide the mouse pointer (a touchscreen kiosk); leave it on for a mouse."""
    sound_command: tuple[str, ...] = ()
    """Program that plays a WAV file given as its last argument, e.g. ["aplay", "-q"]; the
    granted and denied sounds are off when this is empty."""


class ReaderSection(_Section):
    driver: Literal["serial", "hid"]
    port: str | None = None
    """Serial reader: device; prefer /dev/serial/by-id/... so it survives re-plugging."""
    baudrate: int = Field(9600, ge=300, le=921600)
    device: str | None = None
    """HID reader: /dev/input/eventN, a by-id/by-path link, or "vvvv:pppp"."""
    phys: str | None = None
    """HID reader: physical path to pick one of two identical readers."""
    layout: Literal["us", "dk"] = "us"
    """HID keyboard layout the reader types in."""
    idle_gap_ms: int = Field(100, ge=10, le=2000)
    """A read with no terminator ends after this much silence, in milliseconds."""
    card_patterns: tuple[str, ...] = (r"\d{10}", r"\d{14}")
    """Regular expressions a library card number must match (whole read)."""
    role: Literal["door", "checkout", "items"] = "door"
    """What reads from this reader are for."""

    @model_validator(mode="after")
    def _needs_its_device(self) -> ReaderSection:
        if self.driver == "serial" and not self.port:
            raise ValueError("a serial reader needs `port`")
        if self.driver == "hid" and not self.device:
            raise ValueError("a hid reader needs `device`")
        return self


class RelaySection(_Section):
    driver: Literal["lcus", "kmtronic", "numato", "gpio", "command", "null"] = "null"
    port: str | None = None
    """Serial relay board device (lcus, kmtronic, numato)."""
    channel: int = Field(1, ge=1, le=32)
    """Relay channel on the board, 1-based."""
    pulse_seconds: float = Field(4.0, gt=0, le=30)
    """How long the strike stays unlocked after a grant."""
    gpio_chip: str = "/dev/gpiochip0"
    gpio_line: int | str = 17
    active_low: bool = False
    command: tuple[str, ...] = ()
    """Command hook: program and arguments; "on" or "off" is appended."""

    @model_validator(mode="after")
    def _needs_its_device(self) -> RelaySection:
        if self.driver in ("lcus", "kmtronic", "numato") and not self.port:
            raise ValueError(f"relay driver {self.driver!r} needs `port`")
        if self.driver == "command" and not self.command:
            raise ValueError("relay driver 'command' needs `command`")
        return self


class PrinterSection(_Section):
    driver: Literal["none", "escpos"] = "none"
    """An ESC/POS receipt printer on a serial port prints the checkout receipt."""
    port: str | None = None
    """Serial device; prefer /dev/serial/by-id/..."""
    baudrate: int = Field(9600, ge=1200, le=921600)
    width: int = Field(42, ge=20, le=80)
    """Characters per line (42 on 80 mm paper, 32 on 58 mm)."""
    encoding: str = "cp865"
    """Code page the printer is set to; cp865 has the Danish letters."""

    @model_validator(mode="after")
    def _needs_its_port(self) -> PrinterSection:
        if self.driver == "escpos" and not self.port:
            raise ValueError("printer driver 'escpos' needs `port`")
        return self


class AccessSection(_Section):
    min_age: int = Field(15, ge=0, le=18)
    """Years, from the CPR or the birth date. At most 18: past it no birth date is kept
    (kiosk/privacy/minimise.py)."""
    max_debt_dkk: Decimal = Field(Decimal("100"), ge=0, le=100000)
    """Debt above this (DKK) denies entry."""
    require_opt_in: bool = True
    """Only patrons registered for self-service access may enter."""
    allowed_groups: tuple[str, ...] = ()
    """Patron groups allowed in self-service hours; empty means every group."""
    blocking_codes: tuple[str, ...] = ("*",)
    """Central block codes that deny entry; "*" means every block."""
    pin_length: int = Field(4, ge=4, le=12)
    pin_attempts: int = Field(5, ge=1, le=20)
    lockout_minutes: int = Field(30, ge=1, le=1440)
    throttle_failures: int = Field(20, ge=3, le=1000)
    """Wrong PINs across all cards within throttle_window that pause the kiosk for everyone."""
    throttle_window: Duration = timedelta(minutes=10)
    throttle_cooldown: Duration = timedelta(seconds=60)
    """First pause; it doubles for every 10 more failures, at most 10 minutes."""
    staffed_door: Literal["free", "card_only", "card_pin"] = "card_only"
    """At the door during staffed hours: no check, card alone, or card and PIN."""
    technician_cards: tuple[str, ...] = ()
    """Card numbers that are let in in every mode (staff, technicians)."""
    banned_patrons: tuple[str, ...] = ()
    """Patron ids banned from this branch (local list on top of the central system)."""
    banned_cards: tuple[str, ...] = ()


class DayRules(_Section):
    self_service: tuple[Interval, ...] = ()
    staffed: tuple[Interval, ...] = ()


class CalendarException(DayRules):
    date: date
    name: str = ""


FeedMode = Literal["closed", "self_service", "staffed"]
FEED_CATEGORIES: dict[str, FeedMode] = {
    "lukket": "closed", "closed": "closed", "helligdag": "closed", "holiday": "closed",
    "selvbetjening": "self_service", "selvbetjent": "self_service", "åbent bibliotek":
    "self_service", "self_service": "self_service", "betjent": "staffed", "staffed": "staffed",
}


class CalendarSection(_Section):
    timezone: str = "Europe/Copenhagen"
    weekly: dict[Weekday, DayRules] = Field(default_factory=dict)
    """Rules per weekday; a day without rules is closed."""
    exceptions: tuple[CalendarException, ...] = ()
    """Dated days that replace the weekly rule (holidays, events, early closing)."""
    announce_closing_minutes: tuple[int, ...] = (15, 10, 5)
    """The "closing" announcement this many minutes before the branch closes."""
    gap_after_staffed: Duration = timedelta(0)
    """Closed this long between staffed and self-service hours (staff leave first), e.g. "15m"."""
    gap_before_staffed: Duration = timedelta(0)
    """Closed for this long before staffed hours begin inside self-service hours."""
    actions: tuple[CalendarAction, ...] = ()
    """Outputs switched and announcements said at minute offsets from the changes of mode."""
    feed: str = ""
    """iCalendar file (a path) or http(s) URL the library publishes: each event sets the mode
    for its own time on top of the rules above (holidays, early closing, events). Cached in
    data_dir for offline use; a bad or unreachable feed keeps the last good one. Empty: off."""
    feed_refresh: Duration = timedelta(hours=6)
    """How often `kiosk run` fetches the feed."""
    feed_default: FeedMode = "closed"
    """The mode during an event that has none of the feed_categories (a holiday feed)."""
    feed_categories: dict[str, FeedMode] = Field(default_factory=lambda: dict(FEED_CATEGORIES))
    """An event's CATEGORIES (any case) and the mode it sets during the event."""

    @field_validator("announce_closing_minutes")
    @classmethod
    def _minutes(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if any(not 1 <= m <= 240 for m in value):
            raise ValueError("expected minutes before closing, each 1-240")
        return tuple(sorted(set(value), reverse=True))

    @field_validator("gap_after_staffed", "gap_before_staffed")
    @classmethod
    def _short_gap(cls, value: timedelta) -> timedelta:
        if value > timedelta(hours=2):
            raise ValueError("expected a gap of at most 2h")
        return value

    @field_validator("feed")
    @classmethod
    def _feed_source(cls, value: str) -> str:
        scheme = value.split("://", 1)[0].lower() if "://" in value else ""
        if scheme not in ("", "http", "https", "file"):
            raise ValueError("expected a file path or an http(s):// URL")
        return value

    @field_validator("feed_categories")
    @classmethod
    def _lower_case(cls, value: dict[str, FeedMode]) -> dict[str, FeedMode]:
        return {k.strip().lower(): v for k, v in value.items()}


class Sip2Section(_Section):
    host: str = "127.0.0.1"
    port: int = Field(6001, ge=1, le=65535)
    user: str = ""
    password_file: Path | None = None
    institution: str = ""
    location: str = ""
    encoding: str = "utf-8"
    error_detection: bool = True
    tls: bool = False
    timeout: Duration = timedelta(seconds=10)
    """Per answer; the door's live check waits at most 2 s whatever this says."""
    blocking_positions: tuple[int, ...] = (0, 4)
    """Patron status flags (0-13, reference/protocols.md §A.5) that refuse a patron: 0 charge
    privileges denied, 4 card reported lost, 10/11 excessive fines/fees, ..."""

    @field_validator("blocking_positions")
    @classmethod
    def _positions(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        bad = [p for p in value if not 0 <= p <= 13]
        if bad:
            raise ValueError(f"patron status positions are 0..13, got {bad}")
        return value


class CentralSection(_Section):
    kind: Literal["http", "sip2", "none"] = "none"
    url: str = ""
    """Base URL of the kiosk sync API."""
    token_file: Path | None = None
    """File holding the bearer token (mode 0600)."""
    ca_file: Path | None = None
    max_cache_age: Duration = timedelta(hours=24)
    """Older than this, the stale policy applies."""
    stale_policy: Literal["deny_all", "cached_only"] = "cached_only"
    sync_interval: Duration = timedelta(minutes=15)
    max_verification_age: Duration = timedelta(days=7)
    """sip2: offline, a patron is admitted only from a live check younger than this."""
    offline_circulation: Literal["off", "checkin_only", "checkin_and_checkout"] = "checkin_only"
    """sip2: what the checkout screen does while the library system is unreachable. Offline
    checkouts need a patron verified offline (PIN against the cache); queued and replayed."""
    sip2: Sip2Section = Field(default_factory=Sip2Section)

    @model_validator(mode="after")
    def _needs_its_endpoint(self) -> CentralSection:
        if self.kind == "http" and not self.url:
            raise ValueError("central.kind 'http' needs `url`")
        return self


POLICY_MAX_DAYS: dict[str, tuple[int, str]] = {
    "entry_log_days": (30, "entry logs"),
    "loan_history_days": (30, "loan history after return"),
    "debt_days": (30, "settled debts"),
    "message_content_days": (30, "message content"),
    "inactive_patron_days": (3 * 365, "inactive patrons"),
    "audit_days": (365, "the technician audit trail"),
    "outbox_days": (30, "undelivered items for the library system"),
    "learned_patron_days": (30, "patrons learned from the SIP2 library system"),
}


class RetentionSection(_Section):
    """The library's published privacy policy (DESIGN.md). Periods may be shortened only."""

    entry_log_days: int = Field(30, ge=1)
    """Entry-log rows (who came in when, also denials) are deleted after this many days."""
    loan_history_days: int = Field(30, ge=1)
    """Loans are anonymised this many days after the item came back."""
    debt_days: int = Field(30, ge=1)
    """Settled debts are deleted this many days after settlement."""
    message_content_days: int = Field(30, ge=1)
    """Message text is deleted after this many days; the fact it was sent stays."""
    inactive_patron_days: int = Field(3 * 365, ge=30)
    """Patrons without activity this long are deleted with everything linked to them."""
    audit_days: int = Field(365, ge=30)
    """Technician audit entries are kept this long."""
    learned_patron_days: int = Field(30, ge=1)
    """SIP2: a patron the kiosk learned from a live answer is deleted this many days after
    their last visit (central.max_verification_age should be shorter: older verifications do
    not admit anyone offline anyway)."""
    outbox_days: int = Field(30, ge=1)
    """Items for the library system not delivered this many days after they were made (parked
    as refused, or never reachable) are deleted; delivered ones go at once."""
    max_clock_jump: Duration = timedelta(minutes=5)
    """A wall-clock step bigger than this against the boot-time clock (while running, or back
    across a restart) makes the clock untrusted: no purge, the stale policy applies."""
    max_offline: Duration = timedelta(days=60)
    """A kiosk off longer than this comes back with its clock untrusted until it is confirmed
    (`kiosk purge --force`); a shorter gap (a long weekend, the summer) is no clock jump."""

    @field_validator(*POLICY_MAX_DAYS)
    @classmethod
    def _within_policy(cls, value: int, info: ValidationInfo) -> int:
        limit, what = POLICY_MAX_DAYS[str(info.field_name)]
        if value > limit:
            raise ValueError(
                f"the library's privacy policy keeps {what} at most {limit} days; "
                "a shorter period is allowed, a longer one is not"
            )
        return value


class DatabaseSection(_Section):
    url: str = ""
    """SQLAlchemy URL; empty means SQLite at data_dir/kiosk.db."""


class SecretsSection(_Section):
    installation_key_file: Path | None = None
    """32-byte key for CPR/PIN hashing; default data_dir/installation.key (created 0600)."""
    technician_pin_file: Path | None = None
    """File (mode 0600) holding the technician PIN for the screen's long-press corner; unset
    means only a card in access.technician_cards opens the technician screen."""


class KioskConfig(_Section):
    kiosk: KioskSection = Field(default_factory=KioskSection)
    readers: dict[str, ReaderSection] = Field(default_factory=dict)
    relay: RelaySection = Field(default_factory=RelaySection)
    inputs: InputsSection = Field(default_factory=InputsSection)
    printer: PrinterSection = Field(default_factory=PrinterSection)
    access: AccessSection = Field(default_factory=AccessSection)
    calendar: CalendarSection = Field(default_factory=CalendarSection)
    central: CentralSection = Field(default_factory=CentralSection)
    retention: RetentionSection = Field(default_factory=RetentionSection)
    database: DatabaseSection = Field(default_factory=DatabaseSection)
    secrets: SecretsSection = Field(default_factory=SecretsSection)
    logging: LoggingSection = Field(default_factory=LoggingSection)
    metrics: MetricsSection = Field(default_factory=MetricsSection)
    timeouts: TimeoutsSection = Field(default_factory=TimeoutsSection)
    speech: SpeechSection = Field(default_factory=SpeechSection)
    outputs: dict[str, OutputSection] = Field(default_factory=dict)
    """Named outputs besides the door strike: lights, alarm arming, siren, public PCs, sign."""
    alarms: AlarmsSection = Field(default_factory=AlarmsSection)
    announcements: dict[str, AnnouncementSection] = Field(default_factory=dict)
    sound: SoundSection = Field(default_factory=SoundSection)
    occupancy: OccupancySection = Field(default_factory=OccupancySection)

"""Typed SQLAlchemy models of the cache. No CPR and no PIN: only keyed hashes and verifiers."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes stored as UTC; SQLite has no time zones, so we keep them ourselves."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, _dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the cache")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, _dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if isinstance(value, datetime) else None


# A tuple, not a dict literal per class: immutable and shared.
WITHOUT_ROWID: Any = ({"sqlite_with_rowid": False},)
STAGING_SCHEMA = "staging"
"""The staging tables live in a file of their own, attached under this name by
kiosk/cache/staging.py to the one connection that runs a full sync."""
IN_STAGING: Any = ({"schema": STAGING_SCHEMA},)


class Base(DeclarativeBase):
    pass


class _SyncedPatronColumns:
    """The columns a sync fills from the central's record; the others (_PatronColumns) a sync
    always writes the same (kiosk/cache/patrons.py SYNCED), so a full sync stages only these."""

    patron_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    birth_date: Mapped[date | None] = mapped_column(Date)
    patron_group: Mapped[str] = mapped_column(String(64), default="")
    blocked_reason: Mapped[str | None] = mapped_column(String(16))
    debt_ore: Mapped[int] = mapped_column(Integer, default=0)
    """Debt in øre (1/100 DKK), so money is never a float."""

    @property
    def debt_dkk(self) -> Decimal:
        return Decimal(self.debt_ore) / 100
    opt_in: Mapped[bool] = mapped_column(Boolean, default=False)
    last_activity: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    pin_verifier: Mapped[str | None] = mapped_column(Text)
    pin_version: Mapped[str | None] = mapped_column(String(64))
    """The central's pin_version the verifier was made for: the same again, the PIN did not
    change and the (memory-hard) verifier stays (kiosk/cache/patrons.py)."""


class _PatronColumns(_SyncedPatronColumns):
    blocked_since: Mapped[date | None] = mapped_column(Date)
    home_branch: Mapped[str] = mapped_column(String(64), default="")
    municipality: Mapped[str] = mapped_column(String(8), default="")
    verified_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    """SIP2 learned cache: when the library system last confirmed this patron and PIN."""
    reservations_ready: Mapped[int | None] = mapped_column(Integer)
    learned: Mapped[bool] = mapped_column(Boolean, default=False)
    """SIP2 learned cache: the kiosk made this row from a live answer (not a sync), so the kiosk
    purges it retention.learned_patron_days after `last_activity` (its last visit)."""
    sip2_ref: Mapped[str | None] = mapped_column(Text)
    """Sealed (kiosk/privacy/sealed.py): the identifier the library system is asked about when
    this learned patron is refreshed. None for a patron known only by health card."""


class Patron(_PatronColumns, Base):
    __tablename__ = "patrons"


class StagingPatron(_SyncedPatronColumns, Base):
    """A full sync builds the new set here and swaps it in with one transaction. A patron's CPR
    and first card ride on the patron's row: most patrons have no other credential, and rows
    of their own cost the sync process 6 s of inserts at 1 M patrons (bench/RESULTS.md, lever
    36). The rowid is the staging order: of one number staged for two patrons, the later
    record keeps it (kiosk/cache/swap.py)."""

    __tablename__ = "staging_patrons"
    __table_args__ = IN_STAGING
    cpr_id: Mapped[bytes | None] = mapped_column(LargeBinary(32))
    card_id: Mapped[bytes | None] = mapped_column(LargeBinary(32))
    card_status: Mapped[str | None] = mapped_column(String(8))


class Credential(Base):
    """Keyed hash of a CPR or card number -> patron (WITHOUT ROWID: the hash is the key)."""

    __tablename__ = "credentials"
    __table_args__ = WITHOUT_ROWID
    id: Mapped[bytes] = mapped_column(LargeBinary(32), primary_key=True)
    patron_id: Mapped[str] = mapped_column(
        ForeignKey("patrons.patron_id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(8), default="active")


class StagingCredential(Base):
    """A staged patron's cards after the first (StagingPatron holds the CPR and first card).

    Appended, not keyed by the hash: keyed, each row went to a random place in a B-tree larger
    than its page cache, 17 of the 24 s the sync process spent writing a million patrons'
    pages; the swap sorts every staged credential by hash once instead (bench/RESULTS.md,
    lever 34). `position` is the owner's staging rowid: of a card staged twice, the later
    record keeps it."""

    __tablename__ = "staging_credentials"
    __table_args__ = ({"schema": STAGING_SCHEMA},)
    row: Mapped[int] = mapped_column(Integer, primary_key=True)  # the rowid
    position: Mapped[int] = mapped_column(Integer)
    id: Mapped[bytes] = mapped_column(LargeBinary(32))
    patron_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(8), default="active")


class EntryLog(Base):
    """Every door attempt, granted or not. patron_id only, never a CPR; purged after 30 days."""

    __tablename__ = "entry_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    mode: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(32))
    granted: Mapped[bool] = mapped_column(Boolean)
    credential_kind: Mapped[str] = mapped_column(String(8))
    patron_id: Mapped[str | None] = mapped_column(String(64), index=True)
    rule_set_version: Mapped[str] = mapped_column(String(16), default="")
    cache_age_s: Mapped[int | None] = mapped_column(Integer)
    technician: Mapped[bool] = mapped_column(Boolean, default=False)
    repeats: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Reads this row stands for: a coalesced burst of unreadable reads is one row."""


class Lockout(Base):
    """Wrong PINs in a row, one row per patron across all their cards (kiosk/access/lockout.py
    `subject`); purged once `expires_at` has passed."""

    __tablename__ = "pin_lockouts"
    __table_args__ = WITHOUT_ROWID
    subject: Mapped[str] = mapped_column(String(80), primary_key=True)
    """`patron:<patron_id>`, or `credential:<keyed hash hex>` for a card the cache does not know."""
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class SyncState(Base):
    """Small key/value facts: cursor, last success, last error, last purge time."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class OutboxItem(Base):
    """Events to send to the central system, written in the same transaction as their cause."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    parked_error: Mapped[str | None] = mapped_column(Text)


class Loan(Base):
    """A loan seen at this kiosk (account screen). Anonymised 30 days after return."""

    __tablename__ = "loans"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patron_id: Mapped[str | None] = mapped_column(
        ForeignKey("patrons.patron_id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    loaned_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    returned_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)


class Reservation(Base):
    """Reservations for the account screen; deleted once fulfilled or cancelled."""

    __tablename__ = "reservations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patron_id: Mapped[str] = mapped_column(
        ForeignKey("patrons.patron_id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300), default="")
    state: Mapped[str] = mapped_column(String(16), default="reserved")
    """reserved | ready | fulfilled | cancelled"""
    pickup_number: Mapped[str | None] = mapped_column(String(32))
    pickup_deadline: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Debt(Base):
    """Debts for the account screen; deleted 30 days after settlement."""

    __tablename__ = "debts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patron_id: Mapped[str] = mapped_column(
        ForeignKey("patrons.patron_id", ondelete="CASCADE"), index=True
    )
    amount_ore: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    settled_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)


class Message(Base):
    """A message sent to a patron (receipt e-mail, SMS). Content goes after 30 days; the fact
    that it was sent stays."""

    __tablename__ = "messages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patron_id: Mapped[str | None] = mapped_column(
        ForeignKey("patrons.patron_id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str] = mapped_column(String(16))
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    content: Mapped[str | None] = mapped_column(Text)


class AuditEntry(Base):
    """Technician actions (screen opened, relay test, sync, reload, purge, log viewed)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    action: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(64))
    """Masked technician card or `cli:<user>`; never a CPR."""
    detail: Mapped[str] = mapped_column(Text, default="")


class StatCount(Base):
    """Counts without persons, kept after the personal rows are gone (national statistics)."""

    __tablename__ = "stat_counts"
    bucket: Mapped[datetime] = mapped_column(UtcDateTime, primary_key=True)
    """Start of the hour (entries) or of the day (circulation), UTC."""
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    """entry | checkout | checkin | renew"""
    reason: Mapped[str] = mapped_column(String(32), primary_key=True)
    """The entry's reason code, or "" for circulation."""
    count: Mapped[int] = mapped_column(Integer, default=0)


class BuildingEvent(Base):
    """What the building did and what happened at its doors, without persons: outputs
    switched, announcements said (each once: `key`), entries and exits counted, door alarms,
    suspected tailgates, fire alarms (with their end). Deleted with the entry log's period."""

    __tablename__ = "building_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    """output, announcement, entry, exit, forced_open, held_open, fire_alarm,
    tailgating_suspected, occupancy_reset, notification"""
    key: Mapped[str | None] = mapped_column(String(120), unique=True)
    """Set for what must happen once (an announcement and its moment)."""
    detail: Mapped[str] = mapped_column(Text, default="")
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    """Incidents (fire alarm, door alarms): when it ended; NULL while it lasts."""

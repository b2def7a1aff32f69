"""Lockouts per patron across all their cards (issue 13), with the time they stop mattering.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

`lockouts` was keyed by a credential's keyed hash, so each card of a patron had its own five
guesses. `pin_lockouts` is keyed by `patron:<id>` (or `credential:<hash>` for a card the cache
does not know) and has `expires_at`, which the retention purge uses. Rows are carried over,
merged per patron (the most failures, the latest lock); they count for 30 minutes (the shipped
access.lockout_minutes) after their last wrong PIN.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pin_lockouts",
        sa.Column("subject", sa.String(length=80), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("subject"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_pin_lockouts_expires_at", "pin_lockouts", ["expires_at"])
    op.execute(
        "INSERT INTO pin_lockouts (subject, failures, locked_until, updated_at, expires_at) "
        "SELECT subject, max(failures), max(locked_until), max(updated_at), "
        "max(coalesce(max(locked_until), ''), strftime('%Y-%m-%d %H:%M:%f', max(updated_at), "
        "'+30 minutes')) FROM ("
        " SELECT coalesce('patron:' || c.patron_id, 'credential:' || lower(hex(l.credential_id)))"
        " AS subject, l.failures, l.locked_until, l.updated_at"
        " FROM lockouts l LEFT JOIN credentials c ON c.id = l.credential_id"
        ") GROUP BY subject"
    )
    op.drop_table("lockouts")


def downgrade() -> None:
    op.create_table(
        "lockouts",
        sa.Column("credential_id", sa.LargeBinary(length=32), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("credential_id"),
        sqlite_with_rowid=False,
    )
    op.drop_index("ix_pin_lockouts_expires_at", table_name="pin_lockouts")
    op.drop_table("pin_lockouts")  # lockouts are minutes long: starting afresh loses little

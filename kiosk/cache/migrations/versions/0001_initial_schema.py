"""Initial schema: patrons, credentials (keyed hashes), entry log, lockouts, sync state, outbox.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 18:50:25.473759
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "entry_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.Column("credential_kind", sa.String(length=8), nullable=False),
        sa.Column("patron_id", sa.String(length=64), nullable=True),
        sa.Column("rule_set_version", sa.String(length=16), nullable=False),
        sa.Column("cache_age_s", sa.Integer(), nullable=True),
        sa.Column("technician", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("entry_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entry_log_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_entry_log_patron_id"), ["patron_id"], unique=False)

    op.create_table(
        "lockouts",
        sa.Column("credential_id", sa.LargeBinary(length=32), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("credential_id"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("parked_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("idempotency_key"),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_outbox_sent_at"), ["sent_at"], unique=False)

    op.create_table(
        "patrons",
        sa.Column("patron_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("patron_group", sa.String(length=64), nullable=False),
        sa.Column("blocked_reason", sa.String(length=16), nullable=True),
        sa.Column("blocked_since", sa.Date(), nullable=True),
        sa.Column("debt_ore", sa.Integer(), nullable=False),
        sa.Column("opt_in", sa.Boolean(), nullable=False),
        sa.Column("home_branch", sa.String(length=64), nullable=False),
        sa.Column("municipality", sa.String(length=8), nullable=False),
        sa.Column("last_activity", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("pin_verifier", sa.Text(), nullable=True),
        sa.Column("verified_at", sa.DateTime(), nullable=True),
        sa.Column("reservations_ready", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("patron_id"),
    )
    op.create_table(
        "staging_credentials",
        sa.Column("id", sa.LargeBinary(length=32), nullable=False),
        sa.Column("patron_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("staging_credentials", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_staging_credentials_patron_id"), ["patron_id"], unique=False
        )

    op.create_table(
        "staging_patrons",
        sa.Column("patron_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("patron_group", sa.String(length=64), nullable=False),
        sa.Column("blocked_reason", sa.String(length=16), nullable=True),
        sa.Column("blocked_since", sa.Date(), nullable=True),
        sa.Column("debt_ore", sa.Integer(), nullable=False),
        sa.Column("opt_in", sa.Boolean(), nullable=False),
        sa.Column("home_branch", sa.String(length=64), nullable=False),
        sa.Column("municipality", sa.String(length=8), nullable=False),
        sa.Column("last_activity", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("pin_verifier", sa.Text(), nullable=True),
        sa.Column("verified_at", sa.DateTime(), nullable=True),
        sa.Column("reservations_ready", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("patron_id"),
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "credentials",
        sa.Column("id", sa.LargeBinary(length=32), nullable=False),
        sa.Column("patron_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(["patron_id"], ["patrons.patron_id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("credentials", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_credentials_patron_id"), ["patron_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("credentials", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_credentials_patron_id"))

    op.drop_table("credentials")
    op.drop_table("sync_state")
    op.drop_table("staging_patrons")
    with op.batch_alter_table("staging_credentials", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staging_credentials_patron_id"))

    op.drop_table("staging_credentials")
    op.drop_table("patrons")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_sent_at"))
        batch_op.drop_index(batch_op.f("ix_outbox_created_at"))

    op.drop_table("outbox")
    op.drop_table("lockouts")
    with op.batch_alter_table("entry_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entry_log_patron_id"))
        batch_op.drop_index(batch_op.f("ix_entry_log_at"))

    op.drop_table("entry_log")

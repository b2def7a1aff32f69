"""The staging tables leave the cache: a full sync builds its set in a file of its own
(kiosk/cache/staging.py) that it deletes when done.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

They only ever held a full sync in progress, and an interrupted one starts again from scratch,
so dropping them loses nothing. Their pages join the cache's free list and are reused.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_table("staging_credentials")
    op.drop_table("staging_patrons")


def downgrade() -> None:
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
        sa.Column("learned", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sip2_ref", sa.Text(), nullable=True),
        sa.Column("pin_version", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("patron_id"),
    )
    op.create_table(
        "staging_credentials",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=32), nullable=False),
        sa.Column("patron_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )

"""Staging credentials become append-only (sequence key, no index) for fast full syncs.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

The table only ever holds a full sync in progress; an interrupted one is restarted from
scratch, so dropping its rows here loses nothing.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_table("staging_credentials")
    op.create_table(
        "staging_credentials",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=32), nullable=False),
        sa.Column("patron_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )


def downgrade() -> None:
    op.drop_table("staging_credentials")
    op.create_table(
        "staging_credentials",
        sa.Column("id", sa.LargeBinary(length=32), nullable=False),
        sa.Column("patron_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_staging_credentials_patron_id", "staging_credentials", ["patron_id"], unique=False
    )

"""Building events: outputs switched, announcements said once, entries and exits counted, door
and fire alarms with their end, suspected tailgates (issue 15). No person in any row.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "building_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_index("ix_building_events_at", "building_events", ["at"], unique=False)
    op.create_index("ix_building_events_kind", "building_events", ["kind"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_building_events_kind", table_name="building_events")
    op.drop_index("ix_building_events_at", table_name="building_events")
    op.drop_table("building_events")

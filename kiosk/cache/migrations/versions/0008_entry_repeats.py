"""Entry-log rows that stand for more than one read (issue 12): a reader sending garbage fast
made one `unreadable_card` row per frame, 137 a second at 9600 baud. The reader now coalesces
a burst of unreadable reads into one with a count (drivers/delivery.py); `repeats` keeps it, so
a flood is one row with its count. Existing rows stood for one read each.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entry_log") as batch:
        batch.add_column(sa.Column("repeats", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("entry_log") as batch:
        batch.drop_column("repeats")

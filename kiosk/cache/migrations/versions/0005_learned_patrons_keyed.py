"""Learned SIP2 patrons: marked as such, and refreshed by a sealed identifier (issue 13).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

A learned patron's id used to be the card number. Now it is a keyed id, `learned` says the
kiosk made the row (so retention purges it after its last visit) and `sip2_ref` holds the
identifier to refresh it by, sealed. Rows written before are re-keyed when a SIP2 kiosk starts
(kiosk/sip2/rekey.py), since that needs the installation key.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TABLES = ("patrons", "staging_patrons")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("learned", sa.Boolean(), nullable=False,
                                       server_default=sa.false()))
            batch.add_column(sa.Column("sip2_ref", sa.Text(), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("sip2_ref")
            batch.drop_column("learned")

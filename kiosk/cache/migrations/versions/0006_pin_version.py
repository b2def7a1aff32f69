"""The central's pin_version with each verifier, so an unchanged PIN keeps its memory-hard
verifier through a full sync; and rows already stored minimised as new ones are (issue 13):
the first name only, no home branch, municipality or block date. (Adults' birth dates go with
the next purge, which knows today's date.)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TABLES = ("patrons", "staging_patrons")


_GIVEN = ("CASE WHEN instr(name, ',') > 0 THEN ltrim(substr(name, instr(name, ',') + 1)) "
          "ELSE ltrim(name) END")
"""`Jensen, Anna` (a library system's order) -> `Anna`, `Anna Jensen` -> itself, then the first
word of it below: kiosk/privacy/minimise.py's first_name in SQL."""


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("pin_version", sa.String(length=64), nullable=True))
        first = f"substr({_GIVEN}, 1, instr({_GIVEN} || ' ', ' ') - 1)"
        sql = (f"UPDATE {table} SET name = {first}, home_branch = '', "  # noqa: S608 - constants
               "municipality = '', blocked_since = NULL")
        op.execute(sql)


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("pin_version")

"""Alembic environment: runs on the connection the kiosk hands over (kiosk.cache.db.migrate)."""

from __future__ import annotations

from alembic import context

from kiosk.cache.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
)
with context.begin_transaction():
    context.run_migrations()

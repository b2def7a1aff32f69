"""The local cache: SQLAlchemy models, engine with SQLite pragmas, Alembic migrations, queries."""

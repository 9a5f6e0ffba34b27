"""Database: declarative base, engine and session helpers, Alembic migrations."""

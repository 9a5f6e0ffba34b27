"""Pub/sub for live pages: an in-process broker, and PostgreSQL LISTEN/NOTIFY across processes."""

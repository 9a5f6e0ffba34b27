"""Migrations agree with the models, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from pathlib import Path

from gesi_app.db import migrate


def test_empty_database_upgrades_to_head_with_nothing_left_to_autogenerate(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'empty' / 'db.sqlite3'}"
    migrate.upgrade(url)
    assert asyncio.run(migrate.current_revision(url)) == migrate.head_revision()
    assert asyncio.run(migrate.pending_changes(url)) == []


def test_migrated_database_matches_models(database_url: str) -> None:
    assert asyncio.run(migrate.current_revision(database_url)) == migrate.head_revision()
    assert asyncio.run(migrate.pending_changes(database_url)) == []

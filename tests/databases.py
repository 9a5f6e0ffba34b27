"""Test databases: a migrated SQLite template copied per test, and one PostgreSQL database per
test worker, emptied after each test.

PostgreSQL tests run when GESI_TEST_POSTGRES_URL is set. With CI=true they must run: a missing
or unreachable server fails them rather than skipping them.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from gesi_app.db import migrate
from gesi_app.db.engine import create_engine
from gesi_app.db.models import Base

IN_CI = os.environ.get("CI", "").lower() == "true"
POSTGRES_URL = os.environ.get("GESI_TEST_POSTGRES_URL", "")
RUN_ID = uuid.uuid4().hex


def sqlite_template(directory: Path) -> Path:
    path = directory / "template.sqlite3"
    migrate.upgrade(f"sqlite+aiosqlite:///{path}")
    return path


def fresh_sqlite(template: Path, directory: Path) -> str:
    path = directory / "suara.sqlite3"
    shutil.copyfile(template, path)
    return f"sqlite+aiosqlite:///{path}"


def postgres_unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"PostgreSQL is required in CI: {reason}", pytrace=False)
    pytest.skip(reason)


async def _admin(admin_url: str, *statements: str) -> None:
    """Run statements (CREATE/DROP DATABASE) on the server's admin database."""
    url = make_url(admin_url)
    conn = await asyncpg.connect(
        user=url.username,
        password=url.password,
        host=url.host,
        port=url.port,
        database=url.database,
    )
    try:
        for statement in statements:
            await conn.execute(statement)
    finally:
        await conn.close()


def worker_database_name(worker_id: str) -> str:
    """Unique per test run and worker, so two runs on one server never share a database."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID") or RUN_ID
    return f"suara_test_{run[:10]}_{worker_id}"


def worker_postgres(worker_id: str) -> str:
    """Create (anew) and migrate this worker's PostgreSQL database; return its URL."""
    if not POSTGRES_URL:
        postgres_unavailable("GESI_TEST_POSTGRES_URL is not set")
    name = worker_database_name(worker_id)
    try:
        asyncio.run(
            _admin(
                POSTGRES_URL,
                f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
                f'CREATE DATABASE "{name}"',
            )
        )
    except (OSError, asyncpg.PostgresError) as exc:
        postgres_unavailable(f"cannot reach {make_url(POSTGRES_URL).host}: {exc}")
    url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    migrate.upgrade(url)
    _migrated[url] = asyncio.run(_record(url))
    return url


def drop_worker_postgres(url: str) -> None:
    name = make_url(url).database
    asyncio.run(_admin(POSTGRES_URL, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


# A used database goes back to exactly what the migrations left (their seeded rows and the
# sequences' positions), recorded once when the worker's database is made: DELETE with
# triggers and foreign-key checks off (``session_replication_role``, a superuser's setting, as
# the test server's ``postgres`` is), then the recorded rows and sequences back. TRUNCATE of
# every table (new files for each table and index, synced at commit) took about a second a
# test, several minutes of a run, to clear the few rows a test leaves.
_EMPTY = """
DO $$
DECLARE name text;
BEGIN
  SET LOCAL session_replication_role = replica;
  FOREACH name IN ARRAY string_to_array('{tables}', ',') LOOP
    EXECUTE format('DELETE FROM %I', name);
  END LOOP;
  PERFORM setval(format('%I.%I', schemaname, sequencename)::regclass, start_value, false)
    FROM pg_sequences WHERE schemaname = current_schema() AND last_value IS NOT NULL;
END $$
"""
_SEQUENCES = """
SELECT format('%I.%I', schemaname, sequencename), last_value
FROM pg_sequences WHERE schemaname = current_schema() AND last_value IS NOT NULL
"""


@dataclass(frozen=True)
class Migrated:
    """What a freshly migrated database holds: seeded rows by table, sequences' positions."""

    rows: dict[str, list[dict[str, Any]]]
    sequences: list[tuple[str, int]]


_migrated: dict[str, Migrated] = {}


async def _record(url: str) -> Migrated:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            rows = {}
            for table in Base.metadata.sorted_tables:
                found = (await conn.execute(table.select())).mappings().all()
                if found:
                    rows[table.name] = [dict(row) for row in found]
            sequences = [(name, value) for name, value in await conn.execute(text(_SEQUENCES))]
    finally:
        await engine.dispose()
    return Migrated(rows, sequences)


async def _empty(url: str) -> None:
    migrated = _migrated[url]
    tables = {t.name: t for t in Base.metadata.sorted_tables}
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(text(_EMPTY.format(tables=",".join(tables))))
            # Still this transaction: the seeded rows go back with triggers off, as they were.
            for name, rows in migrated.rows.items():
                await conn.execute(tables[name].insert(), rows)
            for sequence, value in migrated.sequences:
                await conn.execute(text("SELECT setval(:s, :v)"), {"s": sequence, "v": value})
    finally:
        await engine.dispose()


def empty_postgres(url: str) -> None:
    asyncio.run(_empty(url))

"""Test databases: a migrated SQLite template copied per test, and one PostgreSQL database per
test worker, emptied after each test.

PostgreSQL tests run when GESI_TEST_POSTGRES_URL is set. With CI=true they must run: a missing
or unreachable server fails them rather than skipping them.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from gesi_app.accounts.models import ResponseTemplate
from gesi_app.db import migrate
from gesi_app.db.engine import create_engine
from gesi_app.db.models import Base
from gesi_app.stats.models import PopulationBaseline

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
    return url


def drop_worker_postgres(url: str) -> None:
    name = make_url(url).database
    asyncio.run(_admin(POSTGRES_URL, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _truncate(url: str) -> None:
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
            await conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
            # Rows a migration seeds are part of an empty database, as on SQLite's copy.
            await conn.execute(ResponseTemplate.__table__.insert(), _migration_seeds("0009"))
            await conn.execute(
                PopulationBaseline.__table__.insert(), _migration_seeds("0014_stats")
            )
    finally:
        await engine.dispose()


def _migration(revision: str) -> Any:
    versions = Path(migrate.__file__).parent / "migrations" / "versions"
    [path] = versions.glob(f"{revision}_*.py")
    spec = importlib.util.spec_from_file_location(f"migration_{revision}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _migration_seeds(revision: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = _migration(revision).seed_rows()
    # 0016 changed the seeded "Work is planned" text (it asks for the repair date).
    retext = _migration("0016_intake")
    for row in rows:
        if row.get("key") == "scheduled" and all(
            row[k] == v for k, v in retext.SCHEDULED_BEFORE.items()
        ):
            row.update(retext.SCHEDULED_AFTER)
    return rows


def empty_postgres(url: str) -> None:
    asyncio.run(_truncate(url))

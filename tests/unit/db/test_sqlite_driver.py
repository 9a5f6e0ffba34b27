"""The SQLite adapter (gesi_app.db.sqlite_driver): one trip to aiosqlite's thread per
statement, with the same results and errors as SQLAlchemy's own adapter.

Trips are counted on aiosqlite's connection object (a third-party object, observed, not
replaced): its ``_execute`` is what queues work for the connection's thread."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from gesi_app.db.engine import create_engine
from gesi_app.db.sqlite_driver import OneTripConnection


def test_aiosqlite_still_has_what_the_adapter_uses() -> None:
    # An aiosqlite release without these breaks the adapter: this names the cause.
    assert callable(getattr(aiosqlite.Connection, "_execute", None))
    assert isinstance(getattr(aiosqlite.Connection, "_conn", None), property)


Check = Callable[[AsyncConnection, list[str]], Awaitable[None]]


def run(tmp_path: Path, check: Check) -> None:
    async def main() -> None:
        engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'driver.sqlite3'}")
        try:
            async with engine.connect() as conn:
                raw = await conn.get_raw_connection()
                assert isinstance(raw.dbapi_connection, OneTripConnection)
                driver: Any = raw.driver_connection
                trips: list[str] = []
                queue = driver._execute

                async def counted(fn: Any, *args: Any, **kwargs: Any) -> Any:
                    trips.append(getattr(fn, "__name__", repr(fn)))
                    return await queue(fn, *args, **kwargs)

                driver._execute = counted
                try:
                    await check(conn, trips)
                finally:
                    del driver._execute
        finally:
            await engine.dispose()

    asyncio.run(main())


async def make_table(conn: AsyncConnection) -> None:
    await conn.execute(
        text("CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT UNIQUE NOT NULL, n INTEGER)")
    )


def test_an_insert_with_returning_takes_one_trip_and_gives_its_row(tmp_path: Path) -> None:
    async def check(conn: AsyncConnection, trips: list[str]) -> None:
        await make_table(conn)
        trips.clear()
        result = await conn.execute(
            text("INSERT INTO t (code, n) VALUES (:c, :n) RETURNING id, code"), {"c": "A", "n": 1}
        )
        assert result.all() == [(1, "A")]
        assert trips == ["_run"]

    run(tmp_path, check)


def test_a_select_gives_every_row_and_its_columns_in_one_trip(tmp_path: Path) -> None:
    async def check(conn: AsyncConnection, trips: list[str]) -> None:
        await make_table(conn)
        for i in range(5):
            await conn.execute(
                text("INSERT INTO t (code, n) VALUES (:c, :n)"), {"c": f"C{i}", "n": i}
            )
        trips.clear()
        result = await conn.execute(text("SELECT code, n FROM t WHERE n >= 2 ORDER BY n"))
        assert list(result.keys()) == ["code", "n"]
        assert result.all() == [("C2", 2), ("C3", 3), ("C4", 4)]
        empty = await conn.execute(text("SELECT code FROM t WHERE n > 99"))
        assert list(empty.keys()) == ["code"] and empty.all() == []
        assert trips == ["_run", "_run"]

    run(tmp_path, check)


def test_an_update_counts_its_rows_and_an_insert_gives_its_row_id(tmp_path: Path) -> None:
    async def check(conn: AsyncConnection, trips: list[str]) -> None:
        await make_table(conn)
        inserted = await conn.execute(text("INSERT INTO t (code, n) VALUES ('X', 1)"))
        assert inserted.lastrowid == 1
        await conn.execute(text("INSERT INTO t (code, n) VALUES ('Y', 1)"))
        updated = await conn.execute(text("UPDATE t SET n = 2 WHERE n = 1"))
        assert updated.rowcount == 2
        none = await conn.execute(text("UPDATE t SET n = 3 WHERE code = 'nobody'"))
        assert none.rowcount == 0

    run(tmp_path, check)


def test_many_rows_in_one_statement_take_one_trip(tmp_path: Path) -> None:
    async def check(conn: AsyncConnection, trips: list[str]) -> None:
        await make_table(conn)
        trips.clear()
        rows = [{"c": f"M{i}", "n": i} for i in range(10)]
        result = await conn.execute(text("INSERT INTO t (code, n) VALUES (:c, :n)"), rows)
        assert result.rowcount == 10
        assert trips == ["_run_many"]
        assert (await conn.scalar(text("SELECT count(*) FROM t"))) == 10

    run(tmp_path, check)


def test_an_error_is_sqlalchemys_and_the_connection_goes_on(tmp_path: Path) -> None:
    async def check(conn: AsyncConnection, trips: list[str]) -> None:
        await make_table(conn)
        await conn.execute(text("INSERT INTO t (code, n) VALUES ('D', 1)"))
        await conn.commit()
        with pytest.raises(IntegrityError, match="UNIQUE constraint failed"):
            await conn.execute(text("INSERT INTO t (code, n) VALUES ('D', 2)"))
        await conn.rollback()
        assert (await conn.scalar(text("SELECT n FROM t WHERE code = 'D'"))) == 1

    run(tmp_path, check)


def test_the_pragmas_hold_on_its_connections(tmp_path: Path) -> None:
    async def check(conn: AsyncConnection, trips: list[str]) -> None:
        assert (await conn.scalar(text("PRAGMA journal_mode"))) == "wal"
        assert (await conn.scalar(text("PRAGMA synchronous"))) == 2  # FULL
        assert (await conn.scalar(text("PRAGMA foreign_keys"))) == 1

    run(tmp_path, check)

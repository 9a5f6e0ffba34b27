"""SQLite through aiosqlite, with one trip to aiosqlite's thread per statement.

aiosqlite runs each SQLite connection in its own thread, and every call into it is a trip:
the event loop queues the call, the thread runs it, the loop wakes up again. SQLAlchemy's
adapter makes three or four trips per statement (open a cursor, execute, fetch the rows,
close the cursor), so storing a report (four inserts and a commit) took some seventeen
trips, which cost more than SQLite's own work and its sync to disk. This adapter does a
statement's whole cursor life in one trip: open, execute, read the description, row count,
last row id and every row, close. Nothing else changes: same SQL, same transactions, same
errors (raised in the thread, re-raised here through SQLAlchemy's usual handling).

It rests on aiosqlite's ``Connection._execute(fn)`` (queue a function for the connection's
thread) and ``Connection._conn`` (the sqlite3 connection that thread owns), which
SQLAlchemy's own adapter also reaches into; ``tests/unit/db/test_sqlite_driver.py`` fails
if an aiosqlite release takes them away.
"""

from __future__ import annotations

import collections
import sqlite3
from collections.abc import Sequence
from typing import Any

import aiosqlite
from sqlalchemy.connectors.asyncio import AsyncAdapt_dbapi_connection
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util import EMPTY_DICT
from sqlalchemy.util.concurrency import await_

# What one trip brings back: description, rows, row count, last row id.
_Outcome = tuple[Any, Sequence[Any], int, int | None]


def _run(connection: sqlite3.Connection, operation: str, parameters: Any) -> _Outcome:
    """In aiosqlite's thread: a whole statement, from opening a cursor to closing it."""
    cursor = connection.cursor()
    try:
        if parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else ()
        return description, rows, cursor.rowcount, cursor.lastrowid
    finally:
        cursor.close()


def _run_many(connection: sqlite3.Connection, operation: str, rows: Any) -> _Outcome:
    cursor = connection.cursor()
    try:
        cursor.executemany(operation, rows)
        return cursor.description, (), cursor.rowcount, cursor.lastrowid
    finally:
        cursor.close()


async def _trip(driver: Any, fn: Any, operation: Any, parameters: Any) -> _Outcome:
    """Run ``fn`` on the sqlite3 connection in aiosqlite's thread: one trip."""
    outcome: _Outcome = await driver._execute(fn, driver._conn, operation, parameters)
    return outcome


class OneTripCursor(AsyncAdapt_aiosqlite_cursor):
    """A cursor that holds a finished statement's results; no aiosqlite cursor behind it."""

    __slots__ = ("_arraysize", "_description", "_lastrowid", "_rowcount")

    def __init__(self, adapt_connection: AsyncAdapt_dbapi_connection) -> None:
        # Not the base __init__: that opens an aiosqlite cursor, a trip of its own.
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._cursor = None  # type: ignore[assignment]  # nothing to close
        self._soft_closed_memoized = EMPTY_DICT
        self._rows = collections.deque()
        self._description: Any = None
        self._rowcount = -1
        self._lastrowid: int | None = None
        self._arraysize = 1

    @property
    def description(self) -> Any:
        return self._description

    @property
    def rowcount(self) -> int:
        return self._rowcount

    @property
    def lastrowid(self) -> int:
        return self._lastrowid  # type: ignore[return-value]  # None before an insert, as sqlite3

    @property
    def arraysize(self) -> int:
        return self._arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._arraysize = value

    def _keep(self, outcome: _Outcome) -> None:
        self._description, rows, self._rowcount, self._lastrowid = outcome
        self._rows = collections.deque(rows)

    async def _execute_async(self, operation: Any, parameters: Any) -> Any:
        async with self._adapt_connection._execute_mutex:
            self._keep(await _trip(self._connection, _run, operation, parameters))
        return self

    async def _executemany_async(self, operation: Any, seq_of_parameters: Any) -> Any:
        async with self._adapt_connection._execute_mutex:
            self._keep(await _trip(self._connection, _run_many, operation, seq_of_parameters))
        return self

    async def _async_soft_close(self) -> None:
        return None  # the statement's cursor was closed in its own trip

    def nextset(self) -> None:
        self._rows.clear()  # one statement, one result set (as sqlite3)


class OneTripConnection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ()
    _cursor_cls = OneTripCursor


class OneTripDBAPI(AsyncAdapt_aiosqlite_dbapi):
    """SQLAlchemy's aiosqlite DBAPI, handing out connections whose cursors take one trip."""

    def connect(self, *arg: Any, **kw: Any) -> OneTripConnection:
        connection = aiosqlite.connect(*arg, **kw)
        connection._thread.daemon = True  # as SQLAlchemy's adapter: never blocks exit
        return OneTripConnection(self, await_(connection))  # type: ignore[arg-type]  # as SQLAlchemy's


def dbapi() -> OneTripDBAPI:
    """The module to give ``create_async_engine(..., module=...)`` for SQLite URLs."""
    return OneTripDBAPI(aiosqlite, sqlite3)

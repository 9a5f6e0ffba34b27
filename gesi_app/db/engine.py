"""Engine and session factory for SQLite (embedded default) and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import ConnectionPoolEntry

from gesi_app.db import sqlite_driver


def _sqlite_pragmas(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers run beside the writer; FULL syncs the WAL on every commit, so a
    # tracking code shown to a citizen is on disk even across a power cut.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def create_engine(database_url: str) -> AsyncEngine:
    if database_url.startswith("sqlite"):
        # One trip to aiosqlite's thread per statement (see sqlite_driver). No rollback when a
        # connection goes back to the pool: sessions and connections end their own
        # transactions (commit, or rollback on close), and each rollback is one more trip.
        engine = create_async_engine(
            database_url,
            module=sqlite_driver.dbapi(),
            connect_args={"timeout": 10},
            pool_reset_on_return=None,
        )
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    return create_async_engine(database_url, pool_size=10, max_overflow=10, pool_pre_ping=True)


class Session(AsyncSession):
    """An AsyncSession that skips closing when it never began anything.

    A page opens a session for the request and often runs no query (the first question, a
    form with an error): closing it would still hop into a greenlet, and leaving ``async
    with`` would start a task to do so. With no transaction begun and no object in it there
    is nothing to close, and the session is in the state a close would leave it in.
    """

    def _untouched(self) -> bool:
        sync = self.sync_session
        return not sync.in_transaction() and not sync.identity_map and not sync.new

    async def close(self) -> None:
        if not self._untouched():
            await super().close()

    async def __aexit__(self, type_: Any, value: Any, traceback: Any) -> None:
        if not self._untouched():
            await super().__aexit__(type_, value, traceback)


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, class_=Session, expire_on_commit=False)

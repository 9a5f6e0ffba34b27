"""The request session (gesi_app.db.engine.Session): one that began nothing ends without any
work; one that ran a query or holds an object ends as SQLAlchemy's own does."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import text

from gesi_app.db.engine import Session, create_engine, session_factory


def test_sessions_end_as_they_should(tmp_path: Path) -> None:
    async def main() -> None:
        engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'session.sqlite3'}")
        sessions = session_factory(engine)
        try:
            async with engine.begin() as conn:
                await conn.execute(text("CREATE TABLE t (n INTEGER)"))
            async with sessions() as untouched:
                assert isinstance(untouched, Session)
                assert untouched._untouched()
            assert engine.pool.checkedout() == 0  # type: ignore[attr-defined]  # QueuePool

            async with sessions() as used:
                await used.execute(text("INSERT INTO t VALUES (1)"))
                assert not used._untouched()
                assert engine.pool.checkedout() == 1  # type: ignore[attr-defined]  # QueuePool
            # Left without a commit: rolled back and its connection back in the pool.
            assert engine.pool.checkedout() == 0  # type: ignore[attr-defined]  # QueuePool
            async with sessions() as session:
                assert (await session.scalar(text("SELECT count(*) FROM t"))) == 0
                await session.close()
                assert session._untouched()
                await session.close()  # a second close has nothing to do
        finally:
            await engine.dispose()

    asyncio.run(main())

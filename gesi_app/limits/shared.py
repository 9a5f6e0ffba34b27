"""Rate limits that hold across every app process: counters in the database.

A limit counted in each process's memory lets N processes allow N times the limit, and a
restart forgets it. Here every count is one row per key and fixed time window
(``rate_counts``), changed by a single statement: ``INSERT ... ON CONFLICT DO UPDATE SET
count = count + 1 RETURNING count``. SQLite (one machine) and PostgreSQL (many processes
or hosts) both run it atomically, so concurrent requests each see a different count and at
most ``limit`` of them are let through (``take``).

Each call runs in its own short transaction on its own connection and commits at once: a
count is never lost when the request's own work fails, and it is visible to every other
process before the guarded work (a password check, a new report) starts. Call a limit
before the request's session writes anything: on SQLite a second connection waits for the
first one's write to end.

Windows are fixed (they start at multiples of ``seconds`` since 1970): simple to explain,
and the time a refused client may try again is the window's end.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from gesi_app.limits.models import RateCount


def engine_of(session: AsyncSession) -> AsyncEngine:
    """The engine of a request's session: limits kept beside the data they guard."""
    bind = session.bind
    if isinstance(bind, AsyncConnection):
        return bind.engine
    if isinstance(bind, AsyncEngine):
        return bind
    raise TypeError("the session is not bound to a database")


def _subject(key: str) -> str:
    """Only a hash of the key is stored: no address or username in clear in this table."""
    return hashlib.sha256(key.encode()).hexdigest()


class SharedLimit:
    """At most ``limit`` counts per key in each window of ``seconds``, across processes.

    The object holds no counts itself (only the database does), so making one costs nothing
    and two apps made on one database share their counts.
    """

    def __init__(self, engine: AsyncEngine, scope: str, limit: int, seconds: int) -> None:
        if limit < 1 or seconds < 1:
            raise ValueError("a limit allows at least 1 in a window of at least 1 second")
        self.engine = engine
        self.scope = scope
        self.limit = limit
        self.seconds = seconds

    def window(self, now: float | None = None) -> tuple[int, int]:
        """The start and end (Unix seconds) of the window ``now`` falls in."""
        moment = int(time.time() if now is None else now)
        start = moment - moment % self.seconds
        return start, start + self.seconds

    def reopens_at(self, now: float | None = None) -> dt.datetime:
        """When the current window ends, so a refused key may try again (UTC)."""
        return dt.datetime.fromtimestamp(self.window(now)[1], dt.UTC)

    async def count(self, key: str, now: float | None = None) -> int:
        """How many times ``key`` was counted in the current window."""
        start, _ = self.window(now)
        async with AsyncSession(self.engine) as session:
            found = await session.scalar(
                select(RateCount.count).where(
                    RateCount.scope == self.scope,
                    RateCount.subject == _subject(key),
                    RateCount.window_start == start,
                )
            )
        return int(found or 0)

    async def allowed(self, key: str, now: float | None = None) -> bool:
        """True while ``key`` has fewer than ``limit`` counts in this window (counts nothing)."""
        return await self.count(key, now) < self.limit

    async def hit(self, key: str, now: float | None = None) -> int:
        """Count one for ``key`` atomically; returns the key's count in this window after it."""
        start, end = self.window(now)
        async with AsyncSession(self.engine) as session:
            dialect = session.get_bind().dialect.name
            insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
            values = insert(RateCount).values(
                scope=self.scope,
                subject=_subject(key),
                window_start=start,
                window_end=end,
                count=1,
            )
            statement = values.on_conflict_do_update(
                index_elements=["scope", "subject", "window_start"],
                set_={"count": RateCount.count + 1},
            ).returning(RateCount.count)
            counted = await session.scalar(statement)
            await session.commit()
        return int(counted or 0)

    async def take(self, key: str, now: float | None = None) -> bool:
        """Count one and say whether it is within the limit (refused tries count too, so a
        flood stays refused until the window ends)."""
        return await self.hit(key, now) <= self.limit

    async def give_back(self, key: str, now: float | None = None) -> None:
        """Undo one count of this window (a try that turned out not to be one to limit)."""
        start, _ = self.window(now)
        async with AsyncSession(self.engine) as session:
            await session.execute(
                update(RateCount)
                .where(
                    RateCount.scope == self.scope,
                    RateCount.subject == _subject(key),
                    RateCount.window_start == start,
                    RateCount.count > 0,
                )
                .values(count=RateCount.count - 1)
            )
            await session.commit()

    async def clear(self, key: str) -> None:
        """Forget every count of ``key`` (a successful sign-in clears its own failures)."""
        async with AsyncSession(self.engine) as session:
            await session.execute(
                delete(RateCount).where(
                    RateCount.scope == self.scope, RateCount.subject == _subject(key)
                )
            )
            await session.commit()


async def purge_ended(session: AsyncSession, now: dt.datetime) -> int:
    """Delete the counters of windows that have ended (periodic jobs); returns how many."""
    result = await session.execute(
        delete(RateCount).where(RateCount.window_end <= int(now.timestamp()))
    )
    await session.commit()
    return int(getattr(result, "rowcount", 0) or 0)

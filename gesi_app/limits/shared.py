"""Rate limits that hold across every app process: counters in the database.

A limit counted in each process's memory lets N processes allow N times the limit, and a
restart forgets it. Here each limited key has one row (``rate_counts``): its count and when
its window ends. A window starts at the key's first count and lasts ``seconds``; a count after
it ends starts a new one. Every count is a single statement, ``INSERT ... ON CONFLICT DO
UPDATE ... RETURNING``, which SQLite (one machine) and PostgreSQL (many processes or hosts)
both run atomically: concurrent requests each get a different count, and at most ``limit``
of them are let through (``take``).

Each call runs in its own short transaction on its own connection and commits at once: a
count is never lost when the request's own work fails, and it is visible to every other
process before the guarded work (a password check, a new report) starts. Call a limit when
the request's session holds no connection, or only reads: on SQLite a second connection
waits for the first one's write to end, and a pool held by waiting requests runs dry.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from dataclasses import dataclass

from sqlalchemy import ColumnElement, case, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from gesi_app.limits.models import RateCount


@dataclass(frozen=True)
class Counted:
    count: int  # the key's count in its window, this one included
    until: dt.datetime  # when the window ends (UTC): a refused key may try again then


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

    def _where(self, key: str) -> tuple[ColumnElement[bool], ...]:
        return (RateCount.scope == self.scope, RateCount.subject == _subject(key))

    async def count(self, key: str, now: float | None = None) -> int:
        """How many times ``key`` was counted in its current window (0 when none is open)."""
        moment = int(time.time() if now is None else now)
        async with AsyncSession(self.engine) as session:
            found = await session.scalar(
                select(RateCount.count).where(
                    *self._where(key),
                    RateCount.window_end > moment,
                )
            )
        return int(found or 0)

    async def allowed(self, key: str, now: float | None = None) -> bool:
        """True while ``key`` has fewer than ``limit`` counts in its window (counts nothing)."""
        return await self.count(key, now) < self.limit

    async def hit(self, key: str, now: float | None = None) -> Counted:
        """Count one for ``key`` atomically, opening a new window when the last one ended."""
        moment = int(time.time() if now is None else now)
        end = moment + self.seconds
        async with AsyncSession(self.engine) as session:
            dialect = session.get_bind().dialect.name
            insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
            values = insert(RateCount).values(
                scope=self.scope,
                subject=_subject(key),
                window_start=moment,
                window_end=end,
                count=1,
            )
            # Both databases compute every SET from the row as it was before the update.
            ended = RateCount.window_end <= moment
            statement = values.on_conflict_do_update(
                index_elements=["scope", "subject"],
                set_={
                    "count": case((ended, 1), else_=RateCount.count + 1),
                    "window_start": case((ended, moment), else_=RateCount.window_start),
                    "window_end": case((ended, end), else_=RateCount.window_end),
                },
            ).returning(RateCount.count, RateCount.window_end)
            row = (await session.execute(statement)).one()
            await session.commit()
        return Counted(int(row[0]), dt.datetime.fromtimestamp(int(row[1]), dt.UTC))

    async def take(self, key: str, now: float | None = None) -> bool:
        """Count one and say whether it is within the limit (refused tries count too, so a
        flood stays refused until its window ends)."""
        return (await self.hit(key, now)).count <= self.limit

    async def give_back(self, key: str, now: float | None = None) -> None:
        """Undo one count of the open window (a try that turned out not to be one to limit)."""
        moment = int(time.time() if now is None else now)
        async with AsyncSession(self.engine) as session:
            await session.execute(
                update(RateCount)
                .where(
                    *self._where(key),
                    RateCount.window_end > moment,
                    RateCount.count > 0,
                )
                .values(count=RateCount.count - 1)
            )
            await session.commit()

    async def clear(self, key: str) -> None:
        """Forget the count of ``key`` (a successful sign-in clears its own failures)."""
        async with AsyncSession(self.engine) as session:
            await session.execute(delete(RateCount).where(*self._where(key)))
            await session.commit()


async def purge_ended(session: AsyncSession, now: dt.datetime) -> int:
    """Delete the counts whose window has ended (periodic jobs); returns how many."""
    result = await session.execute(
        delete(RateCount).where(RateCount.window_end <= int(now.timestamp()))
    )
    await session.commit()
    return int(getattr(result, "rowcount", 0) or 0)

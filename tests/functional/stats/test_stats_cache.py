"""StatsCache on a real database: a crowd asking for one view at once counts it once; a new
version is counted anew and the old entries go; a count that started before a change never
replaces the numbers counted after it."""

from __future__ import annotations

import asyncio

from sqlalchemy import update

from gesi_app.db.engine import create_engine, session_factory
from gesi_app.stats.cache import StatsCache, current_version
from gesi_app.stats.models import StatsVersion


async def _bump(url: str) -> None:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            await session.execute(update(StatsVersion).values(version=StatsVersion.version + 1))
            await session.commit()
    finally:
        await engine.dispose()


def test_a_crowd_counts_once(database_url: str) -> None:
    async def go() -> None:
        engine = create_engine(database_url)
        cache: StatsCache[str] = StatsCache()
        counted: list[int] = []

        async def count() -> str:
            counted.append(1)
            await asyncio.sleep(0.05)
            return "numbers"

        async def ask() -> str:
            async with session_factory(engine)() as session:
                return await cache.get(session, ("view",), count)

        try:
            found = await asyncio.gather(*(ask() for _ in range(8)))
        finally:
            await engine.dispose()
        assert found == ["numbers"] * 8
        assert len(counted) == 1
        assert (cache.misses, cache.hits) == (1, 7)

    asyncio.run(go())


def test_a_new_version_is_counted_anew_and_old_entries_go(database_url: str) -> None:
    async def go() -> None:
        engine = create_engine(database_url)
        cache: StatsCache[int] = StatsCache()
        try:
            async with session_factory(engine)() as session:
                first = await current_version(session)
                assert await cache.get(session, ("a",), _value(1)) == 1
                assert await cache.get(session, ("b",), _value(2)) == 2
                assert await cache.get(session, ("a",), _value(99)) == 1  # from memory
            await _bump(database_url)
            async with session_factory(engine)() as session:
                assert await current_version(session) == first + 1
                assert await cache.get(session, ("a",), _value(3)) == 3
            assert [key[0] for key in cache._entries] == [first + 1]
        finally:
            await engine.dispose()

    asyncio.run(go())


def test_a_slow_count_from_before_a_change_does_not_replace_newer_numbers(
    database_url: str,
) -> None:
    async def go() -> None:
        engine = create_engine(database_url)
        cache: StatsCache[str] = StatsCache()
        started = asyncio.Event()
        finish = asyncio.Event()

        async def slow() -> str:
            started.set()
            await finish.wait()
            return "before"

        try:
            async with session_factory(engine)() as old, session_factory(engine)() as new:
                late = asyncio.create_task(cache.get(old, ("v",), slow))
                await started.wait()
                await _bump(database_url)
                assert await cache.get(new, ("v",), _value("after")) == "after"
                finish.set()
                assert await late == "before"  # that request's own, older numbers
                assert await cache.get(new, ("v",), _value("again")) == "after"
        finally:
            await engine.dispose()

    asyncio.run(go())


def _value(value: object):  # type: ignore[no-untyped-def]
    async def count() -> object:
        return value

    return count

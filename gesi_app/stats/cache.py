"""The counts of each statistics view, kept between requests until a report or forum changes.

Counting a million reports takes seconds; the numbers change only when what they count
changes. Each process keeps the counts of the views asked for lately (``StatsCache``), keyed
by the view (its canonical filters, the agency's id, the time zone) and by the statistics
version: a counter in the database (``stats_version``) that triggers add one to in the same
transaction as every insert, update or delete of a report, its history, its "About you"
answers, its rating, a forum, a forum input or a participant (migration 0023), whichever
process or script made it. A request reads the version first, then counts: counts under a
version are never older than that version's data, so a cache hit is never stale, in any
process. The same class keeps built views (``service.BuiltViews``: the names, areas and
baselines they show move the version too, migration 0024) and the filters' options.
``PartCache`` keeps the counts of single months by each month's own version (0026).

While a view is being counted, other requests for the same view and version wait for those
counts rather than count again (one count per view at a time in each process).
"""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.stats.models import StatsVersion

T = TypeVar("T")
Key = tuple[object, ...]

# A view's counts take from kilobytes to a few MiB (the day pairs of its timings).
MAX_ENTRIES = 32


async def current_version(session: AsyncSession) -> int:
    """The statistics version in the database (0 before any change was counted)."""
    return int(await session.scalar(select(StatsVersion.version).where(StatsVersion.id == 1)) or 0)


class _Counts(ABC, Generic[T]):
    """Counts by key, the last ``size`` used, in this process; one count at a time per key
    (a crowd asking for the same view waits for one count). Subclasses say which counts are
    kept (``_keep``): numbers older than ones already kept are for their own request only."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[Key, T] = OrderedDict()
        self._counting: dict[Key, asyncio.Lock] = {}
        self.hits = 0
        self.misses = 0

    def clear(self) -> None:
        self._entries.clear()

    async def _get(self, key: Key, count: Callable[[], Awaitable[T]]) -> T:
        found = self._found(key)
        if found is not None:
            return found
        lock = self._counting.setdefault(key, asyncio.Lock())
        try:
            async with lock:
                found = self._found(key)
                if found is not None:
                    return found
                self.misses += 1
                counted = await count()
                self._keep(key, counted)
                while len(self._entries) > self.size:
                    self._entries.popitem(last=False)
                return counted
        finally:
            if not lock.locked():
                self._counting.pop(key, None)

    @abstractmethod
    def _keep(self, key: Key, counted: T) -> None:
        """Keep ``counted`` under ``key`` unless newer numbers are in; drop what it replaces."""

    def _found(self, key: Key) -> T | None:
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
            self.hits += 1
        return found


class StatsCache(_Counts[T]):
    """Counts by (version, view), the last ``size`` used, in this process (one per app)."""

    def __init__(self, size: int = MAX_ENTRIES) -> None:
        super().__init__(size)

    async def get(self, session: AsyncSession, view: Key, count: Callable[[], Awaitable[T]]) -> T:
        """The counts of ``view`` at the database's current version: from memory if counted
        at this version already, else ``count()`` (on ``session``, after the version read)."""
        return await self._get((await current_version(session), *view), count)

    def _keep(self, key: Key, counted: T) -> None:
        if any(k[0] > key[0] for k in self._entries):  # type: ignore[operator]
            return  # newer numbers are in already: these are for this request
        self._entries[key] = counted
        # Entries of older versions can never be asked for again.
        for old in [k for k in self._entries if k[0] != key[0]]:
            del self._entries[old]


# Counts of one month of one view are small (a month's day pairs): many fit.
PART_ENTRIES = 1024


class PartCache(_Counts[T]):
    """Counts by (part, the part's version, view), the last ``size`` used, in this process
    (stats/parts.py). A part's version moves only when what it counts changes (0026), so a
    new report leaves every other month's counts in place."""

    def __init__(self, size: int = PART_ENTRIES) -> None:
        super().__init__(size)

    async def get(self, part: str, version: int, view: Key, count: Callable[[], Awaitable[T]]) -> T:
        return await self._get((part, version, *view), count)

    def _keep(self, key: Key, counted: T) -> None:
        part, version, view = key[0], key[1], key[2:]
        same = [k for k in self._entries if k[0] == part and k[2:] == view]
        if any(k[1] > version for k in same):  # type: ignore[operator]
            return  # newer numbers are in already
        for old in same:  # older versions of this part and view: never asked again
            del self._entries[old]
        self._entries[key] = counted

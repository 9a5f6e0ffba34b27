"""The one working-day calculator, working from the holiday calendar kept in the database.

Saturdays and Sundays are off, and so is every holiday stored (national, cuti bersama and the
local holidays admins add). A year is *covered* when it was seeded from lokal-id or an admin
marked it complete; a deadline that needs a year not covered is unknown (None), never guessed.

Seeding: lokal-id's years always count (from the library, in memory), and are copied into
the database, idempotently, when an admin opens the holidays page (a newer lokal-id adds its
new years the same way), so the page lists and the database holds them.

Caching: the loaded calendar is kept per database engine and reloaded when older than a
minute, or at once in the process where an admin changed it, so the report journey's hot path
does not query holidays for each report. Loading never writes.
"""

from __future__ import annotations

import datetime as dt
import functools
import time
import weakref
from dataclasses import dataclass

import lokal
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from gesi_app.calendar.models import CalendarYear, Holiday, HolidayKind, HolidaySource

CACHE_SECONDS = 60.0
_DAY = dt.timedelta(days=1)
_LOKAL_KINDS = {"libur_nasional": HolidayKind.NATIONAL, "cuti_bersama": HolidayKind.CUTI_BERSAMA}


@dataclass(frozen=True)
class WorkingCalendar:
    """Holiday dates and the years whose holidays are complete."""

    holidays: frozenset[dt.date]
    covered: frozenset[int]

    def is_working_day(self, day: dt.date) -> bool | None:
        """Whether ``day`` is a working day; None for a year not covered."""
        if day.year not in self.covered:
            return None
        return day.weekday() < 5 and day not in self.holidays

    def first_missing_year(self, start: dt.date) -> int:
        """The first year from ``start``'s on that is not covered."""
        year = start.year
        while year in self.covered:
            year += 1
        return year


def add_working_days(calendar: WorkingCalendar, start: dt.date, days: int) -> dt.date | None:
    """The date ``days`` working days after ``start``; None if it needs a year not covered."""
    day, left = start, days
    while left > 0:
        day += _DAY
        working = calendar.is_working_day(day)
        if working is None:
            return None
        if working:
            left -= 1
    return day


def count_working_days(calendar: WorkingCalendar, start: dt.date, end: dt.date) -> int | None:
    """Working days from ``start`` to ``end``, both inclusive; None past the covered years."""
    day, count = start, 0
    while day <= end:
        working = calendar.is_working_day(day)
        if working is None:
            return None
        count += int(working)
        day += _DAY
    return count


# --- loading, cached per engine ------------------------------------------------------------

_cache: weakref.WeakKeyDictionary[object, tuple[float, WorkingCalendar]] = (
    weakref.WeakKeyDictionary()
)


def _engine_key(session: AsyncSession) -> object:
    bind = session.bind
    return bind.sync_engine if isinstance(bind, AsyncEngine) else bind


def forget(session: AsyncSession) -> None:
    """Drop this process's cached calendar (after an admin changed it)."""
    _cache.pop(_engine_key(session), None)


async def load(session: AsyncSession) -> WorkingCalendar:
    """The calendar, from this process's cache when fresh, else from the database."""
    key = _engine_key(session)
    cached = _cache.get(key)
    if cached is not None and time.monotonic() - cached[0] < CACHE_SECONDS:
        return cached[1]
    years = set((await session.scalars(select(CalendarYear.year))).all())
    dates = set((await session.scalars(select(Holiday.date).distinct())).all())
    # lokal-id's years count even before they are copied in (ensure_seeded): loading never
    # writes, so it is safe inside any caller's transaction.
    calendar = WorkingCalendar(
        frozenset(dates | _lokal_dates()), frozenset(years | set(lokal.HOLIDAY_YEARS))
    )
    _cache[key] = (time.monotonic(), calendar)
    return calendar


@functools.cache
def _lokal_dates() -> frozenset[dt.date]:
    return frozenset(h.date for year in lokal.HOLIDAY_YEARS for h in _lokal_holidays(year))


async def ensure_seeded(session: AsyncSession) -> None:
    """Copy into the database every lokal-id year not there yet (for the holidays page).
    Writes in a transaction of its own: call it before the caller's session writes."""
    years = set((await session.scalars(select(CalendarYear.year))).all())
    if not set(lokal.HOLIDAY_YEARS) <= years:
        await _seed(session, set(lokal.HOLIDAY_YEARS) - years)


def _lokal_holidays(year: int) -> list[Holiday]:
    rows: dict[tuple[dt.date, str], Holiday] = {}
    for item in lokal.get_holidays(year).holidays:
        day = dt.date.fromisoformat(str(item.date))
        rows.setdefault(
            (day, item.name),
            Holiday(
                date=day,
                name_id=item.name,
                name_en=item.name,  # lokal-id names holidays in Indonesian only
                kind=_LOKAL_KINDS.get(str(item.type), HolidayKind.NATIONAL),
                source=HolidaySource.LOKAL_ID,
            ),
        )
    return list(rows.values())


async def _seed(session: AsyncSession, years: set[int]) -> None:
    """Copy lokal-id's holidays for ``years`` in a transaction of its own (another process
    seeding at the same moment wins; ours then rolls back harmlessly)."""
    bind = session.bind
    assert isinstance(bind, AsyncEngine)
    for year in sorted(years):
        async with AsyncSession(bind) as own:
            existing = {
                (row.date, row.name_id)
                for row in await own.execute(
                    select(Holiday.date, Holiday.name_id).where(
                        Holiday.date >= dt.date(year, 1, 1), Holiday.date <= dt.date(year, 12, 31)
                    )
                )
            }
            own.add_all(h for h in _lokal_holidays(year) if (h.date, h.name_id) not in existing)
            own.add(CalendarYear(year=year, source=HolidaySource.LOKAL_ID))
            try:
                await own.commit()
            except IntegrityError:
                await own.rollback()

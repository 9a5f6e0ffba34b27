"""The holidays page's work (admins): list by year, add and remove local holidays, mark a
year complete (which fills in the deadlines open reports were missing)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission, require
from gesi_app.calendar.models import CalendarYear, Holiday, HolidayKind, HolidaySource
from gesi_app.calendar.service import (
    ensure_seeded,
    forget,
    load,
)
from gesi_app.reports.deadline_gaps import fill_unknown_deadlines
from gesi_app.reports.deadlines import Deadlines


class HolidayError(Exception):
    """The change was refused; nothing was changed. ``field`` names the form field."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


@dataclass(frozen=True)
class NewHoliday:
    date: dt.date
    name_id: str
    name_en: str


@dataclass(frozen=True)
class YearView:
    year: int
    covered_by: HolidaySource | None  # None: not covered, deadlines into it are unknown
    holidays: list[Holiday]


async def years(
    session: AsyncSession, user: StaffUser, today: dt.date, also: Sequence[int] = ()
) -> list[YearView]:
    """Every year with holidays or a calendar, this year, the next and ``also``, in order."""
    require(user, Permission.MANAGE_SETTINGS)
    await ensure_seeded(session)  # before this request writes anything
    covered = {y.year: y.source for y in (await session.scalars(select(CalendarYear))).all()}
    by_year: dict[int, list[Holiday]] = {today.year: [], today.year + 1: []}
    for year in (*covered, *also):
        by_year.setdefault(year, [])
    rows = await session.scalars(select(Holiday).order_by(Holiday.date, Holiday.id))
    for holiday in rows.all():
        by_year.setdefault(holiday.date.year, []).append(holiday)
    return [YearView(y, covered.get(y), by_year[y]) for y in sorted(by_year)]


async def add_local(
    session: AsyncSession, user: StaffUser, new: NewHoliday, ip: str | None
) -> Holiday:
    """Add a local holiday; the caller commits."""
    require(user, Permission.MANAGE_SETTINGS)
    taken = await session.scalar(
        select(Holiday.id).where(Holiday.date == new.date, Holiday.name_id == new.name_id)
    )
    if taken is not None:
        raise HolidayError("name_id", "duplicate")
    holiday = Holiday(
        date=new.date,
        name_id=new.name_id,
        name_en=new.name_en,
        kind=HolidayKind.LOCAL,
        source=HolidaySource.ADMIN,
    )
    session.add(holiday)
    await session.flush()
    await audit.record(
        session, user, Action.HOLIDAY_ADDED, "holiday", holiday.id, after=_snapshot(holiday), ip=ip
    )
    forget(session)
    return holiday


async def get_removable(session: AsyncSession, user: StaffUser, holiday_id: int) -> Holiday:
    """An admin-added holiday; HolidayError for one from lokal-id or none at all."""
    require(user, Permission.MANAGE_SETTINGS)
    holiday = await session.get(Holiday, holiday_id)
    if holiday is None or holiday.source is not HolidaySource.ADMIN:
        raise HolidayError("holiday", "not_removable")
    return holiday


async def remove(session: AsyncSession, user: StaffUser, holiday_id: int, ip: str | None) -> None:
    """Remove an admin-added holiday; the caller commits."""
    holiday = await get_removable(session, user, holiday_id)
    before = _snapshot(holiday)
    await session.delete(holiday)
    await session.flush()
    await audit.record(session, user, Action.HOLIDAY_REMOVED, "holiday", holiday_id, before, ip=ip)
    forget(session)


async def mark_complete(
    session: AsyncSession,
    user: StaffUser,
    year: int,
    ip: str | None,
    *,
    timezone: str,
    deadlines: Deadlines,
) -> int:
    """Mark ``year``'s holidays complete; fills in the deadlines open reports were missing.
    Returns how many reports got a deadline. The caller commits."""
    require(user, Permission.MANAGE_SETTINGS)
    if not 2000 <= year <= 2100:
        raise HolidayError("year", "out_of_range")
    if await session.get(CalendarYear, year) is not None:
        raise HolidayError("year", "already_covered")
    session.add(CalendarYear(year=year, source=HolidaySource.ADMIN))
    await session.flush()
    await audit.record(session, user, Action.CALENDAR_YEAR_COMPLETED, "calendar_year", year, ip=ip)
    forget(session)
    return await fill_unknown_deadlines(session, await load(session), timezone, deadlines)


def _snapshot(holiday: Holiday) -> dict[str, Any]:
    return {
        "date": holiday.date.isoformat(),
        "name_id": holiday.name_id,
        "name_en": holiday.name_en,
        "kind": holiday.kind.value,
    }

"""Open reports whose deadline is unknown: the calendar for the year their clock runs in is not
complete yet. The holidays page lists the years they need; marking a year complete gives them
their deadline, and the staff dashboard warns while any is missing."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from gesi_app import clock
from gesi_app.calendar.service import WorkingCalendar, add_working_days
from gesi_app.reports.deadlines import Deadlines
from gesi_app.reports.models import Report, Status


def _clock_start(report: Report, timezone: str) -> dt.date:
    """The day a report's current staff deadline counts from: sent, or (last) verified."""
    if report.status is Status.TERVERIFIKASI:
        verified = [e for e in report.history if e.to_status is Status.TERVERIFIKASI]
        if verified:
            return clock.local_date(max(e.created_at for e in verified), timezone)
    return clock.local_date(report.created_at, timezone)


async def _unknown(session: AsyncSession) -> list[Report]:
    rows = await session.scalars(
        select(Report)
        .where(
            or_(
                and_(Report.status == Status.DITERIMA, Report.verify_due.is_(None)),
                and_(Report.status == Status.TERVERIFIKASI, Report.answer_due.is_(None)),
            )
        )
        .options(selectinload(Report.history))
        .order_by(Report.id)
    )
    return list(rows.all())


async def missing_years(
    session: AsyncSession, calendar: WorkingCalendar, timezone: str
) -> list[int]:
    """The years open reports need a calendar for: their deadline is unknown until then."""
    return sorted(
        {calendar.first_missing_year(_clock_start(r, timezone)) for r in await _unknown(session)}
    )


async def fill_unknown_deadlines(
    session: AsyncSession, calendar: WorkingCalendar, timezone: str, deadlines: Deadlines
) -> int:
    """Give open reports the deadline the calendar can now tell; how many got one."""
    filled = 0
    for report in await _unknown(session):
        start = _clock_start(report, timezone)
        if report.status is Status.DITERIMA:
            report.verify_due = add_working_days(calendar, start, deadlines.verify)
            filled += report.verify_due is not None
        else:
            report.answer_due = add_working_days(calendar, start, deadlines.answer)
            filled += report.answer_due is not None
    await session.flush()
    return filled

"""Closing answered reports the reporter left without a reply (SP4N-LAPOR!: after 10 working
days). A periodic job; idempotent, and safe to run from several processes at once on
PostgreSQL (rows are locked and skipped when another process holds them)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from gesi_app import clock
from gesi_app.calendar import service as working_calendar
from gesi_app.calendar.service import WorkingCalendar
from gesi_app.reports import workflow
from gesi_app.reports.deadlines import Deadlines, working_days_after
from gesi_app.reports.models import Report, Status


def close_due(
    report: Report, timezone: str, calendar: WorkingCalendar, deadlines: Deadlines
) -> dt.date | None:
    """The day an answered report closes itself: 10 working days after the latest answer.

    A reporter's reply reopens the report (it leaves "answered"), so a report still answered
    had no reply since; the check on messages guards against a reply stored without that.
    """
    answered = [e for e in report.history if e.to_status is Status.DITINDAKLANJUTI]
    if report.status is not Status.DITINDAKLANJUTI or not answered:
        return None
    since = max(e.created_at for e in answered)
    if any(m.author_kind == "reporter" and m.created_at > since for m in report.messages):
        return None
    return working_days_after(calendar, clock.local_date(since, timezone), deadlines.auto_close)


async def close_unreplied(
    session: AsyncSession, now: dt.datetime, timezone: str, deadlines: Deadlines
) -> int:
    """Close every answered report whose reporter did not reply in time; commits."""
    today = clock.local_date(now, timezone)
    calendar = await working_calendar.load(session)
    reports = await session.scalars(
        select(Report)
        .where(Report.status == Status.DITINDAKLANJUTI)
        .options(selectinload(Report.history), selectinload(Report.messages))
        .order_by(Report.id)
        .with_for_update(skip_locked=True, of=Report)
    )
    closed = 0
    for report in reports.all():
        due = close_due(report, timezone, calendar, deadlines)
        if due is None or today < due:
            continue
        workflow.transition(
            report,
            Status.SELESAI,
            actor_kind="system",
            agency_id=report.agency_id,
            reason=f"No reply from the reporter in {deadlines.auto_close} working days.",
            now=now,
        )
        report.updated_at = now
        closed += 1
    await session.commit()
    return closed

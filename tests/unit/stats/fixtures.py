"""Fixed reports for the statistics tests: known days, statuses and "About you" answers, made
through the real services (submit_report and the workflow's state machine)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from gesi_app.agencies.models import Agency
from gesi_app.calendar import service as calendar
from gesi_app.i18n import set_locale
from gesi_app.reports.deadlines import STANDARD
from gesi_app.reports.models import Rating, Report, ReportType, Status
from gesi_app.reports.service import Segment
from gesi_app.reports.workflow import transition
from gesi_app.stats import service
from gesi_app.stats.filters import Filters
from tests.factories import add_report

KECAMATAN_A = "36.03.01"  # Balaraja
DESA_A = "36.03.01.1001"
KECAMATAN_B = "36.03.02"
UNKNOWN = {"topic": "No topic", "area": "No area", "agency": "No agency"}


def at(day: str, hour: int = 3) -> dt.datetime:
    """A moment in UTC: 03:00 UTC is 10:00 in Jakarta, the same day."""
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=dt.UTC)


async def report(
    session: AsyncSession,
    sent: str,
    *,
    verified: str | None = None,
    answered: str | None = None,
    closed: str | None = None,
    agency: Agency | None = None,
    rating: int | None = None,
    **overrides: Any,
) -> Report:
    submitted = await add_report(session, now=at(sent), **overrides)
    row = await session.get(Report, submitted.report.id, options=[selectinload(Report.history)])
    assert row is not None
    if verified:
        transition(row, Status.TERVERIFIKASI, actor_kind="staff", now=at(verified))
        row.agency_id = agency.id if agency else None
    if answered:
        transition(row, Status.DITINDAKLANJUTI, actor_kind="staff", now=at(answered))
    if closed:
        transition(row, Status.SELESAI, actor_kind="staff", now=at(closed))
    if rating is not None:
        session.add(Rating(report_id=row.id, score=rating, created_at=at(closed or sent)))
    await session.flush()
    return row


async def agency(session: AsyncSession, slug: str) -> Agency:
    found = await session.scalar(select(Agency).where(Agency.slug == slug))
    assert found is not None
    return found


async def statistics(
    session: AsyncSession, filters: Filters | None = None, locale: str = "en"
) -> service.Statistics:
    set_locale(locale)
    options = await service.options(session)
    raw = await service.gather(session, filters or Filters(), "Asia/Jakarta", options.agencies)
    return service.build(raw, await calendar.load(session), STANDARD, locale, UNKNOWN)


WOMAN_YOUTH_DISABLED = Segment(gender="perempuan", age_band="16_30", wg={"seeing": 1, "walking": 3})
MAN_SOME_DIFFICULTY = Segment(gender="laki_laki", age_band="31_59", wg={"hearing": 2})
MAN_NO_DIFFICULTY = Segment(gender="laki_laki", age_band="60_plus", wg={"seeing": 1})
SKIPPED = Segment()  # consented, then said "prefer not to say" to everything

__all__ = ["ReportType"]

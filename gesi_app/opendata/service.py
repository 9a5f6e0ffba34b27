"""The rows of the per-report open data files, read in batches so memory stays flat however
many reports there are.

Privacy is decided here, in the query: no confidential (rahasia) report is ever read, and the
columns read are the report's type, topic, area, agency, status, dates, and for a collective
report its group's name and weight, nothing else (no contact, no segment, no segment counts
of a collective report, no words of the report, no PIN hash). A report not yet public gives its
row without its tracking code (see ``columns``).

Batches are keyset pages (``id > last id``, ``LIMIT``), each one short query: no transaction
or cursor stays open while a slow client downloads, on SQLite (whose driver here reads a
statement's rows in one trip) as on PostgreSQL, and memory holds one batch at a time.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import AsyncIterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, false, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import aliased

from gesi_app import clock
from gesi_app.agencies.models import Agency
from gesi_app.calendar import service as calendar
from gesi_app.calendar.service import WorkingCalendar
from gesi_app.categories.models import Category
from gesi_app.groups.models import Group
from gesi_app.offload import run_blocking
from gesi_app.opendata.forms import ExportFilters
from gesi_app.regions.models import Region
from gesi_app.reports.models import Report, ReportEvent, Status

BATCH = 500
KECAMATAN, DESA = 3, 4

# One row, in the order of ``columns.COLUMNS``.
Row = tuple[Any, ...]
# The WHERE clauses of an export's filters.
Where = list[ColumnElement[bool]]


class UnknownFilter(LookupError):
    """The area or agency asked for does not exist (``parameter`` names which)."""

    def __init__(self, parameter: str) -> None:
        super().__init__(parameter)
        self.parameter = parameter


_Area = aliased(Region)
_Parent = aliased(Region)
_Clock = aliased(ReportEvent)


def _first(status: Status) -> Any:
    """When the report first reached ``status`` (from its history), as a scalar subquery."""
    return (
        select(func.min(ReportEvent.created_at))
        .where(ReportEvent.report_id == Report.id, ReportEvent.to_status == status)
        .correlate(Report)
        .scalar_subquery()
    )


def _rows_query() -> Select[*tuple[Any, ...]]:
    verified = _first(Status.TERVERIFIKASI)
    answered = _first(Status.DITINDAKLANJUTI)
    # The agency's clock starts at the last verification (disposition) before its answer.
    clock_start = (
        select(func.max(_Clock.created_at))
        .where(
            _Clock.report_id == Report.id,
            _Clock.to_status == Status.TERVERIFIKASI,
            _Clock.created_at <= answered,
        )
        .correlate(Report)
        .scalar_subquery()
    )
    return (
        select(
            Report.id,
            Report.tracking_code,
            Report.published_at,
            Report.type,
            Report.status,
            Report.created_at,
            Report.closed_at,
            Category.slug,
            Category.name_id,
            Category.name_en,
            _Area.code,
            _Area.name,
            _Area.level,
            _Parent.code,
            _Parent.name,
            Agency.slug,
            Agency.name_id,
            Agency.name_en,
            verified,
            answered,
            clock_start,
            Group.name,
            Report.weight,
        )
        .outerjoin(Group, Group.id == Report.group_id)
        .outerjoin(Category, Category.id == Report.category_id)
        .outerjoin(_Area, _Area.code == Report.region_code)
        .outerjoin(_Parent, _Parent.code == _Area.parent_code)
        .outerjoin(Agency, Agency.id == Report.agency_id)
        .where(Report.rahasia == false())
        .order_by(Report.id)
    )


def _utc_midnight(day: dt.date, timezone: str) -> dt.datetime:
    local = dt.datetime.combine(day, dt.time(), zoneinfo.ZoneInfo(timezone))
    return local.astimezone(dt.UTC)


async def conditions(session: AsyncSession, filters: ExportFilters, timezone: str) -> Where:
    """The WHERE clauses of these filters; UnknownFilter for an area or agency not there."""
    where: Where = []
    if filters.start is not None:
        where.append(Report.created_at >= _utc_midnight(filters.start, timezone))
    if filters.end is not None:
        next_day = filters.end + dt.timedelta(days=1)
        where.append(Report.created_at < _utc_midnight(next_day, timezone))
    if filters.type is not None:
        where.append(Report.type == filters.type)
    if filters.area is not None:
        if await session.get(Region, filters.area) is None:
            raise UnknownFilter("area")
        # A report names a desa (36.03.01.1001) or only its kecamatan (36.03.01).
        where.append(
            or_(
                Report.region_code == filters.area,
                Report.region_code.startswith(filters.area + ".", autoescape=True),
            )
        )
    if filters.agency is not None:
        agency_id = await session.scalar(select(Agency.id).where(Agency.slug == filters.agency))
        if agency_id is None:
            raise UnknownFilter("agency")
        where.append(Report.agency_id == agency_id)
    return where


def _date(moment: dt.datetime | None, timezone: str) -> dt.date | None:
    return clock.local_date(moment, timezone) if moment is not None else None


def answer_working_days(
    working: WorkingCalendar, sent_to_agency: dt.date | None, answered: dt.date | None
) -> int | None:
    """Working days after the day the agency got the report, up to the day it answered (the
    count ``add_working_days`` uses for the deadline: answered on the due date is the
    deadline's number of days). None when not answered or the calendar does not cover it."""
    if sent_to_agency is None or answered is None:
        return None
    if answered <= sent_to_agency:
        return 0
    return calendar.count_working_days(working, sent_to_agency + dt.timedelta(days=1), answered)


def to_row(found: Sequence[Any], working: WorkingCalendar, timezone: str) -> Row:
    """One database row as the file's row (the order of ``columns.COLUMNS``)."""
    (
        _id,
        code,
        published_at,
        report_type,
        status,
        created_at,
        closed_at,
        topic_slug,
        topic_id,
        topic_en,
        area_code,
        area_name,
        area_level,
        parent_code,
        parent_name,
        agency_slug,
        agency_id,
        agency_en,
        verified,
        answered,
        clock_start,
        group_name,
        weight,
    ) = found
    kecamatan: tuple[str | None, str | None] = (None, None)
    desa: tuple[str | None, str | None] = (None, None)
    if area_level == DESA:
        kecamatan, desa = (parent_code, parent_name), (area_code, area_name)
    elif area_level == KECAMATAN:
        kecamatan = (area_code, area_name)
    answered_on = _date(answered, timezone)
    return (
        code if published_at is not None else None,
        str(report_type),
        topic_slug,
        topic_id,
        topic_en,
        *kecamatan,
        *desa,
        agency_slug,
        agency_id,
        agency_en,
        str(status),
        _date(created_at, timezone),
        _date(verified, timezone),
        answered_on,
        _date(closed_at, timezone),
        answer_working_days(working, _date(clock_start, timezone), answered_on),
        group_name if published_at is not None else None,
        int(weight),
    )


def _to_rows(found: Sequence[Any], working: WorkingCalendar, timezone: str) -> list[Row]:
    return [to_row(row, working, timezone) for row in found]


async def batches(
    sessions: async_sessionmaker[AsyncSession],
    where: Sequence[ColumnElement[bool]],
    timezone: str,
    *,
    size: int = BATCH,
) -> AsyncIterator[list[Row]]:
    """Every row the filters keep, oldest report first, ``size`` at a time. Each batch is read
    in a short session of its own."""
    query = _rows_query().where(*where).limit(size)
    last = 0
    while True:
        async with sessions() as session:
            working = await calendar.load(session)
            found = (await session.execute(query.where(Report.id > last))).all()
        if not found:
            return
        last = found[-1][0]
        yield await run_blocking(_to_rows, found, working, timezone)
        if len(found) < size:
            return

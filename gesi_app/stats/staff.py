"""Statistics for staff (/staff/stats): how each agency performs, the overdue reports, the
reporters' ratings with their comments and, for staff with the right, reports by segment.

Everything stays within what the staff member may see, by the queue's own rule
(``casework.access.visible_reports``): an agency officer sees their agency, admins and
verifiers every agency. The counts are the queries of /stats (``stats.queries``) with that rule
added to their scope; ``gather`` runs them, ``build`` (plain Python, run off the event loop)
turns them into working days, shares and words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import Role, StaffUser
from gesi_app.accounts.permissions import Permission, has_permission
from gesi_app.agencies.models import Agency
from gesi_app.calendar.service import WorkingCalendar
from gesi_app.casework import queue
from gesi_app.casework.access import visible_reports
from gesi_app.categories.models import Category
from gesi_app.reports import workflow
from gesi_app.reports.models import Rating, Report, ReportEvent, Status
from gesi_app.reports.overdue import overdue_clause
from gesi_app.stats import queries
from gesi_app.stats.durations import Timing, timing
from gesi_app.stats.filters import Filters
from gesi_app.stats.queries import DayPairs, Scope
from gesi_app.stats.suppression import THRESHOLD, Hidden, Shown

OVERDUE_LIMIT = 100  # rows of the overdue list; the heading says how many there are in all
LATEST_RATINGS = 20
SEGMENTS = ("gender", "youth", "disability")
S = Status


@dataclass(frozen=True, eq=False)
class StaffScope(Scope):
    """The filters of /stats plus the staff member's own limits (and any narrowing)."""

    extra: tuple[ColumnElement[bool], ...] = ()

    def conditions(self) -> list[ColumnElement[bool]]:
        return [*super().conditions(), *self.extra]

    def narrowed(self, *more: ColumnElement[bool]) -> StaffScope:
        return replace(self, extra=(*self.extra, *more))


def scope_for(user: StaffUser, filters: Filters, timezone: str, dialect: str) -> StaffScope:
    """The reports ``user`` may see that ``filters`` select (the agency filter is not used)."""
    return StaffScope(
        replace(filters, agency=None), None, timezone, dialect, extra=(visible_reports(user),)
    )


def limited_to_agency(user: StaffUser) -> bool:
    """Whether ``user`` sees one agency's reports only (the rule of ``visible_reports``)."""
    return user.role is Role.AGENCY_OFFICER


def sees_segments(user: StaffUser) -> bool:
    return has_permission(user, Permission.VIEW_SEGMENTS)


@dataclass(frozen=True)
class Raw:
    """Every count and row of one view, straight from SQL."""

    received: dict[int | None, int]
    verified: dict[int | None, int]
    answered: dict[int | None, int]
    open: dict[int | None, int]
    overdue: dict[int | None, int]
    answer_days: dict[int | None, DayPairs]
    late: list[tuple[Report, Agency | None, Category | None]]
    late_total: int
    ratings: list[tuple[Rating, str, int | None]]  # rating, tracking code, agency id
    rating_sums: list[tuple[int | None, int, int]]  # agency id, ratings, sum of scores
    segments: dict[str, dict[int | None, int]] | None  # segment -> agency id -> "yes" reports
    agencies: dict[int, Agency]


def _by_agency(pairs: Sequence[tuple[str, int]]) -> dict[int | None, int]:
    return {(int(key) if key else None): n for key, n in pairs}


def _reached(status: Status) -> ColumnElement[bool]:
    """Reports that were ever taken to ``status`` (a later step does not undo it)."""
    return Report.id.in_(select(ReportEvent.report_id).where(ReportEvent.to_status == status))


def _due() -> ColumnElement[dt.date | None]:
    return case(
        (Report.status == S.DITERIMA, Report.verify_due),
        (Report.status == S.TERVERIFIKASI, Report.answer_due),
        else_=None,
    )


async def gather(
    session: AsyncSession, scope: StaffScope, today: dt.date, *, segments: bool
) -> Raw:
    """The counts by agency (each one GROUP BY of /stats' queries), the oldest overdue reports,
    the latest ratings, and the segments when the member may see them."""

    async def count(*more: ColumnElement[bool]) -> dict[int | None, int]:
        return _by_agency(await queries.count_by(session, scope.narrowed(*more), Report.agency_id))

    received = await count()
    answer_late = (Report.status == S.TERVERIFIKASI) & (Report.answer_due < today)
    grouped = await queries.answer_days(session, scope)
    days = {agency_id: grouped.get(agency_id, {}) for agency_id in received}
    late_query = (
        select(Report, Agency, Category)
        .outerjoin(Agency, Agency.id == Report.agency_id)
        .outerjoin(Category, Category.id == Report.category_id)
        .where(*scope.conditions(), overdue_clause(today))
    )
    late_total = await session.scalar(
        select(func.count(Report.id)).where(*scope.conditions(), overdue_clause(today))
    )
    late = await session.execute(
        late_query.order_by(_due(), Report.created_at, Report.id).limit(OVERDUE_LIMIT)
    )
    latest = await session.execute(
        select(Rating, Report.tracking_code, Report.agency_id)
        .join(Report, Report.id == Rating.report_id)
        .where(*scope.conditions())
        .order_by(Rating.created_at.desc(), Rating.report_id.desc())
        .limit(LATEST_RATINGS)
    )
    segment_counts = None
    if segments:
        segment_counts = {}
        for segment in SEGMENTS:
            rows = await queries.segments_by_agency(session, scope, segment)
            segment_counts[segment] = {a: n for a, category, n in rows if category == "yes"}
    agencies = {a.id: a for a in (await session.scalars(select(Agency))).all()}
    return Raw(
        received=received,
        verified=await count(_reached(S.TERVERIFIKASI)),
        answered=await count(_reached(S.DITINDAKLANJUTI)),
        open=await count(Report.status.in_(tuple(workflow.OPEN))),
        overdue=await count(answer_late),
        answer_days=days,
        late=[(r, a, c) for r, a, c in late.all()],
        late_total=int(late_total or 0),
        ratings=[(r, code, a) for r, code, a in latest.all()],
        rating_sums=(await queries.ratings(session, scope)).by_agency,
        segments=segment_counts,
        agencies=agencies,
    )


@dataclass(frozen=True)
class AgencyRow:
    slug: str  # "" for reports not sent to an agency yet
    name: str
    received: int
    verified: int
    answered: int
    open: int
    overdue: int
    answer: Timing

    @property
    def on_time_share(self) -> float | None:
        """Of the reports answered (with their days known), the share within the deadline."""
        if not self.answer.reports or self.answer.on_time is None:
            return None
        return self.answer.on_time / self.answer.reports


@dataclass(frozen=True)
class LateRow:
    code: str
    topic: str | None
    agency: str | None
    clock: queue.Clock  # which deadline, its day, and working days past it


@dataclass(frozen=True)
class RatingRow:
    code: str
    score: int
    comment: str | None
    at: dt.datetime
    agency: str | None


@dataclass(frozen=True)
class AverageRow:
    agency: str
    ratings: int
    average: float


@dataclass(frozen=True)
class SegmentRow:
    agency: str
    counts: dict[str, Shown]  # segment -> reports ("<5" when fewer than 5)


@dataclass(frozen=True)
class StaffStatistics:
    agencies: list[AgencyRow]
    late: list[LateRow]
    late_total: int
    ratings: list[RatingRow]
    averages: list[AverageRow]
    segments: list[SegmentRow] | None

    @property
    def empty(self) -> bool:
        return not self.agencies


def _small(n: int) -> Shown:
    """Staff see counts, yet a segment count under 5 stays "<5": people are few there."""
    return n if n >= THRESHOLD else Hidden.SMALL


def build(
    raw: Raw,
    calendar: WorkingCalendar,
    answer_deadline: int,
    today: dt.date,
    locale: str,
    not_sent: str,
) -> StaffStatistics:
    """The page's tables from the raw counts, in ``locale`` (run off the event loop)."""

    def name(agency_id: int | None) -> str:
        agency = raw.agencies.get(agency_id) if agency_id is not None else None
        return agency.name(locale) if agency else not_sent

    def slug(agency_id: int | None) -> str:
        agency = raw.agencies.get(agency_id) if agency_id is not None else None
        return agency.slug if agency else ""

    order = sorted(raw.received, key=lambda a: (a is None, name(a).casefold()))
    rows = [
        AgencyRow(
            slug=slug(a),
            name=name(a),
            received=raw.received.get(a, 0),
            verified=raw.verified.get(a, 0),
            answered=raw.answered.get(a, 0),
            open=raw.open.get(a, 0),
            overdue=raw.overdue.get(a, 0),
            answer=timing(calendar, raw.answer_days.get(a, {}), answer_deadline),
        )
        for a in order
    ]
    late = []
    for report, agency, topic in raw.late:
        found = queue.clock(report, today, calendar)
        assert found is not None  # the overdue clause chose received or verified reports
        late.append(
            LateRow(
                code=report.tracking_code,
                topic=topic.name(locale) if topic else None,
                agency=agency.name(locale) if agency else None,
                clock=found,
            )
        )
    ratings = [
        RatingRow(code, rating.score, rating.comment, rating.created_at, name(a) if a else None)
        for rating, code, a in raw.ratings
    ]
    averages = sorted(
        (AverageRow(name(a), n, total / n) for a, n, total in raw.rating_sums if n),
        key=lambda row: row.agency.casefold(),
    )
    segments = None
    if raw.segments is not None:
        counts = raw.segments
        segments = [
            SegmentRow(name(a), {s: _small(counts[s].get(a, 0)) for s in SEGMENTS}) for a in order
        ]
    return StaffStatistics(rows, late, raw.late_total, ratings, averages, segments)

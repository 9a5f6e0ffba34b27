"""Queries and rules for public reports. Only published reports leave this module (verified,
not rahasia: ``publication.PUBLISHED``), and only their public words are searched; nothing
here reads a reporter's contact or segment."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from gesi_app.agencies.models import Agency
from gesi_app.categories.models import Category
from gesi_app.categories.service import TopicGroup, topic_ids, topic_tree
from gesi_app.limits.shared import SharedLimit, engine_of
from gesi_app.public.publication import PUBLISHED
from gesi_app.regions import service as regions
from gesi_app.regions.models import Region
from gesi_app.reports import codes
from gesi_app.reports.collective import SentBy, sent_by, sent_by_one
from gesi_app.reports.cosigns import Cosigns, cosigns_of
from gesi_app.reports.models import Report, ReportMessage, ReportType, Status, Support
from gesi_app.reports.service import ReportNotFound

PER_PAGE = 20


@dataclass(frozen=True)
class Filters:
    """What a person chose on the list page; None or "" means "all"."""

    type: ReportType | None = None
    topic: str | None = None  # a category slug, top-level or sub-topic
    area: str | None = None  # a kecamatan code
    status: Status | None = None
    q: str = ""
    page: int = 1

    @property
    def active(self) -> bool:
        return any((self.type, self.topic, self.area, self.status, self.q))


@dataclass(frozen=True)
class Place:
    """A report's area: the kecamatan and, when known, the desa/kelurahan."""

    kecamatan: str | None
    desa: str | None


@dataclass(frozen=True)
class ListedReport:
    report: Report
    topic: Category | None
    place: Place
    sent_by: SentBy | None = None  # a collective report: its group and weight


@dataclass(frozen=True)
class ReportPage:
    items: Sequence[ListedReport]
    total: int
    page: int
    pages: int

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


@dataclass(frozen=True)
class Answer:
    body: str
    created_at: dt.datetime
    agency: Agency | None


@dataclass(frozen=True)
class PublicReport:
    report: Report
    topic: Category | None
    place: Place
    answers: Sequence[Answer]
    sent_by: SentBy | None = None
    cosigns: Cosigns | None = None


@dataclass(frozen=True)
class SupportResult:
    code: str
    count: int
    added: bool


def supporter_hash(token: str) -> str:
    """We keep only a hash of the browser's token: the database cannot identify a browser."""
    return hashlib.sha256(token.encode()).hexdigest()


_Area = aliased(Region)
_Parent = aliased(Region)


def _place(area: Region | None, parent: Region | None) -> Place:
    if area is None:
        return Place(None, None)
    if area.level == 4:
        return Place(parent.name if parent else None, area.name)
    return Place(area.name, None)


def _with_topic_and_place(
    query: Select[Report],
) -> Select[Report, Category, Region, Region]:
    return (
        query.add_columns(Category, _Area, _Parent)
        .outerjoin(Category, Category.id == Report.category_id)
        .outerjoin(_Area, _Area.code == Report.region_code)
        .outerjoin(_Parent, _Parent.code == _Area.parent_code)
    )


@dataclass(frozen=True)
class FilterOptions:
    topics: Sequence[TopicGroup]
    areas: Sequence[Region]  # the kecamatan of every kabupaten/kota served

    @property
    def topic_slugs(self) -> frozenset[str]:
        return frozenset(c.slug for group in self.topics for c in (group.parent, *group.children))

    @property
    def area_codes(self) -> frozenset[str]:
        return frozenset(a.code for a in self.areas)


async def filter_options(session: AsyncSession) -> FilterOptions:
    areas: list[Region] = []
    for top in await regions.top_regions(session):
        areas.extend(await regions.children(session, top.code))
    return FilterOptions(await topic_tree(session), areas)


async def list_public_reports(
    session: AsyncSession, filters: Filters, *, per_page: int = PER_PAGE
) -> ReportPage:
    """Published reports matching the filters, newest first. A page past the end shows the
    last page."""
    query = select(Report).where(PUBLISHED)
    if filters.type is not None:
        query = query.where(Report.type == filters.type)
    if filters.status is not None:
        query = query.where(Report.status == filters.status)
    if filters.topic:
        query = query.where(Report.category_id.in_(await topic_ids(session, filters.topic)))
    if filters.area:
        # A report may name a desa (36.03.01.1001) or only its kecamatan (36.03.01).
        query = query.where(
            or_(
                Report.region_code == filters.area,
                Report.region_code.startswith(filters.area + ".", autoescape=True),
            )
        )
    if filters.q:
        query = query.where(
            or_(
                Report.public_title.icontains(filters.q, autoescape=True),
                Report.public_description.icontains(filters.q, autoescape=True),
            )
        )
    total = int(await session.scalar(select(func.count()).select_from(query.subquery())) or 0)
    pages = max(1, -(-total // per_page))
    page = min(max(1, filters.page), pages)
    rows = await session.execute(
        _with_topic_and_place(query)
        .order_by(Report.created_at.desc(), Report.id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    found = rows.all()
    groups = await sent_by(session, [row[0] for row in found])
    items = [
        ListedReport(report, topic, _place(area, parent), groups.get(report.id))
        for report, topic, area, parent in found
    ]
    return ReportPage(items, total, page, pages)


async def _public_report_row(session: AsyncSession, code: str) -> Report:
    canonical = codes.normalise_code(code)
    report = None
    if canonical is not None:
        report = await session.scalar(
            select(Report).where(Report.tracking_code == canonical, PUBLISHED)
        )
    if report is None:
        raise ReportNotFound(code)
    return report


async def published(session: AsyncSession, code: str) -> Report:
    """The published report with this code; ReportNotFound for any other."""
    return await _public_report_row(session, code)


async def public_report(session: AsyncSession, code: str) -> PublicReport:
    """One published report with the agency's answers (never the reporter's replies).

    A report not (yet) published, or rahasia, raises ReportNotFound, exactly like an unknown
    code."""
    canonical = codes.normalise_code(code)
    row = None
    if canonical is not None:
        row = (
            await session.execute(
                _with_topic_and_place(
                    select(Report).where(Report.tracking_code == canonical, PUBLISHED)
                )
            )
        ).first()
    if row is None:
        raise ReportNotFound(code)
    report, topic, area, parent = row
    answers = await session.execute(
        select(ReportMessage, Agency)
        .outerjoin(Agency, Agency.id == ReportMessage.agency_id)
        .where(ReportMessage.report_id == report.id, ReportMessage.author_kind == "agency")
        .order_by(ReportMessage.created_at, ReportMessage.id)
    )
    return PublicReport(
        report,
        topic,
        _place(area, parent),
        [Answer(m.body, m.created_at, agency) for m, agency in answers],
        await sent_by_one(session, report),
        await cosigns_of(session, report.id),
    )


async def supports(session: AsyncSession, report: Report, token: str | None) -> bool:
    """Whether the browser holding this token already supports the report."""
    if not token:
        return False
    found = await session.scalar(
        select(Support.id).where(
            Support.report_id == report.id, Support.supporter == supporter_hash(token)
        )
    )
    return found is not None


# A browser without our cookie looks new on every post, so supports are also limited per
# client address (counted in the database, across every app process): one support for a
# report from one address a day, and SUPPORTS_PER_HOUR for all reports together. People
# behind one shared address (an office, a mobile network) may not all be counted: the page
# says the number is a guide, not an exact count.
SUPPORT_DAY_SECONDS = 24 * 3600
SUPPORTS_PER_HOUR = 30
SAME_REPORT_TODAY, TOO_MANY = "today", "later"


class SupportNotCounted(Exception):
    """This address already supported the report today (``today``) or sent many supports
    this hour (``later``); nothing was counted."""

    def __init__(self, code: str, count: int, reason: str) -> None:
        super().__init__(reason)
        self.code, self.count, self.reason = code, count, reason


async def support_report(
    session: AsyncSession, code: str, token: str, address: str = "unknown"
) -> SupportResult:
    """Count one support per browser per report; supporting again changes nothing. Raise
    SupportNotCounted when this address is over its limits (see SUPPORTS_PER_HOUR).

    The support row and the count change in one transaction, so the count always equals the
    number of rows, also when a double click sends two requests at once."""
    report = await _public_report_row(session, code)
    report_id, code = report.id, report.tracking_code
    if await supports(session, report, token):
        return SupportResult(report.tracking_code, report.support_count, added=False)
    # Only reads so far: end them, so the counts below never wait on this session's
    # connection (see gesi_app.limits.shared).
    await session.commit()
    engine = engine_of(session)
    per_report = SharedLimit(engine, "support-report", 1, SUPPORT_DAY_SECONDS)
    per_hour = SharedLimit(engine, "support-address", SUPPORTS_PER_HOUR, 3600)
    if not await per_report.take(f"{report_id}:{address}"):
        if await supports(session, report, token):  # this browser's own double click
            return SupportResult(code, report.support_count, added=False)
        raise SupportNotCounted(code, report.support_count, SAME_REPORT_TODAY)
    if not await per_hour.take(address):
        raise SupportNotCounted(code, report.support_count, TOO_MANY)
    session.add(Support(report_id=report_id, supporter=supporter_hash(token)))
    try:
        await session.flush()
    except IntegrityError:
        # The same browser's other request got there first.
        await session.rollback()
        count = await session.scalar(select(Report.support_count).where(Report.id == report_id))
        return SupportResult(code, int(count or 0), added=False)
    await session.execute(
        update(Report)
        .where(Report.id == report_id)
        # updated_at stays: a support is not a change to the report itself.
        .values(support_count=Report.support_count + 1, updated_at=Report.updated_at)
        .execution_options(synchronize_session=False)
    )
    count = await session.scalar(select(Report.support_count).where(Report.id == report_id))
    await session.commit()
    return SupportResult(code, int(count or 0), added=True)

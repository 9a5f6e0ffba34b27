"""The staff queue: which reports a staff member sees, how close each is to its deadline, and
which are overdue (terlambat). Overdue reports escalate to the admin: the admin sees every
report, so the dashboard's overdue count and the queue's overdue filter are the escalation.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import ColumnElement, and_, case, func, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import StaffUser
from gesi_app.agencies.models import Agency
from gesi_app.calendar import service as working_calendar
from gesi_app.calendar.service import WorkingCalendar
from gesi_app.casework.access import visible_reports
from gesi_app.categories.service import topic_ids
from gesi_app.escalations.models import Escalation
from gesi_app.reports import codes, workflow
from gesi_app.reports.collective import SentBy, sent_by
from gesi_app.reports.models import Report, Status
from gesi_app.reports.overdue import overdue_clause

PER_PAGE = 25
SEARCH_WORDS = 10  # words of a search that count; more only narrow it further
S = Status
OPEN_STATUSES = tuple(s for s in Status if s in workflow.OPEN)


@dataclass(frozen=True)
class QueueFilter:
    """What the staff member chose; ``status`` is "" (open reports), "all" or a status."""

    status: str = ""
    agency_id: int | None = None
    topic: str | None = None  # a category slug: that topic and its sub-topics
    area: str | None = None  # a kecamatan code
    overdue: bool = False
    escalated: bool = False  # escalated to the admins for a missed deadline (gesi_app.escalations)
    collective: bool = False  # sent by a community group on behalf of its members
    search: str = ""  # a tracking code in any form, or words of the title or text
    page: int = 1

    @property
    def active(self) -> bool:
        chosen = (
            self.status,
            self.agency_id,
            self.topic,
            self.area,
            self.overdue,
            self.escalated,
            self.collective,
        )
        return any(chosen) or bool(self.search)


@dataclass(frozen=True)
class Clock:
    """The deadline a report waits on, in working days from ``today``."""

    kind: Literal["verify", "answer"]
    due: dt.date | None  # None when the holiday calendar for that year is not known yet
    left: int | None  # working days left after today (0: due today); None when overdue
    overdue_by: int | None  # working days past the deadline; None when not overdue

    @property
    def overdue(self) -> bool:
        return self.overdue_by is not None


@dataclass(frozen=True)
class QueueRow:
    report: Report
    agency: Agency | None
    clock: Clock | None
    sent_by: SentBy | None = None  # a collective report: its group and weight


@dataclass(frozen=True)
class QueuePage:
    rows: Sequence[QueueRow]
    total: int
    page: int
    pages: int


def clock(report: Report, today: dt.date, calendar: WorkingCalendar) -> Clock | None:
    """Verification is due while a report is received; the answer while it is verified.

    On hold, answered or finished reports wait on no staff deadline.
    """
    if report.status is S.DITERIMA:
        kind: Literal["verify", "answer"] = "verify"
        due = report.verify_due
    elif report.status is S.TERVERIFIKASI:
        kind, due = "answer", report.answer_due
    else:
        return None
    if due is None:
        return Clock(kind, None, None, None)
    day = dt.timedelta(days=1)
    if today > due:
        # Past the deadline on a weekend still counts as overdue: at least 1 working day.
        late = working_calendar.count_working_days(calendar, due + day, today)
        return Clock(kind, due, None, max(1, late or 0))
    left = working_calendar.count_working_days(calendar, today + day, due) if due > today else 0
    return Clock(kind, due, left, None)


def _due_column() -> ColumnElement[dt.date | None]:
    return case(
        (Report.status == S.DITERIMA, Report.verify_due),
        (Report.status == S.TERVERIFIKASI, Report.answer_due),
        else_=None,
    )


async def _conditions(
    session: AsyncSession, user: StaffUser, where: QueueFilter, today: dt.date
) -> list[ColumnElement[bool]]:
    conditions = [visible_reports(user)]
    if where.status == "":
        conditions.append(Report.status.in_(OPEN_STATUSES))
    elif where.status != "all":
        conditions.append(Report.status == Status(where.status))
    if where.agency_id is not None:
        conditions.append(Report.agency_id == where.agency_id)
    if where.topic:
        conditions.append(Report.category_id.in_(await topic_ids(session, where.topic)))
    if where.area:
        conditions.append(
            or_(
                Report.region_code == where.area,
                Report.region_code.startswith(where.area + ".", autoescape=True),
            )
        )
    if where.overdue:
        conditions.append(overdue_clause(today))
    if where.escalated:
        conditions.append(Report.id.in_(select(Escalation.report_id)))
    if where.collective:
        conditions.append(Report.group_id.is_not(None))
    if where.search:
        conditions.append(search_clause(where.search))
    return conditions


def search_clause(typed: str) -> ColumnElement[bool]:
    """Reports whose tracking code is what was typed, in any form ("sra 7k4q 2m",
    "SRA7K4Q2M"), or where every word typed is in the title, the text or the code (a part of
    a code, too: "7k4q"). Case does not count; % and _ are only letters (escaped)."""
    matches: list[ColumnElement[bool]] = []
    words = typed.split()[:SEARCH_WORDS]
    if words:
        matches.append(and_(*(_word_clause(word) for word in words)))
    code = codes.normalise_code(typed)
    if code is not None:
        matches.append(Report.tracking_code == code)
    return or_(*matches) if matches else true()


def _word_clause(word: str) -> ColumnElement[bool]:
    found = [
        Report.title.icontains(word, autoescape=True),
        Report.description.icontains(word, autoescape=True),
        Report.tracking_code.icontains(word, autoescape=True),
    ]
    compact = re.sub(r"[\s\-_.]", "", word)
    if compact and compact != word and compact.isalnum():
        # "7K4Q.2M" or "sra_7k4q": the code without its dashes holds the word without its own.
        bare = func.replace(Report.tracking_code, "-", "")
        found.append(bare.icontains(compact, autoescape=True))
    return or_(*found)


async def queue(
    session: AsyncSession,
    user: StaffUser,
    where: QueueFilter,
    today: dt.date,
    *,
    per_page: int = PER_PAGE,
) -> QueuePage:
    """Reports ``user`` may see that match ``where``: the nearest deadline first, reports
    waiting on no deadline last, oldest first among equals. A page past the end shows the last.
    """
    conditions = await _conditions(session, user, where, today)
    total = int(await session.scalar(select(func.count(Report.id)).where(*conditions)) or 0)
    pages = max(1, -(-total // per_page))
    page = min(max(1, where.page), pages)
    due = _due_column()
    result = await session.execute(
        select(Report, Agency)
        .outerjoin(Agency, Agency.id == Report.agency_id)
        .where(*conditions)
        .order_by(due.is_(None), due, Report.created_at, Report.id)
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    calendar = await working_calendar.load(session)
    found = result.all()
    groups = await sent_by(session, [report for report, _agency in found])
    rows = [
        QueueRow(report, agency, clock(report, today, calendar), groups.get(report.id))
        for report, agency in found
    ]
    return QueuePage(rows, total, page, pages)


async def count_overdue(session: AsyncSession, user: StaffUser, today: dt.date) -> int:
    """How many reports ``user`` may see are overdue (the admin: all of them)."""
    query = select(func.count(Report.id)).where(visible_reports(user), overdue_clause(today))
    return int(await session.scalar(query) or 0)

"""A community group's desk: the representatives' view of their group's reports.

"The reporter key of each report is the group's": a representative signed in to the desk acts
as the reporter of every report its group sent (``Report.group_id``), with no PIN, and of no
other report. A report of another group, or of nobody's group, is "not found" (the same
answer as a code that does not exist), so the desk tells nothing about other reports.
Replies and ratings go through the tracking rules (``tracking.service``), as a reporter's do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission, require
from gesi_app.groups.models import Group
from gesi_app.reports.models import Report, ReportMessage, Status
from gesi_app.reports.service import report_by_code


class DeskReportNotFound(LookupError):
    """No report with this code on this group's desk."""


@dataclass(frozen=True)
class DeskRow:
    tracking_code: str
    title: str
    status: Status
    sent_at: dt.datetime
    answer_due: dt.date | None
    answers: int  # answers from the agency so far


async def desk_group(session: AsyncSession, user: StaffUser) -> Group:
    """The group whose desk this representative holds."""
    require(user, Permission.GROUP_DESK)
    group = await session.get(Group, user.group_id)
    assert group is not None  # a foreign key: the group outlives its representatives
    return group


async def desk_reports(session: AsyncSession, user: StaffUser) -> Sequence[DeskRow]:
    """The group's reports, the newest first, each with its count of answers."""
    require(user, Permission.GROUP_DESK)
    answers = (
        select(ReportMessage.report_id, func.count().label("answers"))
        .where(ReportMessage.author_kind == "agency")
        .group_by(ReportMessage.report_id)
        .subquery()
    )
    rows = await session.execute(
        select(
            Report.tracking_code,
            Report.title,
            Report.status,
            Report.created_at,
            Report.answer_due,
            func.coalesce(answers.c.answers, 0),
        )
        .outerjoin(answers, answers.c.report_id == Report.id)
        .where(Report.group_id == user.group_id)
        .order_by(Report.created_at.desc(), Report.id.desc())
    )
    return [DeskRow(*row) for row in rows.all()]


async def desk_report(session: AsyncSession, user: StaffUser, code: str) -> Report:
    """The group's report with this code (loaded as the tracking page needs it)."""
    require(user, Permission.GROUP_DESK)
    report = await report_by_code(session, code)
    if report is None or report.group_id is None or report.group_id != user.group_id:
        raise DeskReportNotFound(code)
    return report


async def record_reply(
    session: AsyncSession, user: StaffUser, report: Report, ip: str | None
) -> None:
    """Which representative replied for the group (the reply itself reads as the reporter's);
    kept with the reply in one commit (``tracking.service.add_reply`` commits)."""
    await audit.record(
        session, user, Action.GROUP_REP_REPLIED, "report", report.tracking_code, ip=ip
    )


async def record_rating(
    session: AsyncSession, user: StaffUser, report: Report, score: int, ip: str | None
) -> None:
    """Which representative rated the answer for the group; committed with the rating."""
    await audit.record(
        session, user, Action.GROUP_REP_RATED, "report", report.tracking_code,
        after={"score": score}, ip=ip,
    )  # fmt: skip

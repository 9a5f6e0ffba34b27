""" "You said, we did": what became of a forum's agreed points and follow-up items, for the
public page /forums/{code}/follow-up.

A follow-up item made a tracked report moves with it: its state is the report's status, and
once the report is public (verified, never rahasia) the page links to it and shows the
agency's answers. An item not yet tracked is "planned"; one past its due date and not yet
answered or closed says so. An agreed point carries its own owner agency, due date and state,
set by the facilitator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.agencies.models import Agency
from gesi_app.forums.models import AgreedPoint, FollowUp, Forum, PointState
from gesi_app.public.publication import is_public
from gesi_app.reports.models import Report, ReportMessage, Status

DONE = frozenset({Status.DITINDAKLANJUTI, Status.SELESAI})
SETTLED = frozenset({PointState.DONE, PointState.NOT_GOING_AHEAD})


@dataclass(frozen=True)
class Agreed:
    """One agreed point as the public sees it."""

    number: int
    text: str
    agency: Agency | None
    due_on: dt.date | None
    state: PointState | None
    overdue: bool


@dataclass(frozen=True)
class Promise:
    """One follow-up item as the public sees it."""

    number: int
    what: str
    agency: Agency | None
    due_on: dt.date
    status: Status | None  # None: not yet a tracked report
    code: str | None  # the tracked report's code, only once it is public
    answers: Sequence[str]
    overdue: bool


async def agreed(session: AsyncSession, forum: Forum, today: dt.date) -> list[Agreed]:
    """The forum's agreed points in the order they were recorded, each with its owner."""
    rows = (
        await session.execute(
            select(AgreedPoint, Agency)
            .outerjoin(Agency, Agency.id == AgreedPoint.agency_id)
            .where(AgreedPoint.forum_id == forum.id)
            .order_by(AgreedPoint.id)
        )
    ).all()
    return [
        Agreed(
            number=number,
            text=point.text,
            agency=agency,
            due_on=point.due_on,
            state=point.state,
            overdue=point.due_on is not None
            and point.due_on < today
            and point.state not in SETTLED,
        )
        for number, (point, agency) in enumerate(rows, start=1)
    ]


async def promises(session: AsyncSession, forum: Forum, today: dt.date) -> list[Promise]:
    """The forum's follow-up items in the order they were added, each with its report's state."""
    rows = (
        await session.execute(
            select(FollowUp, Report, Agency)
            .outerjoin(Report, Report.id == FollowUp.report_id)
            .outerjoin(Agency, Agency.id == FollowUp.agency_id)
            .where(FollowUp.forum_id == forum.id)
            .order_by(FollowUp.id)
        )
    ).all()
    public_ids = [r.id for _, r, _ in rows if r is not None and is_public(r)]
    answers: dict[int, list[str]] = {}
    if public_ids:
        messages = await session.scalars(
            select(ReportMessage)
            .where(ReportMessage.report_id.in_(public_ids), ReportMessage.author_kind == "agency")
            .order_by(ReportMessage.created_at, ReportMessage.id)
        )
        for message in messages:
            answers.setdefault(message.report_id, []).append(message.body)
    found = []
    for number, (item, report, agency) in enumerate(rows, start=1):
        status = report.status if report is not None else None
        shown = report is not None and is_public(report)
        found.append(
            Promise(
                number=number,
                what=item.what,
                agency=agency,
                due_on=item.due_on,
                status=status,
                code=report.tracking_code if shown and report is not None else None,
                answers=answers.get(report.id, []) if shown and report is not None else [],
                overdue=item.due_on < today and status not in DONE,
            )
        )
    return found

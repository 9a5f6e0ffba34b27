"""A group's public collective reports, for its page: only published reports (verified, never
rahasia), by their public title, with their status and how many people each speaks for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.groups.models import Group, GroupState
from gesi_app.public.publication import PUBLISHED
from gesi_app.reports.models import Report, Status

SHOWN = 50  # the newest; the public list of reports has them all


@dataclass(frozen=True)
class GroupReport:
    code: str
    title: str
    status: Status
    sent_on: dt.datetime
    weight: int


async def public_collective_reports(session: AsyncSession, slug: str) -> list[GroupReport]:
    """The approved group's published collective reports, newest first."""
    rows = await session.execute(
        select(Report)
        .join(Group, Group.id == Report.group_id)
        .where(Group.slug == slug, Group.state == GroupState.APPROVED, PUBLISHED)
        .order_by(Report.created_at.desc(), Report.id.desc())
        .limit(SHOWN)
    )
    return [
        GroupReport(r.tracking_code, r.public_title or "", r.status, r.created_at, r.weight)
        for r in rows.scalars()
    ]

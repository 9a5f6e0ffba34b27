"""Who the counted reports speak for: a collective report (gesi_app.reports.collective)
counts the people it speaks for (its weight), an individual report its reporter; co-signs of
the reports add the people co-signing groups speak for, and one for each citizen."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.reports.models import Cosign, Report
from gesi_app.stats.queries import NO_AREA, Scope
from gesi_app.stats.sql import kecamatan_of


async def people_by_kecamatan(session: AsyncSession, scope: Scope) -> list[tuple[str, int]]:
    """People heard per kecamatan: a report's weight (1, or a collective report's people)."""
    area = kecamatan_of(Report.region_code)
    query = select(area, func.sum(Report.weight)).where(*scope.conditions()).group_by(area)
    return [(str(a or NO_AREA), int(n or 0)) for a, n in await session.execute(query)]


@dataclass(frozen=True)
class People:
    """How many people the counted reports speak for, and co-signs add (public ones)."""

    reports: int  # the sum of the reports' weights
    collective: int  # collective reports among them
    cosigned: int  # people added by co-signs of these reports (groups' counts, citizens one)


async def people(session: AsyncSession, scope: Scope) -> People:
    weights = (
        await session.execute(
            select(
                func.coalesce(func.sum(Report.weight), 0),
                func.count(Report.id).filter(Report.group_id.is_not(None)),
            ).where(*scope.conditions())
        )
    ).one()
    cosigned = await session.scalar(
        select(func.coalesce(func.sum(Cosign.people), 0))
        .join(Report, Report.id == Cosign.report_id)
        .where(*scope.conditions())
    )
    return People(int(weights[0]), int(weights[1]), int(cosigned or 0))

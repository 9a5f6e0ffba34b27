"""Co-signing a public report ("ikut menandatangani"): a community group adds its support for
the people it speaks for, or a citizen adds theirs, apart from the one-click "dukung".

One co-sign per group per report (bounded by the group's registered members, and never the
group that sent the report), one per citizen's browser per report (its token hashed, like a
support). The table's unique constraints hold these rules when two requests race.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.reports.collective import ActingGroup
from gesi_app.reports.models import Cosign, Report


@dataclass(frozen=True)
class Cosigns:
    """What a report page shows: how many groups and citizens co-signed, for how many people."""

    groups: int = 0
    citizens: int = 0
    people: int = 0

    @property
    def any(self) -> bool:
        return bool(self.groups or self.citizens)


class CosignRefused(Exception):
    """Not counted: ``reason`` is "already" (this group or browser co-signed), "own" (the
    group sent the report itself) or "bounds" (more people than the group's members)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def cosigns_of(session: AsyncSession, report_id: int) -> Cosigns:
    return (await cosigns_by_report(session, [report_id])).get(report_id, Cosigns())


async def cosigns_by_report(session: AsyncSession, report_ids: Iterable[int]) -> dict[int, Cosigns]:
    ids = list(report_ids)
    if not ids:
        return {}
    rows = await session.execute(
        select(
            Cosign.report_id,
            func.count(Cosign.group_id),
            func.count(Cosign.supporter),
            func.coalesce(func.sum(Cosign.people), 0),
        )
        .where(Cosign.report_id.in_(ids))
        .group_by(Cosign.report_id)
    )
    return {rid: Cosigns(int(g), int(c), int(p)) for rid, g, c, p in rows}


async def group_cosigned(session: AsyncSession, report_id: int, group_id: int) -> bool:
    found = await session.scalar(
        select(Cosign.id).where(Cosign.report_id == report_id, Cosign.group_id == group_id)
    )
    return found is not None


async def citizen_cosigned(session: AsyncSession, report_id: int, supporter: str) -> bool:
    found = await session.scalar(
        select(Cosign.id).where(Cosign.report_id == report_id, Cosign.supporter == supporter)
    )
    return found is not None


async def cosign(
    session: AsyncSession,
    report: Report,
    *,
    group: ActingGroup | None = None,
    people: int = 1,
    supporter: str | None = None,
) -> None:
    """Add one co-sign for ``group`` (for ``people`` of its members) or for a citizen's
    browser (``supporter``, hashed; one person); commit. Raises CosignRefused."""
    if group is not None:
        if report.group_id == group.id:
            raise CosignRefused("own")
        if not 1 <= people <= group.total:
            raise CosignRefused("bounds")
        row = Cosign(report_id=report.id, group_id=group.id, people=people)
    elif supporter:
        row = Cosign(report_id=report.id, supporter=supporter, people=1)
    else:
        raise ValueError("a co-sign needs a group or a supporter")
    session.add(row)
    try:
        await session.commit()
    except IntegrityError:
        await session.rollback()
        raise CosignRefused("already") from None

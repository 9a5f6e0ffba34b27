"""A reporter's rating, given through the tracking service as the tracking page gives it."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from gesi_app.reports.models import Report
from gesi_app.tracking import service as tracking
from tests import factories


def rate(database_url: str, report: Report, score: int, comment: str | None) -> None:
    async def go(session: AsyncSession) -> None:
        row = await session.get(
            Report, report.id, options=[selectinload(Report.history), selectinload(Report.messages)]
        )
        assert row is not None
        await tracking.rate(session, row, score, comment)

    factories.run(database_url, go)

"""Reports for the public-pages tests, made through the real services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.categories.service import category_by_slug
from gesi_app.reports import workflow
from gesi_app.reports.models import Status
from gesi_app.reports.service import report_by_code
from tests import factories

T0 = dt.datetime(2026, 11, 2, 3, 0, tzinfo=dt.UTC)


def topic_id(url: str, slug: str) -> int:
    async def work(session: AsyncSession) -> int:
        category = await category_by_slug(session, slug)
        assert category is not None
        return category.id

    result: int = factories.run(url, work)
    return result


def add(url: str, minute: int, *, published: bool = True, **overrides: Any) -> str:
    """A report sent ``minute`` minutes after T0; returns its tracking code.

    ``published``: staff verified it, so it is public (unless rahasia); otherwise it is only
    received, and not public yet."""

    async def work(session: AsyncSession) -> str:
        adding = factories.add_published_report if published else factories.add_report
        submitted = await adding(session, now=T0 + dt.timedelta(minutes=minute), **overrides)
        return submitted.report.tracking_code

    code: str = factories.run(url, work)
    return code


def move(url: str, code: str, *steps: Status) -> None:
    """Take the report through the state machine, as staff would."""

    async def work(session: AsyncSession) -> None:
        report = await report_by_code(session, code)
        assert report is not None
        for step in steps:
            workflow.transition(report, step, actor_kind="staff", reason="test")

    factories.run(url, work)

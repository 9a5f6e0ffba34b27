"""Reports for the open data tests, made through the real services at fixed times."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from gesi_app.agencies.models import Agency
from gesi_app.categories.service import category_by_slug
from gesi_app.public import publication
from gesi_app.reports import workflow
from gesi_app.reports.models import Report, ReportType, Status
from tests import factories

S = Status


def at(text: str) -> dt.datetime:
    """A moment in UTC, e.g. at("2026-05-12 03:00")."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


async def _agency_id(session: AsyncSession, slug: str) -> int:
    found = await session.scalar(select(Agency.id).where(Agency.slug == slug))
    assert found is not None
    return int(found)


async def make_report(
    session: AsyncSession,
    sent: str,
    steps: list[tuple[Status, str]],
    *,
    topic: str | None = None,
    agency: str = "dinkes",
    **overrides: Any,
) -> str:
    """A report sent at ``sent``, then taken through ``steps`` (status, when) by staff; the
    first verification publishes it (unless rahasia), as verifying does. Its tracking code."""
    if topic is not None:
        category = await category_by_slug(session, topic)
        assert category is not None
        overrides["category_id"] = category.id
    submitted = await factories.add_report(session, now=at(sent), **overrides)
    report = await session.get(
        Report, submitted.report.id, options=[selectinload(Report.history)], populate_existing=True
    )
    assert report is not None
    for status, when in steps:
        if status is S.TERVERIFIKASI:
            agency_id = await _agency_id(session, agency)
            workflow.disposition(report, agency_id, actor_id=None, answer_due=None, now=at(when))
            publication.publish(report, report.title, report.description, now=at(when))
        else:
            workflow.transition(report, status, actor_kind="staff", reason="test", now=at(when))
    await session.commit()
    return report.tracking_code


def build(url: str) -> dict[str, str]:
    """Five reports; their tracking codes by letter. Expected rows: see test_exports."""

    async def work(session: AsyncSession) -> dict[str, str]:
        return {
            # Verified the day before Ascension (14 May, holiday) and its cuti bersama (15 May):
            # answered on Tuesday the 19th, 2 working days later (4 without the holidays).
            "A": await make_report(
                session,
                "2026-05-12 03:00",
                [
                    (S.TERVERIFIKASI, "2026-05-13 02:00"),
                    (S.DITINDAKLANJUTI, "2026-05-19 03:00"),
                    (S.SELESAI, "2026-05-20 04:00"),
                ],
                topic="jalan",
                agency="dinkes",
                region_code="36.03.01.1001",
            ),
            # Sent at 20:00 UTC, 03:00 on the 13th in Jakarta; not checked yet: no code.
            "B": await make_report(
                session,
                "2026-05-12 20:00",
                [],
                type=ReportType.ASPIRASI,
                topic="puskesmas",
                region_code="36.03.18",
            ),
            # Confidential: never in a file.
            "C": await make_report(
                session,
                "2026-05-12 04:00",
                [(S.TERVERIFIKASI, "2026-05-13 02:00"), (S.DITINDAKLANJUTI, "2026-05-18 03:00")],
                rahasia=True,
                topic="jalan",
                region_code="36.03.01.1001",
            ),
            # Verified on a holiday (1 June), answered at 18:00 UTC on the 2nd (the 3rd in
            # Jakarta): 2 working days.
            "D": await make_report(
                session,
                "2026-05-29 01:00",
                [(S.TERVERIFIKASI, "2026-06-01 02:00"), (S.DITINDAKLANJUTI, "2026-06-02 18:00")],
                type=ReportType.PERMINTAAN_INFORMASI,
                agency="dishub",
                region_code=None,
                landmark=None,
            ),
            # Verified, put on hold, verified again: the agency's clock starts at the second
            # verification (11 May, Monday); answered the next day: 1.
            "E": await make_report(
                session,
                "2026-05-01 05:00",
                [
                    (S.TERVERIFIKASI, "2026-05-04 02:00"),
                    (S.DITUNDA, "2026-05-05 02:00"),
                    (S.TERVERIFIKASI, "2026-05-11 02:00"),
                    (S.DITINDAKLANJUTI, "2026-05-12 09:00"),
                ],
                topic="drainase",
                agency="dishub",
                region_code="36.03.18.2002",
            ),
        }

    factories.seed(url)
    codes: dict[str, str] = factories.run(url, work)
    return codes

"""The firsts on each report (first verified, answered, closed: migration 0025) are what the
report's history says, after every kind of change to the history, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.reports.models import Report, ReportEvent, Status
from tests.factories import run
from tests.functional.stats.test_stats_freshness import _verify_and_answer
from tests.functional.stats.test_stats_page import _fill
from tests.unit.stats import fixtures as fx

FIRSTS = {
    Status.TERVERIFIKASI: Report.first_verified_at,
    Status.DITINDAKLANJUTI: Report.first_answered_at,
    Status.SELESAI: Report.first_closed_at,
}


def _moment(value: dt.datetime | None) -> dt.datetime | None:
    return None if value is None else value.replace(tzinfo=value.tzinfo or dt.UTC)


async def _mismatches(session: AsyncSession) -> list[tuple[int, str]]:
    """Reports whose stored first differs from the first event of that status."""
    found = []
    for status, column in FIRSTS.items():
        history = dict(
            (
                await session.execute(
                    select(ReportEvent.report_id, func.min(ReportEvent.created_at))
                    .where(ReportEvent.to_status == status)
                    .group_by(ReportEvent.report_id)
                )
            ).all()
        )
        for report_id, stored in await session.execute(select(Report.id, column)):
            if _moment(stored) != _moment(history.get(report_id)):
                found.append((report_id, status.value))
    return found


def _check(database_url: str) -> None:
    assert run(database_url, _mismatches) == []


def test_the_firsts_follow_the_history(database_url: str) -> None:
    _fill(database_url)
    run(database_url, _verify_and_answer)
    _check(database_url)
    verified = run(
        database_url,
        lambda s: s.scalar(select(func.count()).where(Report.first_verified_at.is_not(None))),
    )
    assert verified >= 6

    async def earlier(session: AsyncSession) -> None:
        """An event moved to an earlier moment, another to a later one."""
        events = (
            await session.scalars(
                select(ReportEvent)
                .where(ReportEvent.to_status == Status.TERVERIFIKASI)
                .order_by(ReportEvent.id)
            )
        ).all()
        events[0].created_at = fx.at("2026-04-02")
        events[1].created_at = fx.at("2026-05-30")

    run(database_url, earlier)
    _check(database_url)

    async def bulk(session: AsyncSession) -> None:
        """A bulk change of status (no ORM object), then a removal."""
        await session.execute(
            update(ReportEvent)
            .where(ReportEvent.to_status == Status.DITINDAKLANJUTI)
            .values(to_status=Status.SELESAI)
        )
        first = await session.scalar(
            select(ReportEvent.id)
            .where(ReportEvent.to_status == Status.TERVERIFIKASI)
            .order_by(ReportEvent.id)
        )
        await session.execute(delete(ReportEvent).where(ReportEvent.id == first))

    run(database_url, bulk)
    _check(database_url)

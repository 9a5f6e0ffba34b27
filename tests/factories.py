"""Test data built through the real services (no hand-written rows that the app could not make)."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import replace
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.db.engine import create_engine, session_factory
from gesi_app.demo import DemoResult, seed_demo
from gesi_app.reports.models import ReportType, WhenKind
from gesi_app.reports.service import NewReport, Segment, Submitted, submit_report

DEFAULT_REPORT = NewReport(
    type=ReportType.PENGADUAN,
    title="Jalan berlubang di Jl. Raya Balaraja",
    description="Lubang besar di depan pasar. Motor sering jatuh saat hujan.",
    when_kind=WhenKind.ONGOING,
    anonim=False,
    rahasia=False,
    region_code="36.03.01.1001",
    landmark="Depan pasar",
    contact_name="Siti Rahma",
    contact_email="siti@example.org",
    contact_phone="+6281234567890",
)


def new_report(**overrides: Any) -> NewReport:
    return replace(DEFAULT_REPORT, **overrides)


async def add_report(
    session: AsyncSession, now: dt.datetime | None = None, **overrides: Any
) -> Submitted:
    return await submit_report(session, new_report(**overrides), now=now)


def run(database_url: str, work: Any) -> Any:
    """Run ``await work(session)`` against a database from synchronous test code."""

    async def go() -> Any:
        engine = create_engine(database_url)
        try:
            async with session_factory(engine)() as session:
                result = await work(session)
                await session.commit()
                return result
        finally:
            await engine.dispose()

    return asyncio.run(go())


def seed(database_url: str) -> DemoResult:
    """Demo regions, agencies, topics and staff: what a real installation starts with."""
    result: DemoResult = run(database_url, seed_demo)
    return result


def create_report(database_url: str, **overrides: Any) -> Submitted:
    submitted: Submitted = run(database_url, lambda s: add_report(s, **overrides))
    return submitted


__all__ = ["DEFAULT_REPORT", "Segment", "add_report", "create_report", "new_report", "run", "seed"]

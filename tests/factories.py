"""Test data built through the real services (no hand-written rows that the app could not make)."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import replace
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from gesi_app.db.engine import create_engine, session_factory
from gesi_app.demo import DemoResult, new_credentials, seed_demo
from gesi_app.passwords import MIN_MEMORY_KIB, MIN_TIME_COST, Hasher
from gesi_app.public import publication
from gesi_app.reports.deadlines import STANDARD, Deadlines
from gesi_app.reports.models import Report, ReportMessage, ReportType, Status, WhenKind
from gesi_app.reports.service import NewReport, Segment, Submitted, submit_report
from gesi_app.reports.workflow import transition

# Services called directly hash with the lowest parameters allowed (the apps under test get
# the same from their settings, see conftest.make_settings): Argon2 is slow by design.
HASHER = Hasher.make(time_cost=MIN_TIME_COST, memory_kib=MIN_MEMORY_KIB)

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
    session: AsyncSession,
    now: dt.datetime | None = None,
    deadlines: Deadlines = STANDARD,
    **overrides: Any,
) -> Submitted:
    return await submit_report(
        session, new_report(**overrides), hasher=HASHER, now=now, deadlines=deadlines
    )


async def add_published_report(
    session: AsyncSession,
    now: dt.datetime | None = None,
    *,
    public_title: str | None = None,
    public_description: str | None = None,
    **overrides: Any,
) -> Submitted:
    """A report that staff verified and so published (unless rahasia, which never is), with
    the reporter's words or the given redacted ones."""
    submitted = await add_report(session, now=now, **overrides)
    await session.refresh(submitted.report, ["history"])
    verify_and_publish(submitted.report, public_title, public_description, now=now)
    return submitted


def verify_and_publish(
    report: Report,
    public_title: str | None = None,
    public_description: str | None = None,
    *,
    now: dt.datetime | None = None,
) -> None:
    """Verified (by the state machine) and published as verification does; ``report`` needs
    its history loaded."""
    if report.status is not Status.TERVERIFIKASI:
        transition(report, Status.TERVERIFIKASI, actor_kind="staff", now=now)
    publication.publish(
        report,
        public_title or report.title,
        public_description or report.description,
        report.landmark,
        now=now,
    )


def publish_report(
    database_url: str,
    report_id: int,
    public_title: str | None = None,
    public_description: str | None = None,
) -> None:
    """Verify and publish a report already sent (see ``verify_and_publish``)."""

    async def go(session: AsyncSession) -> None:
        report = await session.get(Report, report_id, options=[selectinload(Report.history)])
        assert report is not None
        verify_and_publish(report, public_title, public_description)

    run(database_url, go)


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


_CREDENTIALS: dict[str, tuple[str, str]] = {}


def _cached_credentials(username: str) -> tuple[str, str]:
    """Argon2 is slow by design: hash each demo account's password once per test process."""
    if username not in _CREDENTIALS:
        _CREDENTIALS[username] = new_credentials(HASHER)
    return _CREDENTIALS[username]


def seed(database_url: str) -> DemoResult:
    """Demo regions, agencies, topics and staff: what a real installation starts with."""
    result: DemoResult = run(
        database_url, lambda s: seed_demo(s, credentials=_cached_credentials, hasher=HASHER)
    )
    return result


def create_report(database_url: str, **overrides: Any) -> Submitted:
    submitted: Submitted = run(database_url, lambda s: add_report(s, **overrides))
    return submitted


def move_report(
    database_url: str,
    report_id: int,
    *statuses: Status,
    reason: str | None = None,
    actor_kind: str = "staff",
) -> None:
    """Take a report through the workflow, one status after another (the real state machine)."""

    async def go(session: AsyncSession) -> None:
        report = await session.get(Report, report_id, options=[selectinload(Report.history)])
        assert report is not None
        for status in statuses:
            transition(report, status, actor_kind=actor_kind, reason=reason)

    run(database_url, go)


def answer_report(database_url: str, report_id: int, body: str) -> None:
    """The agency answers: verified if needed, then answered, with the answer as a message."""

    async def go(session: AsyncSession) -> None:
        report = await session.get(
            Report, report_id, options=[selectinload(Report.history), selectinload(Report.messages)]
        )
        assert report is not None
        if report.status is not Status.TERVERIFIKASI:
            transition(report, Status.TERVERIFIKASI, actor_kind="staff")
        transition(report, Status.DITINDAKLANJUTI, actor_kind="staff")
        report.messages.append(ReportMessage(author_kind="agency", body=body))

    run(database_url, go)


__all__ = [
    "DEFAULT_REPORT",
    "Segment",
    "add_published_report",
    "add_report",
    "answer_report",
    "create_report",
    "move_report",
    "new_report",
    "publish_report",
    "run",
    "seed",
    "verify_and_publish",
]

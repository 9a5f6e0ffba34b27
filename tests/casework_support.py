"""Casework test data through the real services: reports in a given status, routed to an
agency by the state machine, and readers of what the database holds afterwards."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from gesi_app.accounts.models import AuditEntry
from gesi_app.reports import workflow
from gesi_app.reports.models import Report, ReportMessage, Status
from tests import factories

S = Status


def report_in(
    database_url: str,
    status: Status,
    agency_id: int | None = None,
    *,
    now: dt.datetime | None = None,
    **overrides: Any,
) -> Report:
    """A new report taken to ``status`` by the state machine; ``agency_id`` is where it was
    sent when verified (needed for every status past received)."""
    overrides.setdefault("region_code", None)  # regions are seeded only where a test needs them
    report = factories.run(
        database_url, lambda s: factories.add_report(s, now=now, **overrides)
    ).report

    async def go(session: AsyncSession) -> None:
        row = await session.get(
            Report, report.id, options=[selectinload(Report.history), selectinload(Report.messages)]
        )
        assert row is not None
        if status is S.DITERIMA:
            return
        if status is S.DITUNDA:
            workflow.transition(row, S.DITUNDA, actor_kind="staff", reason="Menunggu dana")
            return
        if status in (S.BUKAN_WEWENANG, S.DIARSIPKAN):
            workflow.transition(row, status, actor_kind="staff", reason="Alasan")
            return
        assert agency_id is not None
        workflow.disposition(row, agency_id, actor_id=None, answer_due=None, now=now)
        if status is S.TERVERIFIKASI:
            return
        workflow.transition(row, S.DITINDAKLANJUTI, actor_kind="staff", now=now)
        row.messages.append(
            ReportMessage(author_kind="agency", body="Sudah kami perbaiki.", created_at=now)
        )
        if status is S.SELESAI:
            workflow.transition(row, S.SELESAI, actor_kind="staff")

    factories.run(database_url, go)
    return load(database_url, report.id)


def load(database_url: str, report_id: int) -> Report:
    async def go(session: AsyncSession) -> Report:
        row = await session.get(
            Report,
            report_id,
            options=[
                selectinload(Report.history),
                selectinload(Report.messages),
                selectinload(Report.attachments),
            ],
        )
        assert row is not None
        return row

    report: Report = factories.run(database_url, go)
    return report


def audit_entries(database_url: str, action: str) -> list[AuditEntry]:
    async def go(session: AsyncSession) -> list[AuditEntry]:
        rows = await session.scalars(
            select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
        )
        return list(rows.all())

    entries: list[AuditEntry] = factories.run(database_url, go)
    return entries

"""Overdue reports escalate to the admins: the periodic job records each missed deadline once
(a row and an audit entry), queues an email to every active admin with an address, and the
queue can show only escalated reports."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app import jobs
from gesi_app.accounts.models import StaffUser
from gesi_app.db.engine import create_engine, session_factory
from gesi_app.escalations.models import Escalation
from gesi_app.notifications.models import Outbox
from gesi_app.reports.models import Report, Status
from tests import factories
from tests.casework_support import audit_entries, report_in
from tests.staff_support import make_team, sign_in, summary

TZ = "Asia/Jakarta"
MONDAY = dt.datetime(2026, 1, 5, 3, 0, tzinfo=dt.UTC)  # checked by Thursday 8 January


def at(day: int) -> dt.datetime:
    return dt.datetime(2026, 1, day, 3, 0, tzinfo=dt.UTC)


def run_jobs(database_url: str, data_dir: Path, now: dt.datetime) -> int:
    async def go() -> int:
        engine = create_engine(database_url)
        try:
            done = await jobs.run_jobs(
                session_factory(engine), data_dir, now, timezone=TZ, hasher=factories.HASHER
            )
            return done["reports_escalated"]
        finally:
            await engine.dispose()

    escalated: int = asyncio.run(go())
    return escalated


def give_emails(database_url: str) -> None:
    """The admin has an address; a second, deactivated admin has one too."""

    async def go(session: AsyncSession) -> None:
        await session.execute(
            update(StaffUser).where(StaffUser.username == "admin").values(email="admin@example.id")
        )
        await session.execute(
            update(StaffUser)
            .where(StaffUser.username == "verifikator")
            .values(email="verifier@example.id")
        )

    factories.run(database_url, go)


def outbox(database_url: str) -> list[Outbox]:
    async def go(session: AsyncSession) -> list[Outbox]:
        rows = await session.scalars(
            select(Outbox).where(Outbox.kind == "escalated").order_by(Outbox.id)
        )
        return list(rows.all())

    rows: list[Outbox] = factories.run(database_url, go)
    return rows


def escalations(database_url: str) -> list[tuple[int, str, dt.date]]:
    async def go(session: AsyncSession) -> list[tuple[int, str, dt.date]]:
        rows = await session.scalars(select(Escalation).order_by(Escalation.id))
        return [(e.report_id, e.kind, e.due) for e in rows]

    found: list[tuple[int, str, dt.date]] = factories.run(database_url, go)
    return found


def test_a_missed_deadline_escalates_once_by_email_to_the_admins(
    database_url: str, tmp_path: Path
) -> None:
    make_team(database_url)
    give_emails(database_url)
    late = factories.create_report(database_url, now=MONDAY, region_code=None).report
    assert late.verify_due == dt.date(2026, 1, 8)
    factories.create_report(database_url, now=at(8), region_code=None)  # due 13 January
    assert run_jobs(database_url, tmp_path, at(8)) == 0  # due today: not late yet
    assert run_jobs(database_url, tmp_path, at(9)) == 1
    assert escalations(database_url) == [(late.id, "verify", dt.date(2026, 1, 8))]
    [email] = outbox(database_url)
    assert email.recipient == "admin@example.id"  # admins only, not the verifier
    assert email.channel.value == "email"
    # Both languages, Indonesian first: an admin's language is not known.
    code = late.tracking_code
    assert email.subject == f"Laporan terlambat {code} / Overdue report {code}"
    indonesian, english = email.body.split("\n\n")
    assert indonesian.startswith(f"Laporan {code} seharusnya sudah diverifikasi paling lambat")
    assert "8 Januari 2026" in indonesian
    assert english.startswith(f"Report {code} should have been verified by January 8, 2026")
    assert indonesian.endswith(f"/staff/reports/{code}") and english.endswith(
        f"/staff/reports/{code}"
    )
    [entry] = audit_entries(database_url, "report_escalated")
    assert entry.object_id == late.tracking_code
    assert entry.after == {"deadline": "verify", "due": "2026-01-08"}
    assert entry.actor_username == "system"
    # The next runs escalate nothing new for the same missed deadline.
    assert run_jobs(database_url, tmp_path, at(12)) == 0
    assert len(outbox(database_url)) == 1
    assert len(audit_entries(database_url, "report_escalated")) == 1


def test_a_new_missed_deadline_escalates_again(database_url: str, tmp_path: Path) -> None:
    team = make_team(database_url)
    give_emails(database_url)
    report = report_in(database_url, Status.TERVERIFIKASI, team.agencies["dpupr"], now=MONDAY)

    async def due(session: AsyncSession) -> None:
        await session.execute(
            update(Report)
            .where(Report.id == report.id)
            .values(verify_due=dt.date(2026, 1, 8), answer_due=dt.date(2026, 1, 15))
        )

    factories.run(database_url, due)
    assert run_jobs(database_url, tmp_path, at(15)) == 0
    assert run_jobs(database_url, tmp_path, at(16)) == 1
    assert escalations(database_url) == [(report.id, "answer", dt.date(2026, 1, 15))]


def test_the_queue_shows_only_escalated_reports(
    client: TestClient, database_url: str, tmp_path: Path
) -> None:
    make_team(database_url)
    late = factories.create_report(database_url, now=MONDAY, region_code=None).report
    fresh = factories.create_report(database_url, region_code=None).report
    run_jobs(database_url, tmp_path, at(9))
    sign_in(client, "admin")
    listing = client.get("/staff/queue", params={"escalated": "yes", "lang": "en"}).text
    assert late.tracking_code in listing
    assert fresh.tracking_code not in listing
    assert 'name="escalated" type="checkbox" value="yes" checked' in listing or (
        'value="yes" checked' in listing
    )
    everything = client.get("/staff/queue", params={"lang": "en"}).text
    assert fresh.tracking_code in everything
    wrong = client.get("/staff/queue", params={"escalated": "maybe", "lang": "en"})
    assert wrong.status_code == 400
    assert summary(wrong.text) == {
        "escalated": "Tick the box to see only escalated reports, or leave it empty"
    }

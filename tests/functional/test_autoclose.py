"""Answered reports close themselves after 10 working days without a reply from the reporter
(a given clock); a reply reopens the report and starts the wait again after the next answer."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from gesi_app import jobs
from gesi_app.db.engine import create_engine, session_factory
from gesi_app.reports.models import Status
from gesi_app.tracking import service as tracking
from tests import factories
from tests.casework_support import load, report_in
from tests.staff_support import make_team

S = Status
TZ = "Asia/Jakarta"
# Monday 2 March 2026, 10:00 WIB. Ten working days later is Monday 16 March (no holidays).
ANSWERED = dt.datetime(2026, 3, 2, 3, 0, tzinfo=dt.UTC)


def run_jobs(database_url: str, data_dir: Path, now: dt.datetime) -> dict[str, int]:
    async def go() -> dict[str, int]:
        engine = create_engine(database_url)
        try:
            return await jobs.run_jobs(
                session_factory(engine), data_dir, now, timezone=TZ, hasher=factories.HASHER
            )
        finally:
            await engine.dispose()

    return asyncio.run(go())


def test_answered_report_closes_after_ten_working_days(database_url: str, tmp_path: Path) -> None:
    report = report_in(
        database_url, S.DITINDAKLANJUTI, make_team(database_url).agencies["dpupr"], now=ANSWERED
    )
    friday = dt.datetime(2026, 3, 13, 10, 0, tzinfo=dt.UTC)
    assert run_jobs(database_url, tmp_path, friday)["reports_closed"] == 0
    assert load(database_url, report.id).status is S.DITINDAKLANJUTI
    monday = dt.datetime(2026, 3, 16, 1, 0, tzinfo=dt.UTC)
    assert run_jobs(database_url, tmp_path, monday)["reports_closed"] == 1
    after = load(database_url, report.id)
    assert after.status is S.SELESAI
    assert after.history[-1].actor_kind == "system"
    assert after.closed_at is not None
    # Idempotent: a second run finds nothing to do.
    assert run_jobs(database_url, tmp_path, monday)["reports_closed"] == 0


def test_a_reply_reopens_and_resets_the_wait(database_url: str, tmp_path: Path) -> None:
    report = report_in(
        database_url, S.DITINDAKLANJUTI, make_team(database_url).agencies["dpupr"], now=ANSWERED
    )
    replied = dt.datetime(2026, 3, 10, 3, 0, tzinfo=dt.UTC)

    async def reply(session: object) -> None:
        found = await tracking.find(session, report.tracking_code)  # type: ignore[arg-type]
        await tracking.add_reply(
            session,
            found,
            "Belum diperbaiki.",
            timezone=TZ,
            now=replied,  # type: ignore[arg-type]
        )

    factories.run(database_url, reply)
    later = dt.datetime(2026, 3, 30, 3, 0, tzinfo=dt.UTC)
    assert run_jobs(database_url, tmp_path, later)["reports_closed"] == 0
    assert load(database_url, report.id).status is S.TERVERIFIKASI

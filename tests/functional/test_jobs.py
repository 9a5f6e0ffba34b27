"""Periodic jobs: expired drafts and their evidence files go; recent ones stay."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from gesi_app import jobs
from gesi_app.cli import main
from gesi_app.db.base import utcnow
from gesi_app.db.engine import create_engine, session_factory
from gesi_app.reports import draft_store, evidence
from gesi_app.reports.models import Attachment, Draft
from tests import factories
from tests.file_metadata_support import pdf


async def _setup(url: str, uploads: Path) -> tuple[str, str]:
    engine = create_engine(url)
    sessions = session_factory(engine)
    try:
        async with sessions() as session:
            old = await draft_store.start_draft(session, now=utcnow() - dt.timedelta(days=8))
            new = await draft_store.start_draft(session)
            old_file = await evidence.add_to_draft(
                session, uploads, old.id, "a.pdf", pdf(identifying=False), ""
            )
            new_file = await evidence.add_to_draft(
                session, uploads, new.id, "b.pdf", pdf(identifying=False, pages=2), ""
            )
            await session.commit()
            return old_file.storage_key, new_file.storage_key
    finally:
        await engine.dispose()


async def _counts(url: str) -> tuple[int, int]:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            d = await session.scalar(select(func.count()).select_from(Draft))
            a = await session.scalar(select(func.count()).select_from(Attachment))
            return int(d or 0), int(a or 0)
    finally:
        await engine.dispose()


def test_run_jobs_purges_expired_drafts_and_their_files(database_url: str, tmp_path: Path) -> None:
    uploads = tmp_path / "uploads"
    old_key, new_key = asyncio.run(_setup(database_url, uploads))

    async def run() -> dict[str, int]:
        engine = create_engine(database_url)
        try:
            return await jobs.run_jobs(session_factory(engine), tmp_path, hasher=factories.HASHER)
        finally:
            await engine.dispose()

    assert asyncio.run(run()) == {
        "drafts_purged": 1,
        "reports_closed": 0,
        "reports_escalated": 0,
        "rate_counters_purged": 0,
        "reporter_keys_sent": 0,
        "notifications_sent": 0,
    }
    assert asyncio.run(_counts(database_url)) == (1, 1)
    assert not (uploads / old_key).exists()
    assert (uploads / new_key).exists()


def test_periodic_runs_at_once_and_stops_cleanly(sqlite_url: str, tmp_path: Path) -> None:
    asyncio.run(_setup(sqlite_url, tmp_path / "uploads"))

    async def run() -> None:
        engine = create_engine(sqlite_url)
        try:
            async with jobs.periodic(
                session_factory(engine), tmp_path, dt.timedelta(hours=1), hasher=factories.HASHER
            ):
                for _ in range(100):  # the first run starts straight away
                    if (await _counts(sqlite_url))[0] == 1:
                        return
                    await asyncio.sleep(0.05)
                raise AssertionError("periodic jobs did not run")
        finally:
            await engine.dispose()

    asyncio.run(run())


def test_jobs_command(
    sqlite_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("GESI_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("GESI_DATABASE_URL", sqlite_url)
    asyncio.run(_setup(sqlite_url, tmp_path / "uploads"))
    assert main(["jobs", "run"]) == 0
    assert capsys.readouterr().out == (
        "drafts_purged: 1\nreports_closed: 0\nreports_escalated: 0\nrate_counters_purged: 0\n"
        "reporter_keys_sent: 0\n"
        "notifications_sent: 0\n"
    )

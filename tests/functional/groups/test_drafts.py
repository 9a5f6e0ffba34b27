"""Registrations left unfinished: the periodic jobs purge a draft untouched for 7 days and keep
a recent one; an expired draft is not loaded."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app import jobs
from gesi_app.db.base import utcnow
from gesi_app.db.engine import create_engine, session_factory
from gesi_app.groups import drafts
from gesi_app.groups.models import GroupDraft
from tests import factories


def test_the_jobs_purge_old_registration_drafts(database_url: str, tmp_path: Path) -> None:
    async def setup(session: AsyncSession) -> tuple[str, str]:
        old = await drafts.start_draft(session, now=utcnow() - dt.timedelta(days=8))
        new = await drafts.start_draft(session)
        drafts.update_answers(old, {"name": "Kelompok Lama"}, now=utcnow() - dt.timedelta(days=8))
        drafts.update_answers(new, {"name": "Kelompok Baru"})
        assert await drafts.load_draft(session, old.id) is None
        return old.id, new.id

    old_id, new_id = factories.run(database_url, setup)

    async def run() -> dict[str, int]:
        engine = create_engine(database_url)
        try:
            return await jobs.run_jobs(session_factory(engine), tmp_path, hasher=factories.HASHER)
        finally:
            await engine.dispose()

    assert asyncio.run(run())["drafts_purged"] == 1

    async def left(session: AsyncSession) -> list[str]:
        return list((await session.scalars(select(GroupDraft.id))).all())

    assert factories.run(database_url, left) == [new_id]
    assert old_id != new_id

"""Periodic jobs: run inside the app (hourly) and by ``gesi-app jobs run`` from cron.

Every job is idempotent, so several processes or hosts running them at once is harmless.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gesi_app.db.base import utcnow
from gesi_app.reports import drafts
from gesi_app.reports.models import Attachment, Draft

log = logging.getLogger(__name__)


async def purge_expired_drafts(session: AsyncSession, uploads_dir: Path, now: dt.datetime) -> int:
    """Delete drafts untouched for 7 days, with their evidence rows and files."""
    cutoff = now - drafts.KEEP_FOR
    keys = set(
        (
            await session.scalars(
                select(Attachment.storage_key)
                .join(Draft, Attachment.draft_id == Draft.id)
                .where(Draft.updated_at < cutoff)
            )
        ).all()
    )
    purged = await drafts.purge_expired(session, now)  # commits; attachment rows cascade
    for key in keys:
        still_used = await session.scalar(
            select(Attachment.id).where(Attachment.storage_key == key).limit(1)
        )
        if still_used is None:
            (uploads_dir / key).unlink(missing_ok=True)
    return purged


async def run_jobs(
    sessions: async_sessionmaker[AsyncSession], data_dir: Path, now: dt.datetime | None = None
) -> dict[str, int]:
    now = now or utcnow()
    async with sessions() as session:
        purged = await purge_expired_drafts(session, data_dir / "uploads", now)
    return {"drafts_purged": purged}


@contextlib.asynccontextmanager
async def periodic(
    sessions: async_sessionmaker[AsyncSession], data_dir: Path, every: dt.timedelta
) -> AsyncIterator[None]:
    """Run the jobs now and then at each interval while the app runs (not at all when 0)."""
    if every <= dt.timedelta(0):
        yield
        return

    async def loop() -> None:
        while True:
            try:
                done = await run_jobs(sessions, data_dir)
                log.info("periodic jobs: %s", done)
            except Exception:  # a failed run is logged and retried next hour, never fatal
                log.exception("periodic jobs failed")
            await asyncio.sleep(every.total_seconds())

    task = asyncio.create_task(loop())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

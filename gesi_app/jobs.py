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
from gesi_app.escalations import service as escalation
from gesi_app.groups import drafts as group_drafts
from gesi_app.limits.shared import purge_ended
from gesi_app.notifications.delivery import Senders, deliver_due
from gesi_app.passwords import Hasher
from gesi_app.reports import autoclose, draft_store
from gesi_app.reports.deadlines import STANDARD, Deadlines
from gesi_app.reports.models import Attachment, Draft
from gesi_app.tracking import backfill

log = logging.getLogger(__name__)
# Reporters hear about their report within a minute, not at the next hourly run.
DELIVER_EVERY = dt.timedelta(minutes=1)


async def purge_expired_drafts(session: AsyncSession, uploads_dir: Path, now: dt.datetime) -> int:
    """Delete drafts untouched for 7 days, with their evidence rows and files."""
    cutoff = now - draft_store.KEEP_FOR
    keys = set(
        (
            await session.scalars(
                select(Attachment.storage_key)
                .join(Draft, Attachment.draft_id == Draft.id)
                .where(Draft.updated_at < cutoff)
            )
        ).all()
    )
    purged = await draft_store.purge_expired(session, now)  # commits; attachment rows cascade
    for key in keys:
        still_used = await session.scalar(
            select(Attachment.id).where(Attachment.storage_key == key).limit(1)
        )
        if still_used is None:
            (uploads_dir / key).unlink(missing_ok=True)
    return purged


async def run_jobs(
    sessions: async_sessionmaker[AsyncSession],
    data_dir: Path,
    now: dt.datetime | None = None,
    *,
    timezone: str = "Asia/Jakarta",
    deadlines: Deadlines = STANDARD,
    hasher: Hasher,
    senders: Senders | None = None,
) -> dict[str, int]:
    now = now or utcnow()
    async with sessions() as session:
        purged = await purge_expired_drafts(session, data_dir / "uploads", now)
    async with sessions() as session:
        # Registrations of community groups left unfinished count as drafts too.
        purged += await group_drafts.purge_expired(session, now)
        await session.commit()
    async with sessions() as session:
        closed = await autoclose.close_unreplied(session, now, timezone, deadlines)
    async with sessions() as session:
        escalated = await escalation.escalate_overdue(session, now, timezone)
    async with sessions() as session:
        # Rate-limit counters of windows that have ended count for nothing any more.
        counters = await purge_ended(session, now)
    async with sessions() as session:
        keys_given = await backfill.issue_missing_keys(session, hasher)
    sent = await deliver_notifications(sessions, senders, now)
    return {
        "drafts_purged": purged,
        "reports_closed": closed,
        "reports_escalated": escalated,
        "rate_counters_purged": counters,
        "reporter_keys_sent": keys_given,
        "notifications_sent": sent,
    }


async def deliver_notifications(
    sessions: async_sessionmaker[AsyncSession], senders: Senders | None, now: dt.datetime
) -> int:
    """Send the notifications that are due (none without senders)."""
    if senders is None:
        return 0
    async with sessions() as session:
        return await deliver_due(session, senders.email, senders.sms, now)


@contextlib.asynccontextmanager
async def periodic(
    sessions: async_sessionmaker[AsyncSession],
    data_dir: Path,
    every: dt.timedelta,
    *,
    timezone: str = "Asia/Jakarta",
    deadlines: Deadlines = STANDARD,
    hasher: Hasher,
    senders: Senders | None = None,
) -> AsyncIterator[None]:
    """Run the jobs now and then at each interval while the app runs (not at all when 0);
    with ``senders``, deliver notifications every minute in a loop of their own."""
    if every <= dt.timedelta(0):
        yield
        return

    async def loop() -> None:
        while True:
            try:
                done = await run_jobs(
                    sessions,
                    data_dir,
                    timezone=timezone,
                    deadlines=deadlines,
                    hasher=hasher,
                    senders=senders,
                )
                log.info("periodic jobs: %s", done)
            except Exception:  # a failed run is logged and retried next hour, never fatal
                log.exception("periodic jobs failed")
            await asyncio.sleep(every.total_seconds())

    async def deliver() -> None:
        while True:
            try:
                sent = await deliver_notifications(sessions, senders, utcnow())
                if sent:
                    log.info("notifications sent: %s", sent)
            except Exception:  # logged; the messages stay in the outbox for the next run
                log.exception("notification delivery failed")
            await asyncio.sleep(DELIVER_EVERY.total_seconds())

    tasks = [asyncio.create_task(loop())]
    if senders is not None:
        tasks.append(asyncio.create_task(deliver()))
    try:
        yield
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task

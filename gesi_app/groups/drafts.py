"""Where registrations being written are kept: answers on the server, keyed by a cookie.

No time limit while filling in; a draft untouched for 7 days is purged (the periodic jobs).
"""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.db.base import aware, utcnow
from gesi_app.groups.models import GroupDraft
from gesi_app.reports.draft_store import update_answers as update_answers  # as a report's draft

DRAFT_COOKIE = "suara_group_draft"
KEEP_FOR = dt.timedelta(days=7)


async def load_draft(
    session: AsyncSession, draft_id: str | None, now: dt.datetime | None = None
) -> GroupDraft | None:
    if not draft_id or len(draft_id) > 43:
        return None
    draft = await session.get(GroupDraft, draft_id)
    if draft is None or (now or utcnow()) - aware(draft.updated_at) >= KEEP_FOR:
        return None
    return draft


async def start_draft(session: AsyncSession, now: dt.datetime | None = None) -> GroupDraft:
    now = now or utcnow()
    draft = GroupDraft(id=secrets.token_urlsafe(32), answers={}, created_at=now, updated_at=now)
    session.add(draft)
    await session.flush()
    return draft


async def purge_expired(session: AsyncSession, now: dt.datetime | None = None) -> int:
    """Delete registration drafts untouched for 7 days; returns how many."""
    cutoff = (now or utcnow()) - KEEP_FOR
    result = await session.execute(delete(GroupDraft).where(GroupDraft.updated_at < cutoff))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]  # CursorResult has rowcount

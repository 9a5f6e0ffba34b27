"""Where drafts of reports are kept: answers stored on the server, keyed by a cookie.

No time limit while filling in; a draft untouched for 7 days is purged.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any, Protocol

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.db.base import aware, utcnow
from gesi_app.reports.models import Draft

DRAFT_COOKIE = "suara_draft"
KEEP_FOR = dt.timedelta(days=7)


def _fresh(draft: Draft, now: dt.datetime) -> bool:
    return now - aware(draft.updated_at) < KEEP_FOR


async def load_draft(
    session: AsyncSession, draft_id: str | None, now: dt.datetime | None = None
) -> Draft | None:
    if not draft_id:
        return None
    draft = await session.get(Draft, draft_id)
    if draft is None or not _fresh(draft, now or utcnow()):
        return None
    return draft


async def start_draft(session: AsyncSession, now: dt.datetime | None = None) -> Draft:
    now = now or utcnow()
    draft = Draft(id=secrets.token_urlsafe(32), answers={}, created_at=now, updated_at=now)
    session.add(draft)
    await session.flush()
    return draft


class AnswersDraft(Protocol):
    """A draft of answers kept on the server: a report's, or a group registration's."""

    answers: dict[str, Any]
    updated_at: dt.datetime


def update_answers(
    draft: AnswersDraft, changes: dict[str, Any], now: dt.datetime | None = None
) -> None:
    """Merge answers into the draft; a value of None removes that answer."""
    answers = dict(draft.answers)
    for key, value in changes.items():
        if value is None:
            answers.pop(key, None)
        else:
            answers[key] = value
    draft.answers = answers  # a new dict, so SQLAlchemy sees the JSON change
    draft.updated_at = now or utcnow()


async def purge_expired(session: AsyncSession, now: dt.datetime | None = None) -> int:
    """Delete drafts (and their uploaded evidence rows) untouched for 7 days."""
    cutoff = (now or utcnow()) - KEEP_FOR
    result = await session.execute(delete(Draft).where(Draft.updated_at < cutoff))
    await session.commit()
    return int(result.rowcount or 0)  # type: ignore[attr-defined]  # CursorResult has rowcount

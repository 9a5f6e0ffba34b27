"""Inputs captured while the connection was down: the capture page (capture.js) keeps them in
the browser and sends them, in order, when it returns, each with a key of its own. The server
stores an input once per key (a unique column), so an input sent again because its answer was
lost on the way is not stored twice.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import StaffUser
from gesi_app.forums.models import Forum, ForumInput
from gesi_app.forums.participation import NewInput, Speaker, add_input

KEY = re.compile(r"[A-Za-z0-9-]{16,64}")


def valid_key(value: object) -> str | None:
    """The key as sent, when it is one (16 to 64 letters, digits and dashes); else None."""
    return value if isinstance(value, str) and KEY.fullmatch(value) else None


async def by_key(session: AsyncSession, forum: Forum, key: str) -> ForumInput | None:
    return await session.scalar(
        select(ForumInput).where(ForumInput.forum_id == forum.id, ForumInput.client_key == key)
    )


async def add_input_once(
    session: AsyncSession,
    forum: Forum,
    new: NewInput,
    key: str,
    *,
    staff: StaffUser,
    speaker: Speaker,
    ip: str | None = None,
) -> tuple[ForumInput, bool]:
    """The input stored for ``key``: the one stored before (False), or a new one (True)."""
    found = await by_key(session, forum, key)
    if found is not None:
        return found, False
    try:
        item = await add_input(
            session, forum, new, staff=staff, speaker=speaker, ip=ip, client_key=key
        )
    except IntegrityError:  # the same key, sent twice at once: the other one was stored
        await session.rollback()
        await session.refresh(forum)  # the rollback expired it; the caller goes on with it
        found = await by_key(session, forum, key)
        if found is None:
            raise
        return found, False
    return item, True

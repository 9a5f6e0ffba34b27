"""Setting up forums and finding them again. Plain functions over a session and typed input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.models import StaffUser
from gesi_app.db.base import utcnow
from gesi_app.forums.codes import new_join_code, normalise_join_code
from gesi_app.forums.facilitators import require_facilitator, runs_forum
from gesi_app.forums.models import (
    Accommodation,
    AgendaItem,
    Audience,
    Forum,
    ForumFormat,
    ForumState,
)


@dataclass(frozen=True)
class NewForum:
    title: str
    agency_id: int | None
    format: ForumFormat
    starts_at: dt.datetime
    place: str
    agenda: tuple[str, ...]
    accommodations: tuple[Accommodation, ...] = ()
    audiences: tuple[Audience, ...] = ()


class ForumNotFound(LookupError):
    """No forum with that join code."""


class ForumClosed(Exception):
    """The forum has ended: it takes no more inputs or sign-ins."""


async def create_forum(
    session: AsyncSession, user: StaffUser, new: NewForum, *, ip: str | None = None
) -> Forum:
    """Store the forum with a join code no other forum has; audited; committed."""
    code = new_join_code()
    while await session.scalar(select(Forum.id).where(Forum.join_code == code)) is not None:
        code = new_join_code()
    forum = Forum(
        join_code=code,
        title=new.title,
        agency_id=new.agency_id,
        format=new.format,
        starts_at=new.starts_at,
        place=new.place,
        accommodations=[a.value for a in new.accommodations],
        audiences=[a.value for a in new.audiences],
        state=ForumState.PLANNED,
        created_by=user.id,
        created_at=utcnow(),
        agenda=[AgendaItem(position=i, title=t) for i, t in enumerate(new.agenda, start=1)],
    )
    session.add(forum)
    await session.flush()
    await audit.record(
        session,
        user,
        audit.Action.FORUM_CREATED,
        "forum",
        code,
        after={"title": new.title, "agenda_items": len(new.agenda)},
        ip=ip,
    )
    await session.commit()
    return forum


async def forum_by_code(session: AsyncSession, typed: str) -> Forum:
    """The forum with this join code (as typed; it is normalised) or ForumNotFound."""
    code = normalise_join_code(typed)
    forum = None
    if code is not None:
        forum = await session.scalar(select(Forum).where(Forum.join_code == code))
    if forum is None:
        raise ForumNotFound(typed)
    return forum


async def open_forums(session: AsyncSession) -> Sequence[Forum]:
    """Live forums first, then planned ones by start time: what /forums lists."""
    forums = await session.scalars(
        select(Forum).where(Forum.state != ForumState.ENDED).order_by(Forum.starts_at, Forum.id)
    )
    listed = list(forums)
    return sorted(listed, key=lambda f: f.state is not ForumState.LIVE)


async def all_forums(session: AsyncSession, user: StaffUser) -> Sequence[Forum]:
    """The forums ``user`` runs (an admin: every forum), the latest start first."""
    result = await session.scalars(
        select(Forum).where(runs_forum(user)).order_by(Forum.starts_at.desc(), Forum.id)
    )
    return result.all()


NEXT_STATE = {ForumState.PLANNED: ForumState.LIVE, ForumState.LIVE: ForumState.ENDED}


class StateUnchanged(Exception):
    """The forum is not in the state before ``target`` (a second click): nothing changed."""


async def advance_state(
    session: AsyncSession,
    user: StaffUser,
    forum: Forum,
    target: ForumState,
    *,
    ip: str | None = None,
) -> Forum:
    """Planned -> live -> ended, one step at a time, audited. An ended forum stays ended;
    asking for a step that is not the next one (a double click) changes nothing."""
    await require_facilitator(session, user, forum)
    following = NEXT_STATE.get(forum.state)
    if following is None or following is not target:
        raise StateUnchanged(forum.join_code)
    before = forum.state
    forum.state = following
    action = (
        audit.Action.FORUM_STARTED if following is ForumState.LIVE else audit.Action.FORUM_ENDED
    )
    await audit.record(
        session,
        user,
        action,
        "forum",
        forum.join_code,
        before={"state": before.value},
        after={"state": following.value},
        ip=ip,
    )
    await session.commit()
    return forum

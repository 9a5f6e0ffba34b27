"""Corrections to what a forum concluded: a theme, an agreed point or a follow-up item changed
or deleted by a facilitator. Every change is audited with the words before and after, and the
minutes show the current version (they read these rows as they are).

Deleting a theme takes its inputs out of it (they stay); deleting a follow-up item that became
a tracked report leaves the report, which staff keep working on.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.models import StaffUser
from gesi_app.forums.facilitators import require_facilitator
from gesi_app.forums.models import AgreedPoint, FollowUp, Forum, ForumInput, Theme
from gesi_app.forums.outcomes import NewFollowUp, NewPoint, NotInForum

M = TypeVar("M", Theme, AgreedPoint, FollowUp)
Action = audit.Action


async def one_of(session: AsyncSession, forum: Forum, model: type[M], row_id: int) -> M:
    """The forum's theme, agreed point or follow-up item; NotInForum when it is not its."""
    row = await session.scalar(select(model).where(model.id == row_id, model.forum_id == forum.id))
    if row is None:
        raise NotInForum(row_id)
    return row


async def any_of(
    session: AsyncSession, forum: Forum, kind: str, row_id: int
) -> Theme | AgreedPoint | FollowUp:
    """``one_of`` by kind: ``theme``, ``point`` or ``follow_up``."""
    if kind == "theme":
        return await one_of(session, forum, Theme, row_id)
    if kind == "point":
        return await one_of(session, forum, AgreedPoint, row_id)
    return await one_of(session, forum, FollowUp, row_id)


async def _done(
    session: AsyncSession,
    user: StaffUser,
    action: audit.Action,
    forum: Forum,
    before: dict[str, Any],
    after: dict[str, Any],
    ip: str | None,
) -> None:
    await audit.record(session, user, action, "forum", forum.join_code, before, after, ip)
    await session.commit()


async def change_theme(
    session: AsyncSession,
    user: StaffUser,
    forum: Forum,
    theme_id: int,
    title: str,
    *,
    ip: str | None = None,
) -> Theme:
    await require_facilitator(session, user, forum)
    theme = await one_of(session, forum, Theme, theme_id)
    before = {"theme": theme.id, "title": theme.title}
    theme.title = title
    await _done(session, user, Action.FORUM_THEME_CHANGED, forum, before, {"title": title}, ip)
    return theme


async def delete_theme(
    session: AsyncSession, user: StaffUser, forum: Forum, theme_id: int, *, ip: str | None = None
) -> None:
    await require_facilitator(session, user, forum)
    theme = await one_of(session, forum, Theme, theme_id)
    before = {"theme": theme.id, "title": theme.title}
    await session.execute(
        update(ForumInput).where(ForumInput.theme_id == theme.id).values(theme_id=None)
    )
    await session.delete(theme)
    await _done(session, user, Action.FORUM_THEME_DELETED, forum, before, {}, ip)


def _point_fields(point: AgreedPoint) -> dict[str, Any]:
    return NewPoint(point.text, point.agency_id, point.due_on, point.state).fields()


async def change_point(
    session: AsyncSession,
    user: StaffUser,
    forum: Forum,
    point_id: int,
    new: NewPoint,
    *,
    ip: str | None = None,
) -> AgreedPoint:
    """Its words, owner, due date and state; a new state is told to the participants who
    asked (follow_up_news does it as the change is flushed)."""
    await require_facilitator(session, user, forum)
    point = await one_of(session, forum, AgreedPoint, point_id)
    before = {"point": point.id, **_point_fields(point)}
    point.text, point.agency_id, point.due_on = new.text, new.agency_id, new.due_on
    point.state = new.state
    after = new.fields()
    await _done(session, user, Action.FORUM_POINT_CHANGED, forum, before, after, ip)
    return point


async def delete_point(
    session: AsyncSession, user: StaffUser, forum: Forum, point_id: int, *, ip: str | None = None
) -> None:
    await require_facilitator(session, user, forum)
    point = await one_of(session, forum, AgreedPoint, point_id)
    before = {"point": point.id, **_point_fields(point)}
    await session.delete(point)
    await _done(session, user, Action.FORUM_POINT_DELETED, forum, before, {}, ip)


def _follow_up_fields(item: FollowUp) -> dict[str, Any]:
    return {"what": item.what, "agency": item.agency_id, "due": item.due_on.isoformat()}


async def change_follow_up(
    session: AsyncSession,
    user: StaffUser,
    forum: Forum,
    follow_up_id: int,
    new: NewFollowUp,
    *,
    ip: str | None = None,
) -> FollowUp:
    await require_facilitator(session, user, forum)
    item = await one_of(session, forum, FollowUp, follow_up_id)
    before = {"follow_up": item.id, **_follow_up_fields(item)}
    item.what, item.agency_id, item.due_on = new.what, new.agency_id, new.due_on
    after = _follow_up_fields(item)
    await _done(session, user, Action.FORUM_FOLLOW_UP_CHANGED, forum, before, after, ip)
    return item


async def delete_follow_up(
    session: AsyncSession,
    user: StaffUser,
    forum: Forum,
    follow_up_id: int,
    *,
    ip: str | None = None,
) -> None:
    await require_facilitator(session, user, forum)
    item = await one_of(session, forum, FollowUp, follow_up_id)
    before = {"follow_up": item.id, "report": item.report_id, **_follow_up_fields(item)}
    await session.delete(item)
    await _done(session, user, Action.FORUM_FOLLOW_UP_DELETED, forum, before, {}, ip)

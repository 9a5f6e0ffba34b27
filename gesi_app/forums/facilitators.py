"""Who runs a forum: the staff member who set it up and the facilitators they added; admins
run every forum. Services ask ``require_facilitator`` before changing anything."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, false, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.models import Role, StaffUser
from gesi_app.accounts.permissions import Permission, PermissionDenied, has_permission
from gesi_app.forums.models import Facilitator, Forum


class NotFacilitator(PermissionDenied):
    """The staff member may run forums, but not this one."""


async def facilitates(session: AsyncSession, user: StaffUser, forum: Forum) -> bool:
    if not has_permission(user, Permission.RUN_FORUMS):
        return False
    if user.role is Role.ADMIN or forum.created_by == user.id:
        return True
    found = await session.scalar(
        select(Facilitator.user_id).where(
            Facilitator.forum_id == forum.id, Facilitator.user_id == user.id
        )
    )
    return found is not None


def runs_forum(user: StaffUser) -> ColumnElement[bool]:
    """A WHERE clause for the forums ``user`` runs (the facilitators' list filters with it)."""
    if not has_permission(user, Permission.RUN_FORUMS):
        return false()
    if user.role is Role.ADMIN:
        return true()
    added = select(Facilitator.forum_id).where(Facilitator.user_id == user.id)
    return or_(Forum.created_by == user.id, Forum.id.in_(added))


async def require_facilitator(session: AsyncSession, user: StaffUser, forum: Forum) -> None:
    """Raise NotFacilitator unless ``user`` runs ``forum``; nothing is changed."""
    if not await facilitates(session, user, forum):
        raise NotFacilitator(user, Permission.RUN_FORUMS)


async def facilitators_of(session: AsyncSession, forum: Forum) -> Sequence[StaffUser]:
    """The added facilitators (not the one who set the forum up), by name."""
    rows = await session.scalars(
        select(StaffUser)
        .join(Facilitator, Facilitator.user_id == StaffUser.id)
        .where(Facilitator.forum_id == forum.id)
        .order_by(StaffUser.full_name)
    )
    return rows.all()


async def candidates(session: AsyncSession, forum: Forum) -> Sequence[StaffUser]:
    """Active facilitator accounts that could be added to ``forum``."""
    taken = select(Facilitator.user_id).where(Facilitator.forum_id == forum.id)
    query = select(StaffUser).where(
        StaffUser.role == Role.FACILITATOR, StaffUser.active.is_(True), StaffUser.id.not_in(taken)
    )
    if forum.created_by is not None:
        query = query.where(StaffUser.id != forum.created_by)
    rows = await session.scalars(query.order_by(StaffUser.full_name))
    return rows.all()


def may_add_facilitators(user: StaffUser, forum: Forum) -> bool:
    """Only the forum's owner (who set it up) or an admin adds facilitators."""
    return has_permission(user, Permission.RUN_FORUMS) and (
        user.role is Role.ADMIN or forum.created_by == user.id
    )


async def add_facilitator(
    session: AsyncSession, user: StaffUser, forum: Forum, user_id: int, *, ip: str | None = None
) -> StaffUser:
    """Add a facilitator account to the forum (``may_add_facilitators``)."""
    if not may_add_facilitators(user, forum):
        raise NotFacilitator(user, Permission.RUN_FORUMS)
    added = next((c for c in await candidates(session, forum) if c.id == user_id), None)
    if added is None:
        raise LookupError(user_id)
    session.add(Facilitator(forum_id=forum.id, user_id=added.id))
    await audit.record(
        session,
        user,
        audit.Action.FORUM_FACILITATOR_ADDED,
        "forum",
        forum.join_code,
        after={"facilitator": added.username},
        ip=ip,
    )
    await session.commit()
    return added

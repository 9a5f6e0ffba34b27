"""A community group's representatives: accounts that sign in like staff and act only for
their own group (its desk). Admins add them from the group's page; they are listed there,
never in public. A representative is changed or deactivated like any staff member (the team
pages), and signs in with a password or a one-time link by email or SMS.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit, resets
from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import Role, StaffUser
from gesi_app.accounts.permissions import Permission, require
from gesi_app.accounts.service import create_without_password, user_by_username
from gesi_app.groups.models import Group, GroupState
from gesi_app.passwords import Hasher
from gesi_app.web.field_errors import FieldError


class RepError(FieldError):
    """A representative that cannot be added as asked; ``field`` names the form field."""

    field = "username"


class UsernameTaken(RepError):
    field = "username"


class GroupNotApproved(RepError):
    """Only an approved group acts through representatives."""

    field = "full_name"


class GroupNotFound(RepError):
    pass


@dataclass(frozen=True)
class NewRep:
    full_name: str
    username: str
    email: str | None
    phone: str | None  # E.164


@dataclass(frozen=True)
class AddedRep:
    user: StaffUser
    password_token: str  # a one-time link to choose a password, shown once to the admin


def snapshot(user: StaffUser, group: Group) -> dict[str, Any]:
    """What the audit log keeps of a representative (never the password hash)."""
    return {
        "username": user.username,
        "full_name": user.full_name,
        "email": user.email,
        "phone": user.phone,
        "role": user.role.value,
        "community_group": group.name,
        "active": user.active,
    }


async def group_for_reps(session: AsyncSession, actor: StaffUser, group_id: int) -> Group:
    require(actor, Permission.MANAGE_USERS)
    group = await session.get(Group, group_id)
    if group is None:
        raise GroupNotFound()
    return group


async def representatives(
    session: AsyncSession, actor: StaffUser, group: Group
) -> Sequence[StaffUser]:
    """The group's representatives, active first, by name. For admins only."""
    require(actor, Permission.MANAGE_USERS)
    rows = await session.scalars(
        select(StaffUser)
        .where(StaffUser.group_id == group.id, StaffUser.role == Role.GROUP_REP)
        .order_by(StaffUser.active.desc(), StaffUser.full_name, StaffUser.id)
    )
    return rows.all()


async def add_representative(
    session: AsyncSession,
    actor: StaffUser,
    group_id: int,
    data: NewRep,
    ip: str | None,
    now: dt.datetime | None = None,
    *,
    hasher: Hasher,
) -> AddedRep:
    """Add a representative to an approved group. The account has no password anyone knows:
    the person signs in by a link sent to their email or phone, or chooses a password through
    the one-time link the admin passes on."""
    group = await group_for_reps(session, actor, group_id)
    if group.state is not GroupState.APPROVED:
        raise GroupNotApproved()
    if await user_by_username(session, data.username) is not None:
        raise UsernameTaken()
    user = await create_without_password(
        session,
        username=data.username,
        full_name=data.full_name,
        role=Role.GROUP_REP,
        email=data.email,
        hasher=hasher,
    )
    user.group_id = group.id
    user.phone = data.phone
    await session.flush()
    await audit.record(
        session, actor, Action.GROUP_REP_ADDED, "staff_user", user.id,
        after=snapshot(user, group), ip=ip, now=now,
    )  # fmt: skip
    token = await resets.create_link(session, actor, user, ip, now)
    return AddedRep(user, token)

"""Managing staff accounts (admin only): list, add, change role and agency, deactivate.

Every change is written to the audit log with what it was before and after. An admin cannot
deactivate their own account, and the last active admin can be neither demoted nor
deactivated, so that someone can always manage the site.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit, auth, resets
from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import Role, StaffUser
from gesi_app.accounts.permissions import Permission, require
from gesi_app.accounts.service import create_without_password, user_by_username
from gesi_app.agencies.models import Agency
from gesi_app.passwords import Hasher
from gesi_app.web.field_errors import FieldError


class UserError(FieldError):
    """A change to a staff account that is not allowed; ``field`` names the form field."""

    field = "username"


class UserNotFound(UserError):
    pass


class UsernameTaken(UserError):
    field = "username"


class AgencyRequired(UserError):
    """An agency officer must belong to an active agency."""

    field = "agency"


class RoleNeedsGroup(UserError):
    """A representative's group is chosen on the group's page, not on the team pages."""

    field = "role"


class CannotDeactivateSelf(UserError):
    field = "active"


class LastActiveAdmin(UserError):
    """The change would leave no active admin."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


@dataclass(frozen=True)
class NewUser:
    username: str
    full_name: str
    email: str | None
    role: Role
    agency_id: int | None


@dataclass(frozen=True)
class UserChanges:
    role: Role
    agency_id: int | None
    active: bool


@dataclass(frozen=True)
class UserRow:
    user: StaffUser
    agency: Agency | None


def snapshot(user: StaffUser) -> dict[str, Any]:
    """What the audit log keeps of an account (never the password hash)."""
    return {
        "username": user.username,
        "full_name": user.full_name,
        "email": user.email,
        "role": user.role.value,
        "agency_id": user.agency_id,
        "active": user.active,
    }


async def list_users(session: AsyncSession, actor: StaffUser) -> Sequence[UserRow]:
    require(actor, Permission.MANAGE_USERS)
    result = await session.execute(
        select(StaffUser, Agency)
        .outerjoin(Agency, Agency.id == StaffUser.agency_id)
        .order_by(StaffUser.active.desc(), StaffUser.username)
    )
    return [UserRow(user, agency) for user, agency in result.all()]


async def get_user(session: AsyncSession, actor: StaffUser, user_id: int) -> StaffUser:
    require(actor, Permission.MANAGE_USERS)
    user = await session.get(StaffUser, user_id)
    if user is None:
        raise UserNotFound(str(user_id))
    return user


async def _agency_for(session: AsyncSession, role: Role, agency_id: int | None) -> int | None:
    if role is not Role.AGENCY_OFFICER:
        return None
    agency = await session.get(Agency, agency_id) if agency_id is not None else None
    if agency is None or not agency.active:
        raise AgencyRequired()
    return agency.id


@dataclass(frozen=True)
class Created:
    user: StaffUser
    setup_token: str  # a one-time link for the new staff member to set a password


async def add_user(
    session: AsyncSession,
    actor: StaffUser,
    data: NewUser,
    ip: str | None,
    now: dt.datetime | None = None,
    *,
    hasher: Hasher,
) -> Created:
    """Add an account without a usable password; the new person sets one by a one-time link."""
    require(actor, Permission.MANAGE_USERS)
    if await user_by_username(session, data.username) is not None:
        raise UsernameTaken()
    agency_id = await _agency_for(session, data.role, data.agency_id)
    agency = await session.get(Agency, agency_id) if agency_id is not None else None
    user = await create_without_password(
        session,
        username=data.username,
        full_name=data.full_name,
        role=data.role,
        email=data.email,
        hasher=hasher,
        agency=agency,
    )
    await audit.record(
        session, actor, Action.USER_CREATED, "staff_user", user.id,
        after=snapshot(user), ip=ip, now=now,
    )  # fmt: skip
    token = await resets.create_link(session, actor, user, ip, now)
    return Created(user, token)


async def _active_admin_ids(session: AsyncSession) -> set[int]:
    # FOR UPDATE on PostgreSQL: two admins demoting each other at once cannot both succeed.
    result = await session.scalars(
        select(StaffUser.id)
        .where(StaffUser.role == Role.ADMIN, StaffUser.active.is_(True))
        .with_for_update()
    )
    return set(result.all())


async def change_user(
    session: AsyncSession,
    actor: StaffUser,
    user_id: int,
    changes: UserChanges,
    ip: str | None,
    now: dt.datetime | None = None,
) -> StaffUser:
    """Change role, agency and whether the account may sign in. Deactivating ends every
    session of that account at once."""
    require(actor, Permission.MANAGE_USERS)
    user = await get_user(session, actor, user_id)
    if user.id == actor.id and not changes.active:
        raise CannotDeactivateSelf()
    agency_id = await _agency_for(session, changes.role, changes.agency_id)
    admins = await _active_admin_ids(session)
    stays_admin = changes.role is Role.ADMIN and changes.active
    if user.id in admins and not stays_admin and admins == {user.id}:
        raise LastActiveAdmin("role" if changes.active else "active")
    if changes.role is Role.GROUP_REP and user.group_id is None:
        raise RoleNeedsGroup()
    before = snapshot(user)
    user.role = changes.role
    if changes.role is not Role.GROUP_REP:
        user.group_id = None  # staff act for no group
    user.agency_id = agency_id
    user.active = changes.active
    after = snapshot(user)
    if before == after:
        return user
    await session.flush()
    if not user.active:
        await auth.end_all_sessions(session, user.id)
    action = (
        Action.USER_DEACTIVATED if before["active"] and not user.active else Action.USER_CHANGED
    )
    await audit.record(
        session, actor, action, "staff_user", user.id, before=before, after=after, ip=ip, now=now
    )
    return user


async def active_agencies(session: AsyncSession) -> Sequence[Agency]:
    result = await session.scalars(select(Agency).where(Agency.active).order_by(Agency.name_id))
    return result.all()

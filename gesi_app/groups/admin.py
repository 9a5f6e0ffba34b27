"""Community groups for admins: the lists by state, review, adding and changing a group.

Every change is written to the audit log with the group before and after; the group's page
shows those entries as its history (who, when, old -> new), member counts included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import AuditEntry, StaffUser
from gesi_app.accounts.permissions import Permission, require
from gesi_app.db.base import utcnow
from gesi_app.groups.models import Group, GroupContact, GroupState
from gesi_app.groups.service import GroupData, apply, new_group, snapshot
from gesi_app.regions.models import Region
from gesi_app.web.field_errors import FieldError

REASON_MAX = 1000


class GroupError(FieldError):
    """A change to a group that is not allowed; ``field`` names the form field."""

    field = "name"


class GroupNotFound(GroupError):
    pass


class UnknownArea(GroupError):
    """The area is not a kecamatan or desa/kelurahan of this site."""

    field = "region"


@dataclass(frozen=True)
class StaffGroup:
    """A group with its representative's contact, as admins see and change it."""

    group: Group
    contact: GroupContact

    @property
    def id(self) -> int:
        return self.group.id

    @property
    def name(self) -> str:
        return self.group.name


@dataclass(frozen=True)
class Change:
    field: str
    old: object
    new: object


@dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime
    actor: str | None  # None: the representative who registered the group
    action: str
    changes: Sequence[Change]


async def groups_by_state(
    session: AsyncSession, actor: StaffUser
) -> dict[GroupState, Sequence[Group]]:
    """Every group, pending first (oldest first: they waited longest), then approved and
    rejected by name."""
    require(actor, Permission.MANAGE_SETTINGS)
    found: dict[GroupState, Sequence[Group]] = {}
    for state in GroupState:
        order = Group.created_at if state is GroupState.PENDING else Group.name
        rows = await session.scalars(select(Group).where(Group.state == state).order_by(order))
        found[state] = rows.all()
    return found


async def get_group(session: AsyncSession, actor: StaffUser, group_id: int) -> Group:
    require(actor, Permission.MANAGE_SETTINGS)
    group = await session.get(Group, group_id)
    if group is None:
        raise GroupNotFound()
    return group


async def get_with_contact(session: AsyncSession, actor: StaffUser, group_id: int) -> StaffGroup:
    group = await get_group(session, actor, group_id)
    return StaffGroup(group, await contact_of(session, actor, group))


async def contact_of(session: AsyncSession, actor: StaffUser, group: Group) -> GroupContact:
    require(actor, Permission.MANAGE_SETTINGS)
    contact = await session.get(GroupContact, group.id)
    assert contact is not None  # made with the group, removed only with it
    return contact


async def _check_area(session: AsyncSession, code: str) -> None:
    region = await session.get(Region, code)
    if region is None or region.level not in (3, 4):
        raise UnknownArea()


async def add_group(
    session: AsyncSession,
    actor: StaffUser,
    data: GroupData,
    ip: str | None,
    now: dt.datetime | None = None,
) -> Group:
    """An admin adds a group they know: approved at once."""
    require(actor, Permission.MANAGE_SETTINGS)
    await _check_area(session, data.region_code)
    now = now or utcnow()
    group = await new_group(session, data, GroupState.APPROVED, now)
    group.created_by_staff = True
    await audit.record(
        session, actor, Action.GROUP_ADDED, "group", group.id,
        after=snapshot(group), ip=ip, now=now,
    )  # fmt: skip
    return group


async def change_group(
    session: AsyncSession,
    actor: StaffUser,
    group_id: int,
    data: GroupData,
    ip: str | None,
    now: dt.datetime | None = None,
) -> Group:
    """Change a group's facts, member counts or contact. Nothing is recorded when nothing
    changed; the audit entry holds the facts and counts before and after."""
    group = await get_group(session, actor, group_id)
    await _check_area(session, data.region_code)
    before = snapshot(group)
    apply(group, data)
    contact = await contact_of(session, actor, group)
    rep = data.representative
    contact.name, contact.email, contact.phone = rep.name, rep.email, rep.phone
    await audit.record_change(
        session, actor, "group", group.id, before, snapshot(group),
        changed=Action.GROUP_CHANGED, ip=ip, now=now,
    )  # fmt: skip
    return group


class ReasonMissing(GroupError):
    field = "reason"


class ReasonTooLong(GroupError):
    field = "reason"


async def review(
    session: AsyncSession,
    actor: StaffUser,
    group_id: int,
    approve: bool,
    reason: str,
    ip: str | None,
    now: dt.datetime | None = None,
) -> Group:
    """Approve a group (it shows in the public directory) or reject it with a reason (kept
    for staff; the group stays off the public pages)."""
    group = await get_group(session, actor, group_id)
    reason = reason.strip()
    if not approve and not reason:
        raise ReasonMissing()
    if len(reason) > REASON_MAX:
        raise ReasonTooLong()
    now = now or utcnow()
    before = snapshot(group)
    group.state = GroupState.APPROVED if approve else GroupState.REJECTED
    group.reason = None if approve else reason
    group.decided_at = now
    action = Action.GROUP_APPROVED if approve else Action.GROUP_REJECTED
    await audit.record(
        session, actor, action, "group", group.id,
        before=before, after=snapshot(group), ip=ip, now=now,
    )  # fmt: skip
    return group


async def history(session: AsyncSession, actor: StaffUser, group: Group) -> list[HistoryEntry]:
    """The group's audit entries, oldest first, each with the fields it changed."""
    require(actor, Permission.MANAGE_SETTINGS)
    rows = await session.scalars(
        select(AuditEntry)
        .where(AuditEntry.object_type == "group", AuditEntry.object_id == str(group.id))
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    entries = []
    for row in rows.all():
        before, after = row.before or {}, row.after or {}
        changes = [
            Change(key, before.get(key), value)
            for key, value in after.items()
            if key not in before or before[key] != value
        ]
        entries.append(HistoryEntry(row.at, row.actor_username, row.action, changes))
    return entries

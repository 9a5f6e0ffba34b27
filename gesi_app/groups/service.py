"""Community groups: registration by a representative, and the public directory.

The public functions return ``PublicGroup``: only what may be shown to anyone, read from the
group table alone. The representative's name and contact never leave ``admin.py``.
Member counts under SMALL_COUNT are shown as "<5" (``shown_count``), like every statistic.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.audit import Action
from gesi_app.backoffice.slugs import unique_slug
from gesi_app.db.base import utcnow
from gesi_app.groups.forms import WHOLE
from gesi_app.groups.models import Group, GroupContact, GroupKind, GroupState
from gesi_app.regions.models import Region
from gesi_app.regions.service import children, get_region, top_regions
from gesi_app.reports.codes import ALPHABET

SMALL_COUNT = 5  # counts under this are hidden, so no member can be recognised
REFERENCE_PREFIX = "KLP"
SLUG_MAX = 80
RESERVED_SLUGS = frozenset({"register"})  # /groups/register is the registration journey


@dataclass(frozen=True)
class Members:
    total: int
    women: int
    youth: int
    disability: int


@dataclass(frozen=True)
class Representative:
    name: str
    email: str | None
    phone: str | None


@dataclass(frozen=True)
class GroupData:
    name: str
    kind: GroupKind
    region_code: str
    speaks_for: str
    members: Members
    representative: Representative


@dataclass(frozen=True)
class Area:
    code: str
    desa: str | None  # None: the whole kecamatan
    kecamatan: str


@dataclass(frozen=True)
class PublicGroup:
    """What anyone may see of an approved group."""

    slug: str
    name: str
    kind: GroupKind
    area: Area
    speaks_for: str
    members: Members


def shown_count(count: int) -> str | None:
    """None when a count is too small to show (the page says "<5"); else the count."""
    return None if count < SMALL_COUNT else str(count)


def data_from_answers(answers: Mapping[str, Any]) -> GroupData:
    """A registration's answers (validated step by step) as the group to add."""
    desa = answers.get("desa")
    return GroupData(
        name=str(answers["name"]),
        kind=GroupKind(answers["kind"]),
        region_code=str(answers["kecamatan"] if desa in (None, WHOLE) else desa),
        speaks_for=str(answers["speaks_for"]),
        members=Members(
            int(answers["members_total"]),
            int(answers["members_women"]),
            int(answers["members_youth"]),
            int(answers["members_disability"]),
        ),
        representative=Representative(
            str(answers["rep_name"]), answers.get("rep_email"), answers.get("rep_phone")
        ),
    )


def snapshot(group: Group) -> dict[str, Any]:
    """What the audit log keeps of a group before and after a change (no contact)."""
    return {
        "name": group.name,
        "group_kind": group.kind.value,  # not "kind": the audit log reads keys by name
        "region_code": group.region_code,
        "speaks_for": group.speaks_for,
        "members_total": group.members_total,
        "members_women": group.members_women,
        "members_youth": group.members_youth,
        "members_disability": group.members_disability,
        "group_state": group.state.value,
        "reason": group.reason,
    }


async def _new_reference(session: AsyncSession) -> str:
    while True:
        body = "".join(secrets.choice(ALPHABET) for _ in range(6))
        reference = f"{REFERENCE_PREFIX}-{body[:4]}-{body[4:]}"
        if await session.scalar(select(Group.id).where(Group.reference == reference)) is None:
            return reference


async def new_group(
    session: AsyncSession, data: GroupData, state: GroupState, now: dt.datetime
) -> Group:
    """A new group with its contact, a unique slug from its name and a reference."""
    slug = await unique_slug(
        session, Group.slug, data.name, max_length=SLUG_MAX - 6, fallback="group"
    )
    if slug in RESERVED_SLUGS:
        slug = f"{slug}-group"
    group = Group(
        slug=slug,
        reference=await _new_reference(session),
        created_at=now,
        state=state,
        decided_at=now if state is not GroupState.PENDING else None,
    )
    apply(group, data)
    session.add(group)
    await session.flush()
    rep = data.representative
    session.add(GroupContact(group_id=group.id, name=rep.name, email=rep.email, phone=rep.phone))
    await session.flush()
    return group


def apply(group: Group, data: GroupData) -> None:
    group.name = data.name
    group.kind = data.kind
    group.region_code = data.region_code
    group.speaks_for = data.speaks_for
    group.members_total = data.members.total
    group.members_women = data.members.women
    group.members_youth = data.members.youth
    group.members_disability = data.members.disability


async def register(session: AsyncSession, data: GroupData, now: dt.datetime | None = None) -> Group:
    """A representative's registration: pending until an admin approves it. The audit log
    records it (without the contact), so the group's history starts with its first counts."""
    now = now or utcnow()
    group = await new_group(session, data, GroupState.PENDING, now)
    await audit.record(
        session, None, Action.GROUP_REGISTERED, "group", group.id, after=snapshot(group), now=now
    )
    return group


async def area_of(session: AsyncSession, code: str) -> Area:
    region = await get_region(session, code)
    if region is None:
        return Area(code, None, code)
    if region.level == 4 and region.parent_code:
        parent = await get_region(session, region.parent_code)
        return Area(code, region.name, parent.name if parent else region.parent_code)
    return Area(code, None, region.name)


async def kecamatan_list(session: AsyncSession) -> Sequence[Region]:
    """Every active kecamatan of the kabupaten/kota this site serves, by name."""
    found: list[Region] = []
    for top in await top_regions(session):
        found.extend(await children(session, top.code))
    return sorted(found, key=lambda r: r.name)


async def desa_list(session: AsyncSession, kecamatan: str) -> Sequence[Region]:
    return await children(session, kecamatan) if kecamatan else []


async def _public(session: AsyncSession, group: Group) -> PublicGroup:
    return PublicGroup(
        slug=group.slug,
        name=group.name,
        kind=group.kind,
        area=await area_of(session, group.region_code),
        speaks_for=group.speaks_for,
        members=Members(
            group.members_total, group.members_women, group.members_youth, group.members_disability
        ),
    )


async def public_groups(
    session: AsyncSession, kind: GroupKind | None = None, kecamatan: str | None = None
) -> list[PublicGroup]:
    """Approved groups by name, of one kind and/or in one kecamatan (or one of its villages)."""
    query = select(Group).where(Group.state == GroupState.APPROVED).order_by(Group.name)
    if kind is not None:
        query = query.where(Group.kind == kind)
    if kecamatan:
        villages = select(Region.code).where(Region.parent_code == kecamatan)
        query = query.where(or_(Group.region_code == kecamatan, Group.region_code.in_(villages)))
    return [await _public(session, group) for group in (await session.scalars(query)).all()]


async def public_group(session: AsyncSession, slug: str) -> PublicGroup | None:
    """An approved group by its slug; None for any other (pending and rejected are not public)."""
    group = await session.scalar(
        select(Group).where(Group.slug == slug, Group.state == GroupState.APPROVED)
    )
    return None if group is None else await _public(session, group)

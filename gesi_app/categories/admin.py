"""Managing the topic tree (admin only): add a topic or sub-topic, rename it in both
languages, set its default agency, move it up or down among its siblings, deactivate it.

A topic is never deleted: old reports keep pointing at it. A deactivated topic (and every
sub-topic under it) leaves the citizen journey at once, because the journey reads
``service.topic_tree``, which shows active topics only. Every change is audited.
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
from gesi_app.agencies.models import Agency
from gesi_app.backoffice.setting_rows import check_names_free, setting_row
from gesi_app.backoffice.slugs import unique_slug
from gesi_app.categories.models import Category
from gesi_app.web.field_errors import FieldError

NAME_MAX = 200


class TopicError(FieldError):
    """A change to a topic that is not allowed; ``field`` names the form field."""

    field = "name_id"


class TopicNotFound(TopicError):
    pass


class NameTaken(TopicError):
    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


class BadParent(TopicError):
    """A sub-topic goes under an active top-level topic: the tree has two levels."""

    field = "parent"


class BadAgency(TopicError):
    field = "agency"


@dataclass(frozen=True)
class TopicData:
    name_id: str
    name_en: str
    agency_id: int | None
    parent_id: int | None = None  # only when adding
    active: bool = True


@dataclass(frozen=True)
class TopicRow:
    topic: Category
    children: tuple[Category, ...]


def snapshot(topic: Category) -> dict[str, Any]:
    return {
        "slug": topic.slug,
        "parent_id": topic.parent_id,
        "name_id": topic.name_id,
        "name_en": topic.name_en,
        "agency_id": topic.agency_id,
        "position": topic.position,
        "active": topic.active,
    }


def _order() -> tuple[Any, ...]:
    return (Category.position, Category.name_id, Category.id)


async def topic_list(session: AsyncSession, actor: StaffUser) -> Sequence[TopicRow]:
    """Every topic, active or not, as the two-level tree in display order."""
    require(actor, Permission.MANAGE_SETTINGS)
    rows = (await session.scalars(select(Category).order_by(*_order()))).all()
    return [
        TopicRow(parent, tuple(r for r in rows if r.parent_id == parent.id))
        for parent in rows
        if parent.parent_id is None
    ]


async def get_topic(session: AsyncSession, actor: StaffUser, topic_id: int) -> Category:
    return await setting_row(session, actor, Category, topic_id, TopicNotFound)


async def _check(session: AsyncSession, data: TopicData, own: Category | None) -> None:
    parent_id = own.parent_id if own else data.parent_id
    names = [
        ("name_id", Category.name_id, data.name_id),
        ("name_en", Category.name_en, data.name_en),
    ]
    # Names are told apart among the siblings: two sub-topics of different topics may share one.
    siblings = (
        Category.parent_id.is_(None) if parent_id is None else Category.parent_id == parent_id
    )
    own_id = own.id if own is not None else None
    await check_names_free(
        session, Category.id, names, own_id=own_id, taken=NameTaken, among=siblings
    )
    if data.agency_id is not None:
        agency = await session.get(Agency, data.agency_id)
        if agency is None or (not agency.active and (own is None or own.agency_id != agency.id)):
            raise BadAgency()


async def add_topic(
    session: AsyncSession,
    actor: StaffUser,
    data: TopicData,
    ip: str | None,
    now: dt.datetime | None = None,
) -> Category:
    """Add a topic (or a sub-topic under an active top-level topic) at the end of its list."""
    require(actor, Permission.MANAGE_SETTINGS)
    if data.parent_id is not None:
        parent = await session.get(Category, data.parent_id)
        if parent is None or parent.parent_id is not None or not parent.active:
            raise BadParent()
    await _check(session, data, None)
    siblings = Category.parent_id.is_(None) if data.parent_id is None else (
        Category.parent_id == data.parent_id
    )  # fmt: skip
    last = await session.scalar(select(func.max(Category.position)).where(siblings))
    topic = Category(
        slug=await unique_slug(
            session, Category.slug, data.name_en, max_length=70, fallback="topic"
        ),
        parent_id=data.parent_id,
        name_id=data.name_id,
        name_en=data.name_en,
        agency_id=data.agency_id,
        position=(last or 0) + 1,
        active=True,
    )
    session.add(topic)
    await session.flush()
    await audit.record(
        session, actor, Action.CATEGORY_ADDED, "category", topic.id,
        after=snapshot(topic), ip=ip, now=now,
    )  # fmt: skip
    return topic


async def change_topic(
    session: AsyncSession,
    actor: StaffUser,
    topic_id: int,
    data: TopicData,
    ip: str | None,
    now: dt.datetime | None = None,
) -> Category:
    """Rename, set the default agency, deactivate or reactivate. Nothing recorded when
    nothing changed."""
    topic = await get_topic(session, actor, topic_id)
    await _check(session, data, topic)
    before = snapshot(topic)
    topic.name_id = data.name_id
    topic.name_en = data.name_en
    topic.agency_id = data.agency_id
    topic.active = data.active
    await audit.record_change(
        session, actor, "category", topic.id, before, snapshot(topic),
        changed=Action.CATEGORY_CHANGED, deactivated=Action.CATEGORY_DEACTIVATED, ip=ip, now=now,
    )  # fmt: skip
    return topic


async def move_topic(
    session: AsyncSession,
    actor: StaffUser,
    topic_id: int,
    up: bool,
    ip: str | None,
    now: dt.datetime | None = None,
) -> bool:
    """Swap a topic with its neighbour among its siblings; False when it is already first
    (or last). Positions are renumbered 1, 2, 3 … so equal positions cannot stall a move."""
    topic = await get_topic(session, actor, topic_id)
    siblings_of = (
        Category.parent_id.is_(None)
        if topic.parent_id is None
        else Category.parent_id == topic.parent_id
    )
    siblings = list(
        (await session.scalars(select(Category).where(siblings_of).order_by(*_order()))).all()
    )
    index = siblings.index(topic)
    other = index - 1 if up else index + 1
    if other < 0 or other >= len(siblings):
        return False
    before = {"position": index + 1}
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings, start=1):
        sibling.position = position
    await session.flush()
    await audit.record(
        session, actor, Action.CATEGORY_MOVED, "category", topic.id,
        before=before, after={"position": topic.position}, ip=ip, now=now,
    )  # fmt: skip
    return True

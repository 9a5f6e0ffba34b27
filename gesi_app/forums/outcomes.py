"""What a forum concluded: themes and merged duplicates, agreed points, the follow-up plan.

Plain functions over a session; every change is audited and committed. A merged input is kept
(nothing a person said is deleted) but listed and counted once, under the input it repeats.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.models import StaffUser
from gesi_app.db.base import utcnow
from gesi_app.forums.facilitators import require_facilitator
from gesi_app.forums.minutes import forum_report
from gesi_app.forums.models import AgreedPoint, FollowUp, Forum, ForumInput, PointState, Theme
from gesi_app.passwords import Hasher
from gesi_app.reports.collective import Collective
from gesi_app.reports.deadlines import Deadlines
from gesi_app.reports.models import Report

THEME_MAX, POINT_MAX, FOLLOW_UP_MAX = 100, 1000, 500


class NotInForum(LookupError):
    """An input, theme or follow-up item that is not this forum's."""


class CannotMerge(ValueError):
    """An input cannot be merged into itself (or into one merged into it)."""


@dataclass(frozen=True)
class NewFollowUp:
    what: str
    agency_id: int
    due_on: dt.date


@dataclass(frozen=True)
class NewPoint:
    """An agreed point; who owns it, by when and where it stands are optional."""

    text: str
    agency_id: int | None = None
    due_on: dt.date | None = None
    state: PointState | None = None

    def fields(self) -> dict[str, Any]:
        """As the audit log records it."""
        due = self.due_on.isoformat() if self.due_on else None
        state = self.state.value if self.state else None
        return {"text": self.text, "agency": self.agency_id, "due": due, "state": state}


async def themes_of(session: AsyncSession, forum: Forum) -> Sequence[Theme]:
    rows = await session.scalars(select(Theme).where(Theme.forum_id == forum.id).order_by(Theme.id))
    return rows.all()


async def agreed_points(session: AsyncSession, forum: Forum) -> Sequence[AgreedPoint]:
    rows = await session.scalars(
        select(AgreedPoint).where(AgreedPoint.forum_id == forum.id).order_by(AgreedPoint.id)
    )
    return rows.all()


async def follow_ups(session: AsyncSession, forum: Forum) -> Sequence[FollowUp]:
    rows = await session.scalars(
        select(FollowUp).where(FollowUp.forum_id == forum.id).order_by(FollowUp.id)
    )
    return rows.all()


def shown(inputs: Sequence[ForumInput]) -> list[ForumInput]:
    """The inputs listed and counted: every one not merged into another."""
    return [i for i in inputs if i.merged_into_id is None]


async def _record(
    session: AsyncSession,
    user: StaffUser,
    action: audit.Action,
    forum: Forum,
    after: dict[str, Any],
    ip: str | None,
) -> None:
    await audit.record(session, user, action, "forum", forum.join_code, after=after, ip=ip)
    await session.commit()


async def add_theme(
    session: AsyncSession, user: StaffUser, forum: Forum, title: str, *, ip: str | None = None
) -> Theme:
    await require_facilitator(session, user, forum)
    theme = Theme(forum_id=forum.id, title=title)
    session.add(theme)
    await session.flush()
    await _record(session, user, audit.Action.FORUM_THEME_ADDED, forum, {"theme": title}, ip)
    return theme


async def _inputs(session: AsyncSession, forum: Forum, ids: Collection[int]) -> list[ForumInput]:
    rows = list(
        await session.scalars(
            select(ForumInput).where(ForumInput.forum_id == forum.id, ForumInput.id.in_(ids))
        )
    )
    if len(rows) != len(set(ids)):
        raise NotInForum(ids)
    return rows


async def assign_theme(
    session: AsyncSession,
    user: StaffUser,
    forum: Forum,
    input_ids: Collection[int],
    theme_id: int | None,
    *,
    ip: str | None = None,
) -> None:
    """Group the inputs under a theme (None: under no theme)."""
    await require_facilitator(session, user, forum)
    if theme_id is not None and theme_id not in {t.id for t in await themes_of(session, forum)}:
        raise NotInForum(theme_id)
    for item in await _inputs(session, forum, input_ids):
        item.theme_id = theme_id
    after = {"inputs": sorted(input_ids), "theme": theme_id}
    await _record(session, user, audit.Action.FORUM_INPUTS_THEMED, forum, after, ip)


async def merge_input(
    session: AsyncSession,
    user: StaffUser,
    forum: Forum,
    input_id: int,
    into_id: int,
    *,
    ip: str | None = None,
) -> ForumInput:
    """Merge a duplicate into the input it repeats. Inputs already merged into the duplicate
    follow it, so every merge points at an input that is itself shown."""
    await require_facilitator(session, user, forum)
    if input_id == into_id:
        raise CannotMerge(input_id)
    found = {i.id: i for i in await _inputs(session, forum, [input_id, into_id])}
    duplicate, target = found[input_id], found[into_id]
    while target.merged_into_id is not None:
        target = await session.get_one(ForumInput, target.merged_into_id)
    if target.id == duplicate.id:
        raise CannotMerge(input_id)
    followers = await session.scalars(
        select(ForumInput).where(ForumInput.merged_into_id == duplicate.id)
    )
    for follower in followers:
        follower.merged_into_id = target.id
    duplicate.merged_into_id = target.id
    if duplicate.theme_id is not None and target.theme_id is None:
        target.theme_id = duplicate.theme_id
    after = {"input": duplicate.id, "into": target.id}
    await _record(session, user, audit.Action.FORUM_INPUT_MERGED, forum, after, ip)
    return target


async def add_agreed_point(
    session: AsyncSession, user: StaffUser, forum: Forum, new: NewPoint, *, ip: str | None = None
) -> AgreedPoint:
    await require_facilitator(session, user, forum)
    point = AgreedPoint(
        forum_id=forum.id,
        text=new.text,
        agency_id=new.agency_id,
        due_on=new.due_on,
        state=new.state,
        created_at=utcnow(),
    )
    session.add(point)
    await session.flush()
    after = {"point": point.id, **new.fields()}
    await _record(session, user, audit.Action.FORUM_POINT_AGREED, forum, after, ip)
    return point


async def add_follow_up(
    session: AsyncSession, user: StaffUser, forum: Forum, new: NewFollowUp, *, ip: str | None = None
) -> FollowUp:
    await require_facilitator(session, user, forum)
    item = FollowUp(
        forum_id=forum.id,
        what=new.what,
        agency_id=new.agency_id,
        due_on=new.due_on,
        created_at=utcnow(),
    )
    session.add(item)
    await session.flush()
    after = {"follow_up": item.id, "agency": new.agency_id, "due": new.due_on.isoformat()}
    await _record(session, user, audit.Action.FORUM_FOLLOW_UP_ADDED, forum, after, ip)
    return item


class FollowUpReported(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


async def follow_up_report(
    session: AsyncSession,
    user: StaffUser,
    forum: Forum,
    follow_up_id: int,
    *,
    locale: str,
    timezone: str,
    deadlines: Deadlines,
    hasher: Hasher,
    ip: str | None = None,
    collective: Collective | None = None,
) -> Report:
    """A tracked report (channel forum, aspiration, anonymous, public) from a follow-up item,
    the way an input becomes one, so the public can follow what the agency does about it;
    or sent on behalf of an approved group (``collective``), audited with its weight."""
    await require_facilitator(session, user, forum)
    item = await session.scalar(
        select(FollowUp)
        .where(FollowUp.id == follow_up_id, FollowUp.forum_id == forum.id)
        .with_for_update()
    )
    if item is None:
        raise NotInForum(follow_up_id)
    if item.report_id is not None:
        code = await session.scalar(select(Report.tracking_code).where(Report.id == item.report_id))
        raise FollowUpReported(code or "")
    report = await forum_report(
        session,
        forum,
        item.what.splitlines()[0],
        f"{item.what}\n\n{forum.title}",
        locale=locale,
        timezone=timezone,
        deadlines=deadlines,
        hasher=hasher,
        collective=collective,
    )
    item = await session.get_one(FollowUp, follow_up_id)
    item.report_id = report.id
    after: dict[str, Any] = {"follow_up": follow_up_id, "report": report.tracking_code}
    if collective is not None:
        after.update(group=collective.group_id, weight=collective.weight)
    await _record(session, user, audit.Action.FORUM_FOLLOW_UP_REPORTED, forum, after, ip)
    return report


async def follow_up_codes(session: AsyncSession, forum: Forum) -> dict[int, str]:
    rows = await session.execute(
        select(FollowUp.id, Report.tracking_code)
        .join(Report, Report.id == FollowUp.report_id)
        .where(FollowUp.forum_id == forum.id)
    )
    return {row[0]: row[1] for row in rows.all()}


@dataclass(frozen=True)
class ThemeSection:
    theme: Theme | None  # None: inputs under no theme
    inputs: Sequence[ForumInput]


async def theme_sections(
    session: AsyncSession, forum: Forum, everything: Sequence[ForumInput]
) -> list[ThemeSection]:
    """Each theme with its shown inputs (of ``everything``, all the forum's inputs), then those
    under no theme (if any)."""
    inputs = shown(everything)
    parts = [
        ThemeSection(t, [i for i in inputs if i.theme_id == t.id])
        for t in await themes_of(session, forum)
    ]
    rest = [i for i in inputs if i.theme_id is None]
    return [*parts, ThemeSection(None, rest)] if rest else parts

"""Changing a forum after it was set up: the same fields and checks as setting one up.

The agenda is typed again one item a line. An item whose title is still there keeps its
inputs; items no longer there are paired in order with new lines (a rename); any left over
are removed, which an item with inputs refuses (what people said is never thrown away).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app import clock
from gesi_app.accounts import audit
from gesi_app.accounts.models import StaffUser
from gesi_app.db.base import aware
from gesi_app.forums.facilitators import require_facilitator
from gesi_app.forums.models import AgendaItem, Forum, ForumInput
from gesi_app.forums.service import NewForum


class AgendaItemInUse(ValueError):
    """An agenda item with inputs was left out of the new agenda; nothing was changed."""

    def __init__(self, title: str) -> None:
        super().__init__(title)
        self.title = title


def setup_fields(forum: Forum, timezone: str) -> dict[str, object]:
    """The set-up form's fields as the forum stands, to change them."""
    local = aware(forum.starts_at).astimezone(zoneinfo.ZoneInfo(timezone))
    return {
        "title": forum.title,
        "agency": str(forum.agency_id or ""),
        "format": forum.format.value,
        "date_day": str(local.day),
        "date_month": str(local.month),
        "date_year": str(local.year),
        "time": local.strftime("%H.%M"),
        "place": forum.place,
        "agenda": "\n".join(item.title for item in forum.agenda),
        "accommodations": list(forum.accommodations),
        "audiences": list(forum.audiences),
    }


def earliest_date(forum: Forum, timezone: str, today: dt.date) -> dt.date:
    """A changed forum may keep its own date even when that has passed."""
    local = clock.local_date(forum.starts_at, timezone)
    return min(local, today)


def _plan_agenda(
    items: Sequence[AgendaItem], titles: Sequence[str]
) -> tuple[list[tuple[AgendaItem | None, str]], list[AgendaItem]]:
    """(item or None for a new one, its title) in the new order, and the items removed."""
    by_title: dict[str, AgendaItem] = {}
    for item in items:
        by_title.setdefault(item.title, item)
    kept = {id(by_title[t]) for t in titles if t in by_title}
    spare = [i for i in items if id(i) not in kept]
    planned: list[tuple[AgendaItem | None, str]] = []
    used: set[int] = set()
    for title in titles:
        match = by_title.get(title)
        if match is not None and id(match) not in used:
            used.add(id(match))
            planned.append((match, title))
        else:
            planned.append((spare.pop(0) if spare else None, title))
    return planned, spare


async def update_forum(
    session: AsyncSession, user: StaffUser, forum: Forum, new: NewForum, *, ip: str | None = None
) -> Forum:
    """Apply the changed set-up; audited with the names of the fields that changed."""
    await require_facilitator(session, user, forum)
    planned, removed = _plan_agenda(forum.agenda, new.agenda)
    rows = await session.execute(
        select(ForumInput.agenda_item_id, func.count())
        .where(ForumInput.forum_id == forum.id)
        .group_by(ForumInput.agenda_item_id)
    )
    in_use = {row[0] for row in rows.all()}
    for item in removed:
        if item.id in in_use:
            raise AgendaItemInUse(item.title)
    before: dict[str, Any] = {
        "title": forum.title,
        "agency": forum.agency_id,
        "format": forum.format.value,
        "starts_at": aware(forum.starts_at).isoformat(),
        "place": forum.place,
        "agenda": [i.title for i in forum.agenda],
        "accommodations": list(forum.accommodations),
        "audiences": list(forum.audiences),
    }
    forum.title, forum.agency_id, forum.format = new.title, new.agency_id, new.format
    forum.starts_at, forum.place = new.starts_at, new.place
    forum.accommodations = [a.value for a in new.accommodations]
    forum.audiences = [a.value for a in new.audiences]
    agenda: list[AgendaItem] = []
    for position, (existing, title) in enumerate(planned, start=1):
        item = existing or AgendaItem(position=position, title=title)
        item.position, item.title = position, title
        agenda.append(item)
    forum.agenda = agenda
    after: dict[str, Any] = {
        "title": new.title,
        "agency": new.agency_id,
        "format": new.format.value,
        "starts_at": aware(new.starts_at).isoformat(),
        "place": new.place,
        "agenda": list(new.agenda),
        "accommodations": forum.accommodations,
        "audiences": forum.audiences,
    }
    changed = sorted(k for k in after if after[k] != before[k])
    await audit.record(
        session,
        user,
        audit.Action.FORUM_CHANGED,
        "forum",
        forum.join_code,
        before={k: before[k] for k in changed},
        after={k: after[k] for k in changed},
        ip=ip,
    )
    await session.commit()
    return forum

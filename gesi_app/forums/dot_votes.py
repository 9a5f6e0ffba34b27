"""Dot votes: a facilitator opens a round on an agenda item's inputs (or all of them), each
joined participant spreads up to N dots, the facilitator adds dots counted in the room.

Results give dots per input, most first, and the dots from women, young people and people with
a disability (their consented answers); a segment cell under 5 is suppressed (attendance.cell).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.models import StaffUser
from gesi_app.db.base import utcnow
from gesi_app.forums.attendance import Cell, cell
from gesi_app.forums.facilitators import require_facilitator
from gesi_app.forums.models import Audience, Forum, ForumInput, Participant
from gesi_app.forums.participation import require_open
from gesi_app.forums.vote_models import Dot, DotVote

SEGMENT_COLUMNS = {
    Audience.WOMEN: Participant.woman,
    Audience.YOUTH: Participant.youth,
    Audience.DISABILITY: Participant.disability,
}


class VoteClosed(Exception):
    """No dot vote is open (it was closed meanwhile): nothing changed."""


class TooManyDots(ValueError):
    """More dots than the round gives each participant."""


async def open_vote_of(session: AsyncSession, forum: Forum) -> DotVote | None:
    return await session.scalar(
        select(DotVote)
        .where(DotVote.forum_id == forum.id, DotVote.closed_at.is_(None))
        .order_by(DotVote.id.desc())
    )


async def votes_of(session: AsyncSession, forum: Forum) -> Sequence[DotVote]:
    result = await session.scalars(
        select(DotVote).where(DotVote.forum_id == forum.id).order_by(DotVote.id)
    )
    return result.all()


async def open_vote(
    session: AsyncSession,
    user: StaffUser,
    forum: Forum,
    agenda_item_id: int | None,
    dots: int,
    *,
    ip: str | None = None,
    now: dt.datetime | None = None,
) -> DotVote:
    """A new round (closing one still open); audited; committed."""
    await require_facilitator(session, user, forum)
    require_open(forum)
    if agenda_item_id is not None and agenda_item_id not in {i.id for i in forum.agenda}:
        raise LookupError(agenda_item_id)
    now = now or utcnow()
    still_open = await open_vote_of(session, forum)
    if still_open is not None:
        still_open.closed_at = now
    vote = DotVote(forum_id=forum.id, agenda_item_id=agenda_item_id, dots=dots, opened_at=now)
    session.add(vote)
    await session.flush()
    await audit.record(
        session,
        user,
        audit.Action.FORUM_DOT_VOTE_OPENED,
        "forum",
        forum.join_code,
        after={"vote": vote.id, "agenda_item": agenda_item_id, "dots": dots},
        ip=ip,
    )
    await session.commit()
    return vote


async def close_vote(
    session: AsyncSession, user: StaffUser, forum: Forum, *, ip: str | None = None
) -> DotVote:
    await require_facilitator(session, user, forum)
    vote = await open_vote_of(session, forum)
    if vote is None:
        raise VoteClosed(forum.join_code)
    vote.closed_at = utcnow()
    await audit.record(
        session,
        user,
        audit.Action.FORUM_DOT_VOTE_CLOSED,
        "forum",
        forum.join_code,
        after={"vote": vote.id},
        ip=ip,
    )
    await session.commit()
    return vote


async def inputs_for(session: AsyncSession, vote: DotVote) -> Sequence[ForumInput]:
    """The inputs one can put dots on: the round's agenda item (or all), merged ones left out."""
    query = select(ForumInput).where(
        ForumInput.forum_id == vote.forum_id,
        ForumInput.merged_into_id.is_(None),
        ForumInput.hidden_at.is_(None),
    )
    if vote.agenda_item_id is not None:
        query = query.where(ForumInput.agenda_item_id == vote.agenda_item_id)
    result = await session.scalars(query.order_by(ForumInput.id))
    return result.all()


def _owned_by(participant: Participant | None) -> ColumnElement[bool]:
    """The dots of one participant, or (None) those counted in the room."""
    return (
        Dot.participant_id.is_(None)
        if participant is None
        else Dot.participant_id == participant.id
    )


async def dots_of(
    session: AsyncSession, vote: DotVote, participant: Participant | None
) -> dict[int, int]:
    """{input id: dots} of one participant, or (None) counted in the room."""
    owner = _owned_by(participant)
    rows = await session.execute(
        select(Dot.input_id, Dot.count).where(Dot.vote_id == vote.id, owner)
    )
    return {int(i): int(c) for i, c in rows}


async def _replace(
    session: AsyncSession, vote: DotVote, participant: Participant | None, dots: Mapping[int, int]
) -> None:
    allowed = {i.id for i in await inputs_for(session, vote)}
    if not set(dots) <= allowed:
        raise LookupError(set(dots) - allowed)
    owner = _owned_by(participant)
    await session.execute(delete(Dot).where(Dot.vote_id == vote.id, owner))
    for input_id, count in dots.items():
        if count > 0:
            session.add(
                Dot(
                    vote_id=vote.id,
                    input_id=input_id,
                    participant_id=participant.id if participant else None,
                    count=count,
                )
            )


async def cast_dots(
    session: AsyncSession,
    forum: Forum,
    participant: Participant,
    dots: Mapping[int, int],
) -> DotVote:
    """Replace the participant's dots in the open round; at most vote.dots in all."""
    require_open(forum)
    vote = await open_vote_of(session, forum)
    if vote is None:
        raise VoteClosed(forum.join_code)
    if sum(dots.values()) > vote.dots or any(n < 0 for n in dots.values()):
        raise TooManyDots(vote.dots)
    await _replace(session, vote, participant, dots)
    await session.commit()
    return vote


async def count_room_dots(
    session: AsyncSession,
    user: StaffUser,
    forum: Forum,
    vote: DotVote,
    dots: Mapping[int, int],
    *,
    ip: str | None = None,
) -> None:
    """The dots counted by hand for people in the room, per input (replacing the last count)."""
    await require_facilitator(session, user, forum)
    if vote.forum_id != forum.id:
        raise LookupError(vote.id)
    before = await dots_of(session, vote, None)
    await _replace(session, vote, None, dots)
    await audit.record(
        session,
        user,
        audit.Action.FORUM_ROOM_DOTS_COUNTED,
        "forum",
        forum.join_code,
        before={str(k): v for k, v in before.items()},
        after={str(k): v for k, v in dots.items() if v},
        ip=ip,
    )
    await session.commit()


@dataclass(frozen=True)
class DotResult:
    input: ForumInput
    total: int
    room: int
    segments: dict[Audience, Cell]


async def results(session: AsyncSession, vote: DotVote) -> list[DotResult]:
    """Dots per input, most first (then oldest input first)."""
    inputs = await inputs_for(session, vote)
    rows = await session.execute(
        select(
            Dot.input_id,
            func.sum(Dot.count),
            func.coalesce(func.sum(Dot.count).filter(Dot.participant_id.is_(None)), 0),
            *(
                func.coalesce(func.sum(Dot.count).filter(column.is_(True)), 0)
                for column in SEGMENT_COLUMNS.values()
            ),
        )
        .outerjoin(Participant, Participant.id == Dot.participant_id)
        .where(Dot.vote_id == vote.id)
        .group_by(Dot.input_id)
    )
    sums = {int(r[0]): [int(v) for v in r[1:]] for r in rows}
    found = []
    for item in inputs:
        total, room, *by_segment = sums.get(item.id, [0, 0, 0, 0, 0])
        segments = {
            audience: cell(count, total)
            for audience, count in zip(SEGMENT_COLUMNS, by_segment, strict=True)
        }
        found.append(DotResult(item, total, room, segments))
    return sorted(found, key=lambda r: (-r.total, r.input.id))

"""Taking part: joining a forum, adding inputs (by a participant or a facilitator), reading them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.models import StaffUser
from gesi_app.db.base import utcnow
from gesi_app.forums.models import Forum, ForumInput, ForumState, InputSource, Participant
from gesi_app.forums.service import ForumClosed

INPUT_LIMIT = 1000  # characters: one spoken point; also keeps a live message small


@dataclass(frozen=True)
class Speaker:
    """Who spoke, as far as they chose to say; None = not said."""

    woman: bool | None = None
    youth: bool | None = None
    disability: bool | None = None

    @property
    def given(self) -> bool:
        return any(v is not None for v in (self.woman, self.youth, self.disability))


@dataclass(frozen=True)
class NewInput:
    agenda_item_id: int
    text: str


def accepts_inputs(forum: Forum) -> bool:
    """A forum takes inputs, dots and answers until it has ended."""
    return forum.state is not ForumState.ENDED


def require_open(forum: Forum) -> None:
    """Raise ForumClosed unless the forum ``accepts_inputs``."""
    if not accepts_inputs(forum):
        raise ForumClosed(forum.join_code)


async def join(
    session: AsyncSession,
    forum: Forum,
    name: str | None,
    speaker: Speaker,
    *,
    contact: str | None = None,
    locale: str | None = None,
    now: dt.datetime | None = None,
) -> Participant:
    """A participant; segment answers are kept only as given with consent (the form asks), a
    contact only to tell them what became of the forum's follow-up (they asked)."""
    require_open(forum)
    now = now or utcnow()
    participant = Participant(
        forum_id=forum.id,
        name=name or None,
        joined_at=now,
        consent_at=now if speaker.given else None,
        woman=speaker.woman,
        youth=speaker.youth,
        disability=speaker.disability,
        contact=contact,
        wants_news=contact is not None,
        locale=locale,
    )
    session.add(participant)
    await session.commit()
    return participant


async def participant_of(
    session: AsyncSession, forum: Forum, participant_id: object
) -> Participant | None:
    if not isinstance(participant_id, int):
        return None
    participant = await session.get(Participant, participant_id)
    return participant if participant and participant.forum_id == forum.id else None


async def add_input(
    session: AsyncSession,
    forum: Forum,
    new: NewInput,
    *,
    participant: Participant | None = None,
    staff: StaffUser | None = None,
    speaker: Speaker | None = None,
    ip: str | None = None,
    now: dt.datetime | None = None,
    client_key: str | None = None,
) -> ForumInput:
    """Store one input to an agenda item of ``forum``; committed before it is announced.

    A participant's input carries their own segment answers; a facilitator's carries what they
    chose for the speaker (audited). ``client_key`` is the capture page's key for an input it
    may send more than once (forums/offline.py stores it once).
    """
    require_open(forum)
    if new.agenda_item_id not in {item.id for item in forum.agenda}:
        raise LookupError(new.agenda_item_id)
    who = speaker or Speaker()
    if participant is not None:
        who = Speaker(participant.woman, participant.youth, participant.disability)
    item = ForumInput(
        forum_id=forum.id,
        agenda_item_id=new.agenda_item_id,
        participant_id=participant.id if participant else None,
        source=InputSource.CAPTURE if staff else InputSource.PARTICIPANT,
        captured_by=staff.id if staff else None,
        text=new.text,
        created_at=now or utcnow(),
        woman=who.woman,
        youth=who.youth,
        disability=who.disability,
        client_key=client_key,
    )
    session.add(item)
    await session.flush()
    if staff is not None:
        await audit.record(
            session, staff, audit.Action.FORUM_INPUT_CAPTURED, "forum", forum.join_code, ip=ip
        )
    await session.commit()
    return item


async def inputs_of(
    session: AsyncSession, forum: Forum, *, after: int = 0, participant: Participant | None = None
) -> Sequence[ForumInput]:
    """Inputs in the order they came (id order), optionally after an id or of one participant;
    never one a facilitator hid (forums/moderation.py) until it is shown again."""
    query = select(ForumInput).where(
        ForumInput.forum_id == forum.id, ForumInput.id > after, ForumInput.hidden_at.is_(None)
    )
    if participant is not None:
        query = query.where(ForumInput.participant_id == participant.id)
    result = await session.scalars(query.order_by(ForumInput.id))
    return result.all()

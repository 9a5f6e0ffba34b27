"""Inputs given by voice: the recording is checked and stored by the report journey's code
(reports.recordings.check_and_store), so there is one implementation of magic bytes, size and
length caps, metadata stripping and durable storage."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.forums.models import Forum, ForumInput, Participant
from gesi_app.forums.participation import NewInput, add_input
from gesi_app.forums.vote_models import VoiceInput
from gesi_app.reports.recordings import check_and_store


async def add_voice_input(
    session: AsyncSession,
    forum: Forum,
    participant: Participant,
    agenda_item_id: int,
    data: bytes,
    uploads_dir: Path,
) -> ForumInput:
    """Check the recording (RecordingError says what to do), put its bytes on disk, then
    store the input (with no text) and its recording."""
    stored = await check_and_store(uploads_dir, data)
    item = await add_input(session, forum, NewInput(agenda_item_id, ""), participant=participant)
    session.add(
        VoiceInput(
            input_id=item.id,
            content_type=stored.checked.content_type,
            storage_key=stored.storage_key,
            size=stored.size,
            duration_seconds=stored.checked.seconds,
        )
    )
    await session.commit()
    return item


async def voice_inputs(
    session: AsyncSession, forum: Forum
) -> Sequence[tuple[ForumInput, VoiceInput]]:
    rows = await session.execute(
        select(ForumInput, VoiceInput)
        .join(VoiceInput, VoiceInput.input_id == ForumInput.id)
        .where(ForumInput.forum_id == forum.id)
        .order_by(ForumInput.id)
    )
    return [(i, v) for i, v in rows]


async def voice_of(session: AsyncSession, forum: Forum, input_id: int) -> VoiceInput | None:
    voice = await session.get(VoiceInput, input_id)
    item = await session.get(ForumInput, input_id) if voice else None
    return voice if item is not None and item.forum_id == forum.id else None

"""Inputs given by voice: the recording is checked and stored by the report journey's code
(reports.recordings.check_and_store), so there is one implementation of magic bytes, size and
length caps, metadata stripping and durable storage."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.models import StaffUser
from gesi_app.forums.facilitators import require_facilitator
from gesi_app.forums.models import Forum, ForumInput, Participant
from gesi_app.forums.participation import NewInput, add_input, inputs_of
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


TRANSCRIPT_MAX = 10_000


async def save_transcript(
    session: AsyncSession,
    user: StaffUser,
    forum: Forum,
    input_id: int,
    text: str,
    *,
    ip: str | None = None,
) -> VoiceInput:
    """Store (or replace) a facilitator's transcript of a voice input, which the minutes print;
    LookupError when it is not this forum's voice input, ValueError when empty or too long.
    Audited with the lengths before and after, never the words."""
    await require_facilitator(session, user, forum)
    voice = await voice_of(session, forum, input_id)
    if voice is None:
        raise LookupError(input_id)
    stored = text.strip().replace("\r\n", "\n")
    if not 1 <= len(stored) <= TRANSCRIPT_MAX:
        raise ValueError(f"a transcript has 1 to {TRANSCRIPT_MAX} characters")
    before = {"input": input_id, "transcript_length": len(voice.transcript or "")}
    voice.transcript = stored
    after = {"input": input_id, "transcript_length": len(stored)}
    await audit.record(
        session,
        user,
        audit.Action.FORUM_TRANSCRIPT_SAVED,
        "forum",
        forum.join_code,
        before,
        after,
        ip,
    )
    await session.commit()
    return voice


async def transcripts(session: AsyncSession, forum: Forum) -> Mapping[int, str]:
    """Input id -> the transcript written for it."""
    rows = await session.execute(
        select(VoiceInput.input_id, VoiceInput.transcript)
        .join(ForumInput, VoiceInput.input_id == ForumInput.id)
        .where(ForumInput.forum_id == forum.id, VoiceInput.transcript.is_not(None))
    )
    return {row[0]: row[1] for row in rows.all() if row[1]}


async def minutes_inputs(session: AsyncSession, forum: Forum) -> Sequence[ForumInput]:
    """The inputs the minutes are built from: the shown ones (never a hidden one), each voice
    input with its transcript as its text. They are taken out of the session first, so the
    transcript is never written over the input itself (on the board it stays a voice message)."""
    found = list(await inputs_of(session, forum))
    await with_transcripts(session, forum, found)
    return found


async def with_transcripts(
    session: AsyncSession, forum: Forum, items: Iterable[ForumInput]
) -> None:
    """Give each voice input among ``items`` its transcript as its text, in memory only (taken
    out of the session first, so nothing is written back)."""
    written = await transcripts(session, forum)
    for item in items:
        if item.id in written and not item.text:
            if item in session:
                session.expunge(item)
            item.text = written[item.id]

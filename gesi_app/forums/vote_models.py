"""Prioritising at a forum (dot votes, agree / disagree / pass statements) and voice inputs.

A participant's dots and answers carry no segment of their own: results by segment are read
through the participant's consented answers (forum_participants), so withdrawing them there
is enough. Dots counted by hand for people in the room have no participant.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from gesi_app.db.base import Base, enum_column, utcnow

DEFAULT_DOTS = 3
MAX_DOTS = 10
STATEMENT_LIMIT = 140


class Answer(enum.StrEnum):
    AGREE = "agree"
    DISAGREE = "disagree"
    PASS = "pass"  # noqa: S105 (the answer "pass", not a password)


class DotVote(Base):
    """One dot-vote round: on one agenda item's inputs, or (agenda_item_id None) the forum's."""

    __tablename__ = "forum_dot_votes"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forums.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("forum_agenda_items.id", ondelete="CASCADE")
    )
    dots: Mapped[int] = mapped_column(default=DEFAULT_DOTS)
    opened_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[dt.datetime | None]


class Dot(Base):
    """Dots on one input: a participant's own, or (participant_id None) counted in the room."""

    __tablename__ = "forum_dots"
    __table_args__ = (Index("ix_forum_dots_vote_input", "vote_id", "input_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("forum_dot_votes.id", ondelete="CASCADE"))
    input_id: Mapped[int] = mapped_column(ForeignKey("forum_inputs.id", ondelete="CASCADE"))
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("forum_participants.id", ondelete="CASCADE"), index=True
    )
    count: Mapped[int]


class Statement(Base):
    __tablename__ = "forum_statements"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forums.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(STATEMENT_LIMIT))
    is_open: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class StatementAnswer(Base):
    __tablename__ = "forum_statement_answers"
    __table_args__ = (UniqueConstraint("statement_id", "participant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("forum_statements.id", ondelete="CASCADE"))
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("forum_participants.id", ondelete="CASCADE"), index=True
    )
    answer: Mapped[Answer] = mapped_column(enum_column(Answer, 20))
    answered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class VoiceInput(Base):
    """The recording of an input given by voice; its bytes are stored like report evidence
    (by content hash in the uploads folder), checked by reports.recordings."""

    __tablename__ = "forum_voice_inputs"

    input_id: Mapped[int] = mapped_column(
        ForeignKey("forum_inputs.id", ondelete="CASCADE"), primary_key=True
    )
    content_type: Mapped[str] = mapped_column(String(40))
    storage_key: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    duration_seconds: Mapped[int]
    # Written by a facilitator (forums/voice.py); the minutes print it.
    transcript: Mapped[str | None] = mapped_column(Text)

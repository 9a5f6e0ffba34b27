"""Forums, their agenda, participants, inputs and attendance.

A participant's segment answers (given with consent) sit on the participant row; an input
carries only the three counts the participation gauge needs (woman, youth, disability), never
a name.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from gesi_app.db.base import Base, enum_column, utcnow


class ForumFormat(enum.StrEnum):
    IN_PERSON = "in_person"
    REMOTE = "remote"
    HYBRID = "hybrid"


class PointState(enum.StrEnum):
    """Where an agreed point stands, set by the facilitator (a follow-up item's state is the
    status of the tracked report it became)."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_GOING_AHEAD = "not_going_ahead"


class ForumState(enum.StrEnum):
    PLANNED = "planned"
    LIVE = "live"
    ENDED = "ended"


class Accommodation(enum.StrEnum):
    SIGN_LANGUAGE = "sign_language"
    CAPTIONS = "captions"
    LARGE_PRINT = "large_print"
    EASY_READ = "easy_read"


class Audience(enum.StrEnum):
    """Segments a forum aims to hear."""

    WOMEN = "women"
    YOUTH = "youth"
    DISABILITY = "disability"


class InputSource(enum.StrEnum):
    PARTICIPANT = "participant"  # typed by the participant on their own phone
    CAPTURE = "capture"  # typed by a facilitator while someone spoke


class Forum(Base):
    __tablename__ = "forums"
    __table_args__ = (Index("ix_forums_state_starts", "state", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    join_code: Mapped[str] = mapped_column(String(6), unique=True)
    title: Mapped[str] = mapped_column(String(150))
    agency_id: Mapped[int | None] = mapped_column(
        ForeignKey("agencies.id", ondelete="SET NULL"), index=True
    )
    format: Mapped[ForumFormat] = mapped_column(enum_column(ForumFormat, 20))
    starts_at: Mapped[dt.datetime]
    place: Mapped[str] = mapped_column(String(300))
    accommodations: Mapped[list[str]] = mapped_column(JSON, default=list)
    audiences: Mapped[list[str]] = mapped_column(JSON, default=list)
    state: Mapped[ForumState] = mapped_column(
        enum_column(ForumState, 20), default=ForumState.PLANNED
    )
    created_by: Mapped[int | None] = mapped_column(
        ForeignKey("staff_users.id", ondelete="SET NULL")
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # Head counts by the facilitator; None until counted (then sign-ins count instead).
    count_total: Mapped[int | None]
    count_women: Mapped[int | None]
    count_youth: Mapped[int | None]
    count_disability: Mapped[int | None]

    agenda: Mapped[list[AgendaItem]] = relationship(
        order_by="AgendaItem.position", cascade="all, delete-orphan", lazy="selectin"
    )


class AgendaItem(Base):
    __tablename__ = "forum_agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forums.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))


class Participant(Base):
    __tablename__ = "forum_participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forums.id", ondelete="CASCADE"), index=True)
    name: Mapped[str | None] = mapped_column(String(100))
    joined_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # Segment answers, only with consent (consent_at set); None = not answered.
    consent_at: Mapped[dt.datetime | None]
    woman: Mapped[bool | None]
    youth: Mapped[bool | None]
    disability: Mapped[bool | None]
    # An email address or phone number, left to be told when a follow-up moves on (with
    # wants_news); None = none left.
    contact: Mapped[str | None] = mapped_column(String(254))
    wants_news: Mapped[bool] = mapped_column(default=False)
    locale: Mapped[str | None] = mapped_column(String(5))  # the language they joined in


class ForumInput(Base):
    __tablename__ = "forum_inputs"
    __table_args__ = (Index("ix_forum_inputs_forum_id_id", "forum_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forums.id", ondelete="CASCADE"))
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("forum_agenda_items.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("forum_participants.id", ondelete="SET NULL"), index=True
    )
    source: Mapped[InputSource] = mapped_column(enum_column(InputSource, 20))
    captured_by: Mapped[int | None] = mapped_column(
        ForeignKey("staff_users.id", ondelete="SET NULL")
    )
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    woman: Mapped[bool | None]
    youth: Mapped[bool | None]
    disability: Mapped[bool | None]
    # Set when a facilitator made this input a tracked report.
    report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id", ondelete="SET NULL"))
    # Outcomes (forums/outcomes.py): the theme it was grouped under, and the input it was
    # merged into as a duplicate (then it is kept but listed and counted only once, there).
    theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("forum_themes.id", ondelete="SET NULL"), index=True
    )
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("forum_inputs.id", ondelete="SET NULL")
    )
    # Moderation (forums/moderation.py): hidden from the board, the public pages and the
    # minutes until restored; kept, with who hid it and why.
    hidden_at: Mapped[dt.datetime | None]
    hidden_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    hidden_reason: Mapped[str | None] = mapped_column(Text)
    # Sent by the capture page's offline queue: a key per input, so a resend stores it once.
    client_key: Mapped[str | None] = mapped_column(String(64), unique=True)


class Theme(Base):
    __tablename__ = "forum_themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forums.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(100))


class AgreedPoint(Base):
    __tablename__ = "forum_agreed_points"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forums.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # Optional, and set or changed later: who owns it, by when, and where it stands.
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id", ondelete="RESTRICT"))
    due_on: Mapped[dt.date | None]
    state: Mapped[PointState | None] = mapped_column(enum_column(PointState, 20))


class FollowUp(Base):
    """One item of the follow-up plan: what, which agency owns it, by when."""

    __tablename__ = "forum_follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forums.id", ondelete="CASCADE"), index=True)
    what: Mapped[str] = mapped_column(Text)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id", ondelete="RESTRICT"))
    due_on: Mapped[dt.date]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id", ondelete="SET NULL"))


class Facilitator(Base):
    """Another staff account that may run a forum besides the one who set it up."""

    __tablename__ = "forum_facilitators"

    forum_id: Mapped[int] = mapped_column(
        ForeignKey("forums.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("staff_users.id", ondelete="CASCADE"), primary_key=True, index=True
    )

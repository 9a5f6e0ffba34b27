"""The minutes as an official document (berita acara): the authority's letterhead, the yearly
number sequences, each forum's number and signers, and the named attendance list.

The letterhead is one row (id 1) an admin sets once. A sequence row per (agency key, year) is
counted up in one statement (insert or add one), so two facilitators closing at once never get
the same number on SQLite or PostgreSQL. Named attendance is optional per person: the head
count (or sign-ins) stays the source of the segment figures.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from gesi_app.db.base import Base, utcnow

DEFAULT_PATTERN = "000.1.2/{seq}/{agency}/{year}"


class Letterhead(Base):
    __tablename__ = "minutes_letterhead"

    id: Mapped[int] = mapped_column(primary_key=True)
    authority: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    code: Mapped[str] = mapped_column(String(30), default="")  # {agency} when a forum has none
    pattern: Mapped[str] = mapped_column(String(100), default=DEFAULT_PATTERN)
    logo_key: Mapped[str | None] = mapped_column(String(64))  # sha256 under the uploads folder
    logo_type: Mapped[str | None] = mapped_column(String(30))
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class NumberSequence(Base):
    __tablename__ = "minutes_number_sequences"

    agency_key: Mapped[str] = mapped_column(String(60), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    last: Mapped[int]


class MinutesDocument(Base):
    """A forum's document: its signers (any time) and its number (once, when closed)."""

    __tablename__ = "forum_minutes_documents"

    forum_id: Mapped[int] = mapped_column(
        ForeignKey("forums.id", ondelete="CASCADE"), primary_key=True
    )
    number: Mapped[str | None] = mapped_column(String(120), unique=True)
    closed_at: Mapped[dt.datetime | None]
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    # [{"role": "organiser"|"public", "name", "position", "nip"}], in signing order.
    signers: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    # The accommodations actually provided (Accommodation values), as the facilitator says;
    # the document lists only these, never the ones merely offered.
    provided: Mapped[list[str]] = mapped_column(JSON, default=list)


class Attendee(Base):
    """One line of the daftar hadir: a name and where they come from; a segment only with the
    person's consent."""

    __tablename__ = "forum_attendees"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forums.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    origin: Mapped[str] = mapped_column(String(150), default="")
    segments: Mapped[list[str]] = mapped_column(JSON, default=list)  # only with consent
    consent: Mapped[bool] = mapped_column(default=False)
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

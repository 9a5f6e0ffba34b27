"""Reports and what hangs off them. Identity (contact) and GESI segments live in their own
tables, apart from the report, so that no query for public pages can reach them by accident."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from gesi_app.db.base import Base, enum_column, utcnow


class ReportType(enum.StrEnum):
    PENGADUAN = "pengaduan"
    ASPIRASI = "aspirasi"
    PERMINTAAN_INFORMASI = "permintaan_informasi"


class Status(enum.StrEnum):
    DITERIMA = "diterima"
    TERVERIFIKASI = "terverifikasi"
    DITINDAKLANJUTI = "ditindaklanjuti"
    SELESAI = "selesai"
    DITUNDA = "ditunda"
    BUKAN_WEWENANG = "bukan_wewenang"
    DIARSIPKAN = "diarsipkan"


class Channel(enum.StrEnum):
    WEB = "web"
    WALK_IN = "walk_in"
    PHONE = "phone"
    LETTER = "letter"
    FORUM = "forum"


class WhenKind(enum.StrEnum):
    DATE = "date"
    UNKNOWN = "unknown"
    ONGOING = "ongoing"


class Report(Base):
    __tablename__ = "reports"
    __table_args__ = (Index("ix_reports_public_list", "rahasia", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tracking_code: Mapped[str] = mapped_column(String(12), unique=True)
    # The reporter's key: every reporter proves the report is theirs with a PIN (hashed like a
    # password; tracking/keys.py). None only for a report sent before PINs, until it gets one.
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    type: Mapped[ReportType] = mapped_column(enum_column(ReportType, 30))
    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("categories.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(150))
    description: Mapped[str] = mapped_column(Text)
    when_kind: Mapped[WhenKind] = mapped_column(enum_column(WhenKind, 30))
    occurred_on: Mapped[dt.date | None]
    region_code: Mapped[str | None] = mapped_column(
        ForeignKey("regions.code", ondelete="SET NULL"), index=True
    )
    landmark: Mapped[str | None] = mapped_column(String(200))
    anonim: Mapped[bool]
    rahasia: Mapped[bool]
    status: Mapped[Status] = mapped_column(
        enum_column(Status, 30), default=Status.DITERIMA, index=True
    )
    channel: Mapped[Channel] = mapped_column(enum_column(Channel, 30), default=Channel.WEB)
    agency_id: Mapped[int | None] = mapped_column(
        ForeignKey("agencies.id", ondelete="SET NULL"), index=True
    )
    locale: Mapped[str] = mapped_column(String(5), default="id")
    # A collective submission speaks for this many people (1 for an individual report).
    weight: Mapped[int] = mapped_column(default=1)
    # A collective report: the community group that sent it (None for an individual report),
    # and how many of the ``weight`` people are women, youth (16-30) and people with
    # disabilities, by the journey's own definitions. Counts only, never names.
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("community_groups.id", ondelete="RESTRICT"), index=True
    )
    on_behalf_women: Mapped[int | None]
    on_behalf_youth: Mapped[int | None]
    on_behalf_disability: Mapped[int | None]
    # How many of the ``weight`` people signed the report, when the group counted them.
    on_behalf_signed: Mapped[int | None]
    support_count: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    verify_due: Mapped[dt.date | None]
    answer_due: Mapped[dt.date | None]
    closed_at: Mapped[dt.datetime | None]
    # When the history first reached verified, answered and closed: kept by triggers on
    # report_events (migration 0025), never written here; the statistics' timings read them.
    first_verified_at: Mapped[dt.datetime | None]
    first_answered_at: Mapped[dt.datetime | None]
    first_closed_at: Mapped[dt.datetime | None]
    # Public only after verification (gesi_app.public.publication): when it went public and
    # the title and text a verifier checked (and may have redacted). The reporter's own title
    # and description above stay as sent, for staff only.
    published_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    public_title: Mapped[str | None] = mapped_column(String(150))
    public_description: Mapped[str | None] = mapped_column(Text)
    public_landmark: Mapped[str | None] = mapped_column(String(200))
    # The one-time token of the staff intake form that stored this report: the same form sent
    # again (a reload, a double click) finds this report instead of storing a second one.
    intake_token: Mapped[str | None] = mapped_column(String(43), unique=True)

    history: Mapped[list[ReportEvent]] = relationship(
        back_populates="report", order_by="ReportEvent.id", cascade="all, delete-orphan"
    )
    messages: Mapped[list[ReportMessage]] = relationship(
        back_populates="report", order_by="ReportMessage.id", cascade="all, delete-orphan"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="report", order_by="Attachment.id", cascade="all, delete-orphan"
    )
    # Written with the report in one flush; read through session.get where needed, never
    # loaded by attribute access (an accidental lazy load of a reporter's identity raises).
    contact: Mapped[ReporterContact | None] = relationship(
        lazy="raise", cascade="save-update", passive_deletes=True
    )
    segment: Mapped[ReporterSegment | None] = relationship(
        lazy="raise", cascade="save-update", passive_deletes=True
    )


class ReporterContact(Base):
    """Who sent the report and how to reach them. Never shown to the public; for an anonim
    report never shown to the agency either."""

    __tablename__ = "reporter_contacts"

    report_id: Mapped[int] = mapped_column(
        ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str | None] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(20))  # E.164, normalised with lokal-id


class ReporterSegment(Base):
    """Self-declared GESI answers, given with consent. Counted in aggregates only."""

    __tablename__ = "reporter_segments"

    report_id: Mapped[int] = mapped_column(
        ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True
    )
    consent_at: Mapped[dt.datetime]
    gender: Mapped[str | None] = mapped_column(
        String(20)
    )  # perempuan | laki_laki | None (not said)
    age_band: Mapped[str | None] = mapped_column(String(20))
    # Washington Group Short Set: 1 no difficulty … 4 cannot do at all; None = not said.
    wg_seeing: Mapped[int | None]
    wg_hearing: Mapped[int | None]
    wg_walking: Mapped[int | None]
    wg_remembering: Mapped[int | None]
    wg_selfcare: Mapped[int | None]
    wg_communicating: Mapped[int | None]
    disability: Mapped[bool | None]  # derived: any domain 3 or 4
    disability_kinds: Mapped[list[str]] = mapped_column(JSON, default=list)  # UU 8/2016 kinds


class ReportEvent(Base):
    """Append-only history: every status change with actor, agency, time and reason."""

    __tablename__ = "report_events"
    # When a report first reached a status, one index seek (open data, statistics).
    __table_args__ = (
        Index("ix_report_events_report_status_at", "report_id", "to_status", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[Status | None] = mapped_column(enum_column(Status, 30))
    to_status: Mapped[Status] = mapped_column(enum_column(Status, 30))
    actor_kind: Mapped[str] = mapped_column(String(20))  # reporter | staff | system
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id", ondelete="SET NULL"))
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    report: Mapped[Report] = relationship(back_populates="history")


class ReportMessage(Base):
    """An answer from the agency, or a reply from the reporter."""

    __tablename__ = "report_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    author_kind: Mapped[str] = mapped_column(String(20))  # agency | reporter
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    report: Mapped[Report] = relationship(back_populates="messages")


class Rating(Base):
    __tablename__ = "report_ratings"

    report_id: Mapped[int] = mapped_column(
        ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True
    )
    score: Mapped[int]
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Attachment(Base):
    """Evidence (a photo, location metadata stripped, or a document) or the recording that tells
    what happened (voice, sign_video); the bytes are stored in the data dir."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int | None] = mapped_column(
        ForeignKey("reports.id", ondelete="CASCADE"), index=True
    )
    draft_id: Mapped[str | None] = mapped_column(
        ForeignKey("report_drafts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))  # photo | document | voice | sign_video
    content_type: Mapped[str] = mapped_column(String(100))
    filename: Mapped[str] = mapped_column(String(200))
    storage_key: Mapped[str] = mapped_column(String(100))  # file name under <data dir>/uploads
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    description: Mapped[str | None] = mapped_column(String(300))
    # A voice message or sign-language video: its length, and what staff wrote down of it.
    duration_seconds: Mapped[int | None]
    transcript: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    report: Mapped[Report | None] = relationship(back_populates="attachments")


class Support(Base):
    """One "dukung" per browser per report (the browser's random token, hashed)."""

    __tablename__ = "report_supports"
    __table_args__ = (UniqueConstraint("report_id", "supporter"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    supporter: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Cosign(Base):
    """Support added to a public report by a community group (once per group, for the
    ``people`` it speaks for, bounded by its members) or by a citizen (once per browser, the
    browser's random token hashed like a "dukung", for one person). Apart from "dukung"."""

    __tablename__ = "report_cosigns"
    __table_args__ = (
        # Named in full: the naming convention takes the first column only, the same for both.
        UniqueConstraint("report_id", "group_id", name="uq_report_cosigns_report_id_group_id"),
        UniqueConstraint("report_id", "supporter", name="uq_report_cosigns_report_id_supporter"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("community_groups.id", ondelete="RESTRICT"), index=True
    )
    supporter: Mapped[str | None] = mapped_column(String(64))  # a citizen's browser, hashed
    people: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Draft(Base):
    """Answers of a report being written, keyed by a random id kept in a cookie.

    Server-side so nothing depends on JavaScript; purged 7 days after the last change.
    """

    __tablename__ = "report_drafts"

    id: Mapped[str] = mapped_column(String(43), primary_key=True)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)


class ReportReceipt(Base):
    """A new report's PIN, kept on the server for the one confirmation page that shows it.

    The browser holds only the receipt's random id; the first view reads the PIN and
    deletes the row, and a receipt nobody opened is deleted after ``receipts.KEEP_FOR``.
    """

    __tablename__ = "report_receipts"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    pin: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)

"""Community groups and the drafts of their registration.

The representative's name and contact live in their own table, apart from the group, so that
no query for the public directory can reach them by accident. Changes to a group (member
counts too) are written to the audit log, which is the group's history.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from gesi_app.db.base import Base, enum_column, utcnow


class GroupKind(enum.StrEnum):
    DISABILITY = "disability"
    WOMEN = "women"
    YOUTH = "youth"
    OTHER = "other"


class GroupState(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class Group(Base):
    __tablename__ = "community_groups"
    # The same bounds as the forms (forms.MEMBERS_MAX), held by the database too.
    __table_args__ = (
        CheckConstraint("members_total BETWEEN 1 AND 100000", name="members_total_bounds"),
        CheckConstraint(
            "members_women BETWEEN 0 AND members_total AND members_youth BETWEEN 0 AND "
            "members_total AND members_disability BETWEEN 0 AND members_total",
            name="members_segments_within_total",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    # Shown on the confirmation page; the representative quotes it when asking about the review.
    reference: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[GroupKind] = mapped_column(enum_column(GroupKind, 20))
    # A kecamatan, or a desa/kelurahan in one.
    region_code: Mapped[str] = mapped_column(
        ForeignKey("regions.code", ondelete="RESTRICT"), index=True
    )
    speaks_for: Mapped[str] = mapped_column(String(300))
    members_total: Mapped[int]
    members_women: Mapped[int]
    members_youth: Mapped[int]
    members_disability: Mapped[int]
    state: Mapped[GroupState] = mapped_column(enum_column(GroupState, 20), index=True)
    reason: Mapped[str | None] = mapped_column(Text)  # why it was rejected
    created_by_staff: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[dt.datetime | None]


class GroupContact(Base):
    """Who registered the group and how to reach them: for admins only, never public."""

    __tablename__ = "community_group_contacts"

    group_id: Mapped[int] = mapped_column(
        ForeignKey("community_groups.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(20))


class GroupDraft(Base):
    """Answers of a registration being written, keyed by a random id kept in a cookie.

    Server-side so nothing depends on JavaScript and no contact sits in a readable cookie;
    purged 7 days after the last change, like report drafts.
    """

    __tablename__ = "community_group_drafts"

    id: Mapped[str] = mapped_column(String(43), primary_key=True)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)

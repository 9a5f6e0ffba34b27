"""Staff accounts and their roles."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from gesi_app.db.base import Base, enum_column, utcnow


class Role(enum.StrEnum):
    ADMIN = "admin"
    VERIFIER = "verifier"
    AGENCY_OFFICER = "agency_officer"
    FACILITATOR = "facilitator"
    # A community group's representative: signs in like staff, acts only for its own group
    # (StaffUser.group_id) and holds none of the staff permissions.
    GROUP_REP = "group_rep"


class StaffUser(Base):
    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    # E.164, for a sign-in link by SMS (accounts.signin_links); optional like the email.
    phone: Mapped[str | None] = mapped_column(String(20))
    role: Mapped[Role] = mapped_column(enum_column(Role, 20))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id", ondelete="RESTRICT"))
    # Only for a group_rep: the one community group this account acts for.
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("community_groups.id", ondelete="RESTRICT"), index=True
    )
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_sign_in_at: Mapped[dt.datetime | None]


class StaffSession(Base):
    """A signed-in browser. The cookie holds only a random key; this row holds its SHA-256, so
    signing out or deactivating a user ends the session in every process at once."""

    __tablename__ = "staff_sessions"

    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("staff_users.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    ip: Mapped[str | None] = mapped_column(String(45))


class PasswordReset(Base):
    """A one-time link to set a password. Only the SHA-256 of its token is stored."""

    __tablename__ = "staff_password_resets"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("staff_users.id", ondelete="CASCADE"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_users.id", ondelete="SET NULL")
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None]


class SignInLink(Base):
    """A one-time sign-in link sent by email or SMS, the alternative to a password (WCAG 2.2
    SC 3.3.8). Only the SHA-256 of its token is stored; it works once, for 15 minutes."""

    __tablename__ = "staff_sign_in_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("staff_users.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str] = mapped_column(String(10))  # email | sms
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None]


class AuditEntry(Base):
    """Append-only record of a staff action. Nothing in the app updates or deletes a row, and
    database triggers (migration 0003) refuse UPDATE and DELETE as well."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    # No foreign key: the entry keeps who it was even if the account were ever removed.
    actor_id: Mapped[int | None] = mapped_column(index=True)
    actor_username: Mapped[str | None] = mapped_column(String(60))
    actor_role: Mapped[str | None] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(40), index=True)
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str | None] = mapped_column(String(60))
    ip: Mapped[str | None] = mapped_column(String(45))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class ResponseTemplate(Base):
    """A starting point for an answer, in both languages, kept and edited by admins. Never
    deleted, only deactivated, so the audit log's references stay meaningful."""

    __tablename__ = "response_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The value the answer form posts; seeded templates keep the keys they had in code.
    key: Mapped[str] = mapped_column(String(60), unique=True)
    label_id: Mapped[str] = mapped_column(String(100))
    label_en: Mapped[str] = mapped_column(String(100))
    text_id: Mapped[str] = mapped_column(String(2000))
    text_en: Mapped[str] = mapped_column(String(2000))
    active: Mapped[bool] = mapped_column(default=True)
    position: Mapped[int] = mapped_column(default=0)

    def label(self, locale: str) -> str:
        return self.label_en if locale == "en" else self.label_id

    def text(self, locale: str) -> str:
        return self.text_en if locale == "en" else self.text_id

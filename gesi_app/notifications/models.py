"""The outbox: every message to a reporter, written in the same transaction as the status
change that caused it, and kept after sending (or failing) for the admin."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from gesi_app.db.base import Base, enum_column, utcnow


class OutboxChannel(enum.StrEnum):
    EMAIL = "email"
    SMS = "sms"


class OutboxStatus(enum.StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    NO_GATEWAY = "no_gateway"  # an SMS with no gateway set up: not sent, never tried


class Outbox(Base):
    __tablename__ = "notification_outbox"
    # The delivery query: pending messages of a channel whose time has come.
    __table_args__ = (Index("ix_notification_outbox_due", "status", "channel", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # None for news of a forum's agreed point, which belongs to no report.
    report_id: Mapped[int | None] = mapped_column(
        ForeignKey("reports.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[OutboxChannel] = mapped_column(enum_column(OutboxChannel, 10))
    # Copied when queued: an email address, or an E.164 phone number for SMS.
    recipient: Mapped[str] = mapped_column(String(254))
    locale: Mapped[str] = mapped_column(String(5))
    kind: Mapped[str] = mapped_column(String(30))  # verified | answered | closed | ...
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[OutboxStatus] = mapped_column(
        enum_column(OutboxStatus, 10), default=OutboxStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # Short and free of personal data: the error's class and SMTP code, never the address.
    last_error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[dt.datetime | None]

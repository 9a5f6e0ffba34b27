"""One row per report per missed deadline: the admins were told about it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from gesi_app.db.base import Base, utcnow


class Escalation(Base):
    __tablename__ = "escalations"
    __table_args__ = (
        UniqueConstraint("report_id", "kind", "due", name="uq_escalations_report_kind_due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # "verify" or "answer"
    due: Mapped[dt.date] = mapped_column(Date)
    escalated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
